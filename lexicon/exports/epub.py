"""A book as EPUB 3, written with the standard library's zipfile.

Not ebooklib: it is AGPL-licensed and would only hide the five small files an EPUB 3 needs. The
rules that matter: ``mimetype`` is the first entry and stored uncompressed; every content file is
XHTML (the sanitised HTML is re-serialised as XML by the HTML5 parser WeasyPrint ships,
tinyhtml5); the navigation document is the contents; internal links name the chapter's file.
Tests run epubcheck on the result.
"""
import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from lexicon.exports import links
from lexicon.exports.html import chapter_bodies

XHTML = "http://www.w3.org/1999/xhtml"
CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
STYLESHEET = Path(__file__).with_name("styles") / "epub.css"


def to_xhtml(html):
    """An HTML5 document as a well-formed XHTML document (void elements closed, entities resolved)."""
    import tinyhtml5

    ET.register_namespace("", XHTML)
    root = tinyhtml5.parse(html)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", root.get("lang", "nl"))
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + ET.tostring(root, encoding="unicode")


def _files(book):
    """{chapter or part ident: file name}; every chapter and every titled part gets a file."""
    files = {}
    for part in book.parts:
        if part.title:
            files[part.ident] = f"{part.ident}.xhtml"
        for chapter in part.chapters:
            files[chapter.ident] = f"{chapter.ident}.xhtml"
    return files


def _documents(book, files):
    """[(file name, xhtml)] in reading order, beginning with the title page."""
    context = {"book": book, "LEXICON": settings.LEXICON, "SITE_URL": settings.SITE_URL}
    docs = [("titel.xhtml", render_to_string("exports/epub_chapter.html", {**context, "title": book.title}))]
    for part in chapter_bodies(book, links.epub_resolver(files)):
        if part.title:
            docs.append((files[part.ident], render_to_string(
                "exports/epub_chapter.html", {**context, "title": part.title, "part": part})))
        for chapter in part.chapters:
            docs.append((files[chapter.ident], render_to_string(
                "exports/epub_chapter.html", {**context, "title": chapter.title, "chapter": chapter})))
    return [(name, to_xhtml(html)) for name, html in docs]


def _nav_entries(book, files):
    entries = []
    for part in book.parts:
        chapters = [{"href": files[c.ident], "title": c.title} for c in part.chapters]
        if part.title:
            entries.append({"href": files[part.ident], "title": part.title, "children": chapters})
        else:
            entries.extend(chapters)
    return entries


def render_epub(book):
    files = _files(book)
    documents = _documents(book, files)
    items = [{"id": f"d{i}", "href": name} for i, (name, _html) in enumerate(documents)]
    context = {
        "book": book, "LEXICON": settings.LEXICON, "items": items,
        "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, settings.SITE_URL + '/' + book.filename + '/' + book.generation)}",
        "modified": book.built.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    nav = render_to_string("exports/nav.xhtml", {
        "entries": _nav_entries(book, files), "first_body": documents[1][0] if len(documents) > 1 else "titel.xhtml",
    })
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        deflate = {"compress_type": zipfile.ZIP_DEFLATED}
        archive.writestr("META-INF/container.xml", CONTAINER, **deflate)
        archive.writestr("EPUB/package.opf", render_to_string("exports/package.opf", context), **deflate)
        archive.writestr("EPUB/nav.xhtml", nav, **deflate)
        archive.writestr("EPUB/style.css", STYLESHEET.read_text(encoding="utf-8"), **deflate)
        for name, xhtml in documents:
            archive.writestr(f"EPUB/{name}", xhtml, **deflate)
    return buffer.getvalue()
