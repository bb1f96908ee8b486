"""A book as one HTML document for the PDF, and chapter bodies with their links resolved."""
from django.conf import settings
from django.template.loader import render_to_string

from lexicon.exports import links


def chapter_bodies(book, href_for):
    """[(part, [(chapter, body html)])] with each chapter's ids prefixed and its links resolved."""
    for chapter in book.chapters:
        chapter.body = links.rewrite(chapter.html, chapter.ident, href_for)
    return book.parts


def print_document(book):
    """The whole book as one HTML document: internal links are fragments of it."""
    idents = {chapter.ident for chapter in book.chapters}
    parts = chapter_bodies(book, links.pdf_resolver(idents))
    show_contents = len(book.chapters) > 1
    return render_to_string("exports/book.html", {
        "book": book, "parts": parts, "show_contents": show_contents,
        "LEXICON": settings.LEXICON, "SITE_URL": settings.SITE_URL,
    })
