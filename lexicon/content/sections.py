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


# What can give a heading an id other than the slug of its plain text, or add a heading H2_RE
# does not see: other ATX levels, setext underlines, block quotes, HTML, attribute lists.
_OTHER_HEADING_RE = re.compile(r"^ {0,3}(#|>|=+[ \t]*$|-+[ \t]*$)|<|\{[:#.]", re.M)
# Heading text that Markdown would change (emphasis, code, links, escapes, entities).
_MARKUP_RE = re.compile(r"[*_`\[\]<>&\\!{}~^|]")


def _plain_anchors(body, headings):
    """(anchor, name) of each heading as the renderer's toc would give them, computed without
    rendering: only for bodies where that is certain (plain ``##`` headings, no other heading or
    id source); None otherwise. Rendering the Markdown just for the anchors was most of the time
    of deriving the sections of a lexicon (e.g. before building the search index)."""
    if _OTHER_HEADING_RE.search(H2_RE.sub("", body)):
        return None
    anchors, used = [], set()
    for _start, _end, raw in headings:
        name = raw.strip()
        if not name or _MARKUP_RE.search(name):
            return None
        anchor = rendering.heading_anchor(name)
        if anchor in used:  # python-markdown's toc.unique(): base_1, base_2, ...
            count = 1
            while f"{anchor}_{count}" in used:
                count += 1
            anchor = f"{anchor}_{count}"
        used.add(anchor)
        anchors.append((anchor, name))
    return anchors


def _rendered_anchors(body, headings):
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
    return anchors


def split_sections(title, body):
    """Split a Markdown body into sections; anchors equal the rendered heading ids."""
    body = (body or "").replace("\r\n", "\n")
    headings = _heading_positions(body)
    anchors = _plain_anchors(body, headings)
    if anchors is None:
        anchors = _rendered_anchors(body, headings)
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


def sync_all_sections(queryset=None, chunk_size=500):
    """Bring every lemma's sections in step with its body (used before (re)building the index);
    returns how many lemmas changed. Works a chunk of lemmas at a time: one query reads their
    current sections, one transaction replaces those that differ (a lexicon of 10,000 lemmas
    in seconds, not a transaction per lemma)."""
    from lexicon.content.models import Lemma, LemmaSection

    queryset = queryset if queryset is not None else Lemma.objects.all()
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    changed = 0
    for start in range(0, len(pks), chunk_size):
        chunk = Lemma.objects.filter(pk__in=pks[start:start + chunk_size]).only("pk", "title", "body")
        wanted = {lemma.pk: [tuple(s) for s in split_sections(lemma.title, lemma.body)] for lemma in chunk}
        current = {}
        rows = LemmaSection.objects.filter(lemma__in=wanted).order_by("lemma", "order")
        for lemma_id, *row in rows.values_list("lemma", "order", "title", "anchor", "text"):
            current.setdefault(lemma_id, []).append(tuple(row))
        stale = [pk for pk, rows in wanted.items() if current.get(pk, []) != rows]
        if not stale:
            continue
        with transaction.atomic():
            LemmaSection.objects.filter(lemma__in=stale).delete()
            LemmaSection.objects.bulk_create(
                [LemmaSection(lemma_id=pk, order=order, title=title[:300], anchor=anchor[:200], text=text)
                 for pk in stale for order, title, anchor, text in wanted[pk]],
                batch_size=1000,
            )
        changed += len(stale)
    return changed
