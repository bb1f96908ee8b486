"""What goes into a book file: an ordered list of parts and chapters, rendered by the pages' own
Markdown renderer (``Lemma.rendered``, ``Page.rendered``), whatever the book is: the whole lexicon,
one lemma, or any ordered list of lemmas and lemma sections (a reading route).
"""
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lexicon.content import citation
from lexicon.content.models import Cluster, Lemma, Page

BACK_MATTER = {"colofon"}  # Over-pages that close the book; the others open it


@dataclass
class Chapter:
    ident: str  # unique in the book: "lemma-<slug>", "page-<slug>"; prefixes every id inside
    kind: str  # "lemma" or "page"
    slug: str
    title: str
    html: str
    toc: list
    url: str  # absolute URL of the page on the site
    subtitle: str = ""
    byline: str = ""
    cluster: str = ""
    citation: dict = None  # citation.apa() of a lemma


@dataclass
class Part:
    title: str  # "" for front and back matter
    chapters: list = field(default_factory=list)
    ident: str = ""


@dataclass
class Book:
    title: str
    parts: list
    generation: str
    changed: object = None
    subtitle: str = ""
    built: object = field(default_factory=timezone.now)
    filename: str = "lexicon"

    @property
    def chapters(self):
        return [chapter for part in self.parts for chapter in part.chapters]

    def citation_text(self):
        """APA reference of this edition of the book (the editors' volume, with its version)."""
        info = settings.LEXICON
        editors = ", ".join(info["EDITORS"][:-1]) + ", & " + info["EDITORS"][-1]
        return (f"{editors} (Red.). ({info['YEAR']}). {info['TITLE']} "
                f"[{_('versie')} {self.generation}]. {info['PUBLISHER']}. {settings.SITE_URL}/")


def _absolute(path):
    return settings.SITE_URL + path


def _byline(names):
    if not names:
        return _("Redactie")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " " + _("en") + " " + names[-1]


def lemma_chapter(lemma, anchors=None):
    """A lemma as a chapter; with ``anchors``, only those ``##`` sections of it (route steps)."""
    rendered = lemma.rendered
    html, toc = rendered.html, rendered.toc
    if anchors:
        html = sections_only(html, anchors)
        toc = [entry for entry in toc if entry["id"] in anchors]
    url = _absolute(lemma.get_absolute_url())
    return Chapter(
        ident=f"lemma-{lemma.slug}", kind="lemma", slug=lemma.slug, title=lemma.title, html=html, toc=toc,
        url=url, subtitle=lemma.subtitle, byline=_byline([a.name for a in lemma.ordered_authors]),
        cluster=lemma.cluster.name, citation=citation.apa(lemma, url),
    )


def page_chapter(page):
    rendered = page.rendered
    return Chapter(
        ident=f"page-{page.slug}", kind="page", slug=page.slug, title=page.title, html=rendered.html,
        toc=rendered.toc, url=_absolute(page.get_absolute_url()), byline=page.author_line,
    )


_H2 = re.compile(r'<h2 id="([^"]*)">')
_FOOTNOTES = re.compile(r'<div class="footnote">.*</div>\s*$', re.S)
_NOTE = re.compile(r'<li id="fn:([^"]+)">.*?</li>', re.S)


def sections_only(html, anchors):
    """The ``<h2>`` sections of rendered ``html`` whose heading id is in ``anchors``, with only the
    footnotes they cite (the renderer puts all notes in one block at the end)."""
    notes_match = _FOOTNOTES.search(html)
    body = html[: notes_match.start()] if notes_match else html
    starts = [(m.start(), m.group(1)) for m in _H2.finditer(body)]
    kept = []
    for i, (start, ident) in enumerate(starts):
        if ident in anchors:
            kept.append(body[start: starts[i + 1][0] if i + 1 < len(starts) else len(body)])
    text = "".join(kept)
    if notes_match:
        cited = set(re.findall(r'href="#fn:([^"]+)"', text))
        notes = [m.group(0) for m in _NOTE.finditer(notes_match.group(0)) if m.group(1) in cited]
        if notes:
            text += '<div class="footnote">\n<hr>\n<ol>\n' + "\n".join(notes) + "\n</ol>\n</div>"
    return text


def whole_book(generation):
    """Voorwoord and inleiding, the published lemmas by cluster in book order, the colofon."""
    pages = list(Page.objects.order_by("order"))
    front = Part("", [page_chapter(p) for p in pages if p.slug not in BACK_MATTER], "voorwerk")
    parts = [front]
    lemmas = Lemma.objects.published().for_listing().order_by("order", "title")
    by_cluster = {}
    for lemma in lemmas:
        by_cluster.setdefault(lemma.cluster_id, []).append(lemma)
    for cluster in Cluster.objects.order_by("order", "name"):
        if cluster.pk in by_cluster:
            parts.append(Part(cluster.name, [lemma_chapter(l) for l in by_cluster[cluster.pk]], f"cluster-{cluster.slug}"))
    parts.append(Part("", [page_chapter(p) for p in pages if p.slug in BACK_MATTER], "nawerk"))
    return Book(settings.LEXICON["TITLE"], [p for p in parts if p.chapters], generation.key, generation.changed)


def single_lemma(lemma, generation):
    return Book(lemma.title, [Part("", [lemma_chapter(lemma)])], generation.key, generation.changed,
                subtitle=lemma.subtitle, filename=lemma.slug)


def from_items(title, items, generation, *, subtitle="", filename="route"):
    """A book of an ordered list of ``Lemma`` or ``(Lemma, [anchor, ...])`` items, e.g. a reading route.
    A lemma that comes twice (two steps in two of its sections) becomes one chapter per step."""
    chapters, seen = [], {}
    for item in items:
        lemma, anchors = item if isinstance(item, tuple) else (item, None)
        chapter = lemma_chapter(lemma, anchors)
        n = seen[lemma.slug] = seen.get(lemma.slug, 0) + 1
        if n > 1:
            chapter.ident = f"{chapter.ident}-{n}"
        chapters.append(chapter)
    return Book(title, [Part("", chapters)], generation.key, generation.changed, subtitle=subtitle, filename=filename)
