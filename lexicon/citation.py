"""How to cite a lemma: APA 7 with Dutch conventions ("&", "(Red.)", "Geraadpleegd")."""
from django.conf import settings


def _join_apa(names):
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def citation_year(lemma):
    book_year = settings.LEXICON["YEAR"]
    if lemma.published_at and lemma.published_at.year > book_year:
        return lemma.published_at.year
    return book_year


def apa(lemma, url):
    """Plain-text APA 7 reference; the book title is returned separately for italics."""
    book = settings.LEXICON
    authors = _join_apa([a.citation_name for a in lemma.ordered_authors]) or book["TITLE"]
    title = lemma.title + (f": {lemma.subtitle}" if lemma.subtitle else "")
    editors = _join_apa(book["EDITORS"])
    return {
        "before": f"{authors} ({citation_year(lemma)}). {title}. In {editors} (Red.), ",
        "book": book["TITLE"],
        "after": f". {book['PUBLISHER']}. {url}",
    }
