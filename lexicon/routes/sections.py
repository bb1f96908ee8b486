"""The HTML of one ``##`` section of a lemma, cut from the lemma's rendered body, so a route's
section step shows exactly what the lemma page shows there (same renderer, same anchors)."""
import re

_H2 = re.compile(r"<h2\b[^>]*>", re.I)
_FOOTNOTES = re.compile(r'<div class="footnote"', re.I)


def section_html(body_html, anchor):
    """From the ``<h2 id="anchor">`` to the next ``<h2>`` (or the notes), or None when the lemma
    has no such heading (renamed since the route was made)."""
    start = re.search(rf'<h2\b[^>]*\bid="{re.escape(anchor)}"[^>]*>', body_html)
    if start is None:
        return None
    following = _H2.search(body_html, start.end())
    notes = _FOOTNOTES.search(body_html, start.end())
    ends = [m.start() for m in (following, notes) if m is not None]
    return body_html[start.start():min(ends) if ends else len(body_html)]


_ID = re.compile(r'\bid="([^"]*)"')
_LOCAL_HREF = re.compile(r'\bhref="#([^"]*)"')
_HEADING = re.compile(r"<(/?)h([2-5])\b", re.I)


def standalone_html(body_html, prefix):
    """A lemma's (or section's) HTML fit to stand beside others on one page (the route reader, a
    PDF of a route): ids and the links to them prefixed, so two lemmas' '#fn:1' or '#inleiding'
    do not collide, and headings one level down, under the step's own ``<h2>``."""
    html = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', body_html)
    html = _LOCAL_HREF.sub(lambda m: f'href="#{prefix}{m.group(1)}"', html)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
