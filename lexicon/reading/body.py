"""The rendered lemma body prepared for reading on screen (the stored rendering and the exports
stay as they are):

* the footnotes get a heading "Noten" (python-markdown gives them only an ``<hr>``), so the
  list can be found, named in the contents and linked from a note's preview;
* links whose text is a bare URL get readable text: the domain and a shortened path;
* the body is split after its first paragraph, so a phone can show related lemmas right after
  the lead without pushing the text itself off the first screen.
"""
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

NOTES_ID = "noten"
URL_TEXT_CHARS = 42

_NOTES_START = re.compile(r'<div class="footnote">\s*<hr>')
_BARE_URL_LINK = re.compile(r'<a href="(?P<href>https?://[^"]+)"(?P<attrs>[^>]*)>(?P<text>(?:https?://|www\.)[^<\s]+)</a>')
_FIRST_PARAGRAPH_END = re.compile(r"</p>")


def readable_url(url, limit=URL_TEXT_CHARS):
    """'https://www.trouw.nl/binnenland/politie-in-grote-steden~b08/' -> 'trouw.nl/binnenland/politie-in-gr…'."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = host[4:] if host.startswith("www.") else host
    path = unquote(parts.path).strip("/")
    text = f"{host}/{path}" if path else host
    if len(text) <= limit:
        return text
    cut = text[:limit]
    # Prefer to stop after a path segment or a word of the slug, not inside one.
    boundary = max(cut.rfind("/"), cut.rfind("-"))
    if boundary > len(host):
        cut = cut[:boundary]
    return cut.rstrip("/-") + "…"


def _readable_link(match):
    href = match.group("href")
    return (f'<a href="{href}"{match.group("attrs")} title="{escape(href)}">'
            f"{escape(readable_url(href.replace('&amp;', '&')))}</a>")


@dataclass
class ReaderBody:
    first: str  # up to and including the first paragraph
    rest: str
    has_notes: bool


def prepare(html):
    html = html or ""
    has_notes = bool(_NOTES_START.search(html))
    html = _NOTES_START.sub(
        f'<div class="footnote" role="doc-endnotes"><h2 id="{NOTES_ID}">{escape(_("Noten"))}</h2>', html, count=1
    )
    html = _BARE_URL_LINK.sub(_readable_link, html)
    end = _FIRST_PARAGRAPH_END.search(html)
    split = end.end() if end else len(html)
    return ReaderBody(first=mark_safe(html[:split]), rest=mark_safe(html[split:]), has_notes=has_notes)
