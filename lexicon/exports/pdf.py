"""A book as PDF with WeasyPrint: CSS paged media gives page numbers, the contents' page numbers
(``target-counter``) and the PDF outline (``bookmark-level``); fragment links become PDF links."""
from pathlib import Path

from lexicon.exports.html import print_document

STYLESHEET = Path(__file__).with_name("styles") / "book.css"


def render_pdf(book):
    import weasyprint  # imported here: it loads Pango, which only the build needs

    document = weasyprint.HTML(string=print_document(book), base_url=str(STYLESHEET.parent))
    return document.write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))], uncompressed_pdf=False)
