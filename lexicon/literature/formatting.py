"""A work as an APA-like reference, and a lemma's works as BibTeX and RIS.

Incomplete works are exported too, marked in a note, so a reference manager shows what is missing
instead of silently dropping an entry."""
import re

from django.utils.translation import gettext as _

from lexicon.literature.parsing import INITIALS, fold

JOURNAL_RE = re.compile(r"\b(?:journal|tijdschrift|review|quarterly|nr\.|jaargang|vol\.)", re.I)


def people(work):
    """['Keuzenkamp, S.', 'Van Hoorn, E.'] from the full author list, else the surnames as cited."""
    source = work.authors or work.cited_as
    if not re.search(r",\s*[A-ZÀ-Þ]\.", source):
        names = [n.strip() for n in re.split(r"\s*(?:,|&|\ben\b)\s*", re.sub(r"\bet al\.?", "", source)) if n.strip()]
        return names
    tokens = [t.strip() for t in re.split(r",|&", source) if t.strip()]
    out = []
    for token in tokens:
        if INITIALS.match(token) and out:
            out[-1] = f"{out[-1]}, {token}"
        else:
            out.append(token)
    return out


def is_article(work):
    return bool(JOURNAL_RE.search(work.publisher))


def apa_authors(work):
    if work.authors and work.authors != work.cited_as:
        return work.authors
    return work.cited_as


def sort_key(work):
    return (fold(apa_authors(work)).casefold(), work.year)


# --- BibTeX -----------------------------------------------------------------------------------

_BIB_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                 "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\^{}"}


def _bib(text):
    return "".join(_BIB_SPECIALS.get(ch, ch) for ch in " ".join(str(text).split()))


def _bib_author(name):
    # an organisation or a surname without initials stays one unit: {WRR}, {Van der Lans}
    return _bib(name) if "," in name else "{" + _bib(name) + "}"


def bibtex_entry(work):
    names = people(work)
    authors = " and ".join(_bib_author(n) for n in names) + (" and others" if "et al" in work.cited_as else "")
    kind = "article" if is_article(work) else "book" if work.publisher else "misc"
    year = re.match(r"\d{4}", work.year)
    fields = [
        ("author", authors),
        ("title", "{" + _bib(work.title) + "}" if work.title else ""),
        ("journal" if kind == "article" else "publisher", _bib(work.publisher)),
        ("year", year.group(0) if year else _bib(work.year)),
        ("doi", work.doi),
        ("url", work.url),
        ("note", "" if work.complete else _bib(_("Gegevens nog aan te vullen (Lexicon nabijheid en sociaal werk)"))),
    ]
    # title = {{...}}: the inner braces keep its capitalisation
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{work.key},\n{body}\n}}\n"


def bibtex(works):
    return "\n".join(bibtex_entry(w) for w in works)


# --- RIS --------------------------------------------------------------------------------------

def ris_entry(work):
    kind = "JOUR" if is_article(work) else "BOOK" if work.publisher else "GEN"
    lines = [("TY", kind)] + [("AU", n) for n in people(work)]
    year = re.match(r"\d{4}", work.year)
    lines += [("PY", year.group(0) if year else work.year), ("TI", work.title),
              ("JO" if kind == "JOUR" else "PB", work.publisher), ("DO", work.doi), ("UR", work.url), ("ID", work.key)]
    if not work.complete:
        lines.append(("N1", _("Gegevens nog aan te vullen (Lexicon nabijheid en sociaal werk)")))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines if value or tag == "ER")


def ris(works):
    return "".join(ris_entry(w) for w in works)
