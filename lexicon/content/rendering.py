"""Markdown -> sanitised HTML, with a table of contents from the ## headings.

The same renderer serves the public pages, the admin preview and the exports, so
what an editor previews is exactly what a reader gets.
"""
import html as html_lib
import re
import unicodedata
from typing import NamedTuple

import markdown
import nh3
from django.utils.text import slugify

MARKDOWN_EXTENSIONS = ["footnotes", "tables", "sane_lists", "toc", "attr_list"]

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p",
    "pre", "q", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}


class Rendered(NamedTuple):
    html: str
    toc: list  # [{"id": str, "name": str, "level": int}]


def heading_anchor(value, separator="-"):
    """Stable anchor for a heading: ASCII slug of its text ('Cliënten & wijk' -> 'clienten-wijk')."""
    return slugify(fold_accents(value)) or "sectie"


def fold_accents(text):
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def _flatten_toc(tokens, out):
    for token in tokens:
        out.append({"id": token["id"], "name": token["name"], "level": token["level"]})
        _flatten_toc(token.get("children", []), out)
    return out


def render_markdown(text, preprocess=None):
    """Render Markdown to sanitised HTML. ``preprocess`` may rewrite the source first
    (the wiki-link resolver hooks in there)."""
    text = text or ""
    if preprocess is not None:
        text = preprocess(text)
    md = markdown.Markdown(
        extensions=MARKDOWN_EXTENSIONS,
        extension_configs={
            "toc": {"slugify": heading_anchor, "toc_depth": "2-3"},
            "footnotes": {"BACKLINK_TITLE": "Terug naar tekst %d"},
        },
        output_format="html",
    )
    raw_html = md.convert(text)
    html = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )
    toc = [entry for entry in _flatten_toc(md.toc_tokens, []) if entry["level"] == 2]
    # toc names come back as escaped HTML from python-markdown; templates escape again, so keep
    # them as plain text.
    for entry in toc:
        entry["name"] = html_lib.unescape(nh3.clean(entry["name"], tags=set()))
    return Rendered(html=html, toc=toc)


def plain_text(markdown_text):
    """Rough plain text of a Markdown body, for word counts, snippets and indexing."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text or "")
    text = re.sub(r"\[\^[^\]]+\]:?", " ", text)
    text = re.sub(r"\[\[([^\]|]*\|)?([^\]]*)\]\]", r"\2", text)
    text = re.sub(r"[#*_>`|]", " ", text)
    text = re.sub(r"^\s*[-+]\s", " ", text, flags=re.M)
    return re.sub(r"\s+", " ", text).strip()


def initial_letter(title):
    """Letter for the A–Z index: first letter, accents folded; digits go under '#'."""
    folded = fold_accents(title or "").strip().upper()
    for ch in folded:
        if ch.isalpha():
            return ch
        if ch.isdigit():
            return "#"
    return "#"
