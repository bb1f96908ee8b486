"""A lemma's ``##`` sections, derived from its Markdown body: the unit of deep-linked search results.

Anchors are taken from the renderer's table of contents, so a section's anchor is exactly the id
``rendering.render_markdown`` gives its heading (including python-markdown's ``_1`` suffixes for
duplicate headings). Text before the first ``##`` becomes a section titled like the lemma with an
empty anchor: its deep link is the lemma page itself.
"""
import html
import re
from typing import NamedTuple

from django.db import transaction

from lexicon.content import rendering

# A level-2 ATX heading at the start of a line ("## Title", not "### Title").
H2_RE = re.compile(r"^##(?!#)[ \t]*(?P<title>.*?)[ \t#]*$", re.M)


class Section(NamedTuple):
    order: int
    title: str
    anchor: str
    text: str  # plain text, for indexing and snippets


def _heading_positions(body):
    """(start, end, raw title) of ``##`` headings. The renderer has no fenced-code extension,
    so a ``##`` line between ``` fences is a heading there too; indented code never matches."""
    return [(m.start(), m.end(), m.group("title")) for m in H2_RE.finditer(body)]


def split_sections(title, body):
    """Split a Markdown body into sections; anchors equal the rendered heading ids."""
    body = (body or "").replace("\r\n", "\n")
    headings = _heading_positions(body)
    toc = rendering.render_markdown(body).toc
    if len(toc) == len(headings):
        # toc names are HTML-escaped ("&amp;"); sections hold plain text.
        anchors = [(entry["id"], html.unescape(entry["name"])) for entry in toc]
    else:
        # Setext or HTML headings confuse the count; fall back to the same slug function.
        anchors, seen = [], set()
        for _, _, raw in headings:
            anchor = rendering.heading_anchor(raw)
            base, n = anchor, 0
            while anchor in seen:
                n += 1
                anchor = f"{base}_{n}"
            seen.add(anchor)
            anchors.append((anchor, rendering.plain_text(raw)))

    sections = []
    intro = rendering.plain_text(body[: headings[0][0]] if headings else body)
    if intro:
        sections.append(Section(0, title, "", intro))
    for i, ((start, end, _raw), (anchor, name)) in enumerate(zip(headings, anchors)):
        stop = headings[i + 1][0] if i + 1 < len(headings) else len(body)
        sections.append(Section(len(sections), name, anchor, rendering.plain_text(body[end:stop])))
    return sections


def sync_sections(lemma):
    """Make the lemma's LemmaSection rows equal to its body; returns True when something changed."""
    from lexicon.content.models import LemmaSection

    wanted = split_sections(lemma.title, lemma.body)
    current = list(lemma.sections.order_by("order").values_list("order", "title", "anchor", "text"))
    if current == [tuple(s) for s in wanted]:
        return False
    with transaction.atomic():
        lemma.sections.all().delete()
        LemmaSection.objects.bulk_create(
            [LemmaSection(lemma=lemma, order=s.order, title=s.title[:300], anchor=s.anchor[:200], text=s.text)
             for s in wanted]
        )
    return True


def sync_all_sections(queryset=None):
    """Bring every lemma's sections in step with its body (used before (re)building the index)."""
    from lexicon.content.models import Lemma

    changed = 0
    for lemma in (queryset if queryset is not None else Lemma.objects.all()).only("pk", "title", "body"):
        changed += sync_sections(lemma)
    return changed
