"""Links inside a book file: a chapter's ids are prefixed with its own id (footnote ids such as
``fn:1`` recur in every lemma), a link to a lemma or Over-page in the book goes to its chapter, any
other site link becomes absolute, so it still works from a downloaded file.

Works on the sanitiser's output (nh3 always writes ``attr="..."``), not on arbitrary HTML.
"""
import re

from django.conf import settings

_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_SITE_PATH = re.compile(r"^/(?P<kind>lemma|over)/(?P<slug>[-\w]+)/(?:#(?P<anchor>.*))?$")
_KINDS = {"lemma": "lemma", "over": "page"}


def target_id(chapter_ident, anchor=""):
    # No ":" (footnotes' "fn:1"): EPUB readers and XML tools want ids that are XML names.
    return f"{chapter_ident}--{anchor.replace(':', '-')}" if anchor else chapter_ident


def rewrite(html, chapter_ident, href_for):
    """``html`` of one chapter with ids prefixed and links resolved. ``href_for(ident, anchor)``
    returns how this book format points at an element of a chapter ("#x" in one PDF document,
    "lemma-x.xhtml#y" in an EPUB), or None when that chapter is not in the book."""

    def fix_href(match):
        href = match.group(1)
        if href.startswith("#"):
            return f'href="{href_for(chapter_ident, href[1:])}"'
        site = _SITE_PATH.match(href)
        if site:
            ident = f"{_KINDS[site['kind']]}-{site['slug']}"
            inside = href_for(ident, site["anchor"] or "")
            if inside:
                return f'href="{inside}"'
        if href.startswith("/"):
            return f'href="{settings.SITE_URL}{href}"'
        return match.group(0)

    html = _ID.sub(lambda m: f'id="{target_id(chapter_ident, m.group(1))}"', html)
    return _HREF.sub(fix_href, html)


def pdf_resolver(idents):
    """One document: every chapter's elements are "#<chapter>--<anchor>"."""
    def href_for(ident, anchor):
        return f"#{target_id(ident, anchor)}" if ident in idents else None
    return href_for


def epub_resolver(files):
    """``files``: {chapter ident: file name}; a link to another chapter names its file."""
    def href_for(ident, anchor):
        if ident not in files:
            return None
        return f"{files[ident]}#{target_id(ident, anchor)}" if anchor else files[ident]
    return href_for
