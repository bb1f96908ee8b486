"""How to cite a lemma: APA 7 with Dutch conventions ("&", "(Red.)", "Geraadpleegd").

Every function takes a lemma or one of its published versions (``LemmaVersion`` has the same
``title``, ``subtitle``, ``slug``, ``lead``, ``ordered_authors`` and ``published_at``); a version
adds its number and date, so the citation names exactly the text that was read."""
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from lexicon.content.models import split_name


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


def _version(citable):
    """(number, local date) of a version, or None for the living lemma."""
    number = getattr(citable, "number", None)
    if number is None or citable.published_at is None:
        return None
    return number, timezone.localtime(citable.published_at).date()


def _apa_date(citable):
    """'2022' for the book's text; '2026, 3 december' for a later version (APA: year, day month)."""
    version = _version(citable)
    year = citation_year(citable)
    if version is None or version[1].year <= settings.LEXICON["YEAR"]:
        return str(year)
    return f"{year}, {date_format(version[1], 'j F')}"


def apa(lemma, url):
    """Plain-text APA 7 reference; the book title is returned separately for italics."""
    book = settings.LEXICON
    authors = _join_apa([a.citation_name for a in lemma.ordered_authors]) or book["TITLE"]
    title = lemma.title + (f": {lemma.subtitle}" if lemma.subtitle else "")
    version = _version(lemma)
    if version:
        title += f" (versie {version[0]})"
    editors = _join_apa(book["EDITORS"])
    return {
        "before": f"{authors} ({_apa_date(lemma)}). {title}. In {editors} (Red.), ",
        "book": book["TITLE"],
        "after": f". {book['PUBLISHER']}. {url}",
    }


# --- Reference-manager downloads (BibTeX, RIS) ---------------------------------------------

def _bibtex_name(name):
    """'Jos van der Lans' -> 'van der Lans, Jos' (BibTeX's 'von Last, First' form)."""
    given, particles, surname = split_name(name)
    last = " ".join(p for p in (particles, surname) if p)
    return f"{last}, {given}" if given else last


def _ris_name(name):
    """'Jos van der Lans' -> 'Lans, Jos van der' (Dutch sort form; RIS wants 'Last, First')."""
    given, particles, surname = split_name(name)
    rest = " ".join(p for p in (given, particles) if p)
    return f"{surname}, {rest}" if rest else surname


_BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\^{}"}


def _bibtex_escape(text):
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in " ".join(str(text).split()))


def _lemma_title(lemma):
    return lemma.title + (f": {lemma.subtitle}" if lemma.subtitle else "")


def bibtex_key(lemma):
    version = _version(lemma)
    suffix = f"v{version[0]}" if version else str(citation_year(lemma))
    return f"{lemma.slug}-{suffix}".replace("_", "-")


def bibtex(lemma, url, accessed=None):
    """A BibTeX @incollection entry (UTF-8; biblatex and modern BibTeX read it as is)."""
    book = settings.LEXICON
    version = _version(lemma)
    fields = [
        ("author", " and ".join(_bibtex_escape(_bibtex_name(a.name)) for a in lemma.ordered_authors)),
        # Double braces keep the title's capitalisation (Dutch nouns are not all capitalised).
        ("title", "{" + _bibtex_escape(_lemma_title(lemma)) + "}"),
        ("booktitle", "{" + _bibtex_escape(book["TITLE"]) + "}"),
        ("editor", " and ".join(_bibtex_escape(_bibtex_name(e)) for e in book["EDITORS"])),
        ("publisher", _bibtex_escape(book["PUBLISHER"])),
        ("year", str(citation_year(lemma))),
        ("version", str(version[0]) if version else ""),
        ("date", version[1].isoformat() if version else ""),
        ("language", "dutch"),
        ("url", url),
        ("urldate", accessed.isoformat() if accessed else ""),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@incollection{{{bibtex_key(lemma)},\n{body}\n}}\n"


def ris(lemma, url, accessed=None):
    """An RIS record (book section), CRLF line endings as the format prescribes."""
    book = settings.LEXICON
    lines = [("TY", "CHAP")]
    lines += [("AU", _ris_name(a.name)) for a in lemma.ordered_authors]
    lines += [
        ("TI", _lemma_title(lemma)),
        ("T2", book["TITLE"]),
    ]
    lines += [("A2", _ris_name(e)) for e in book["EDITORS"]]
    lines += [
        ("PY", str(citation_year(lemma))),
    ]
    version = _version(lemma)
    if version:
        lines += [("ET", f"versie {version[0]}"), ("DA", version[1].strftime("%Y/%m/%d"))]
    lines += [
        ("PB", book["PUBLISHER"]),
        ("LA", "nl"),
        ("UR", url),
    ]
    if lemma.lead:
        lines.append(("AB", " ".join(lemma.lead.split())))
    if accessed:
        lines.append(("Y2", accessed.strftime("%Y/%m/%d")))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)
