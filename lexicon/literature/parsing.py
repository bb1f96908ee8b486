"""In-text citations and reference-list entries in the lexicon's Dutch APA style, as pure text.

Used by the importer (to build the literature fixture) and by the lemma page (to link each citation
in the rendered text to its entry), so both read a citation the same way. No Django here.

Forms found in the book: "(Bregman, 2019)", "(Terpstra 2019)", "(Hilhorst & Van der Lans, 2016;
Schout, 2011)", "(Jager-Vreugdenhil, 2012a; 2012b)", "(Michels, 2018, p. 197-198)", "(Yassin, 2019:
258)", "(voor een uitwerking zie Engbersen en Sprinkhuizen, 1998)", narrative "Tonkens (2009)",
"Kampen, Bredewold en Tonkens (2018)", "Alie Weerman en anderen (2019)".
"""
import re
import unicodedata
from dataclasses import dataclass, field

YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s*\[\d{4}\])?|z\.\s?[dj]\.|n\.d\.|te verschijnen|in druk|ter perse"
YEAR_RE = re.compile(rf"^(?P<year>{YEAR})(?P<rest>.*)$")
# what may follow a year inside a citation: a page or a range ("p. 7", "pp. 3-4", ": 258", "p. 27 e.v.")
LOCATOR_RE = re.compile(r"^\s*(?:(?:,\s*)?(?:pp?\.|blz\.|pag\.)\s*|:\s*)\d+(?:\s*[-–]\s*\d+)?(?:\s*e\.v\.)?\s*$")
PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "'t", "von", "du", "la", "le", "d'"}
ET_AL_RE = re.compile(r"\s*(?:,\s*)?(?:[ae]t al\.?|e\.a\.|en anderen|and others)$")  # 'at al.': a typo in the book
CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]")
NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?|van|de|der|den|het|ten|ter|te|von|du|la|le)"


@dataclass
class Cited:
    """One citation of one work in running text: the span [start, end) of the text to link."""
    names: list            # surnames (or an organisation) as written: ["Engbersen", "Sprinkhuizen"]
    et_al: bool
    year: str              # "2019", "2012a", "te verschijnen"
    start: int
    end: int

    @property
    def key(self):
        return work_key(self.names, self.et_al, self.year)

    @property
    def label(self):
        return author_label(self.names, self.et_al)


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def work_key(names, et_al, year):
    """'engbersen-sprinkhuizen-1998', 'britt-et-al-2022': the anchor (#lit-...) and identity of a work."""
    parts = [fold(n).casefold() for n in names] + (["et al"] if et_al else []) + [year]
    return re.sub(r"[^a-z0-9]+", "-", " ".join(parts)).strip("-")


def author_label(names, et_al):
    """How the text cites the authors: 'Engbersen & Sprinkhuizen', 'Britt et al.'."""
    if et_al:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " & " + names[-1]


def split_names(text):
    """'Kampen, Bredewold en Tonkens' -> (['Kampen', 'Bredewold', 'Tonkens'], False)."""
    text = " ".join(text.split())
    et_al = bool(ET_AL_RE.search(text))
    text = ET_AL_RE.sub("", text)
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\ben\b|\band\b)\s*", text) if n.strip()]
    return names, et_al


def _names_ok(names):
    return bool(names) and all(CAPITAL.match(n) or n.split()[0] in PARTICLES for n in names) \
        and all(len(n) <= 60 for n in names) and any(CAPITAL.match(w) for n in names for w in n.split())


LEAD_WORDS = {"zie", "vgl.", "bijv.", "bv.", "o.a.", "cf.", "e.g.", "i.h.b."}


def _strip_lead(text):
    """Drop a lead-in: 'voor een uitwerking zie Engbersen' -> 'Engbersen', 'Vgl. Van Dijk' -> 'Van Dijk'."""
    words = [w for w in text.split()]
    while words and words[0].casefold() in LEAD_WORDS:
        words.pop(0)
    for i, word in enumerate(words):
        if CAPITAL.match(word):
            return " ".join(words[_particles_before(words, i):])
    return ""


def _particles_before(words, i):
    """Index where a surname's lowercase particles start: 'van der' is one, a lone 'van'/'het' is
    Dutch for 'of'/'the' ('het werk van Achterhuis') unless a given name precedes ('Jos van Dijk')."""
    j = i
    while j > 0 and words[j - 1] in PARTICLES:
        j -= 1
    if i - j >= 2 or (j < i and j > 0 and CAPITAL.match(words[j - 1])):
        return j
    return i


def _parenthetical(text, offset):
    """Citations inside one '(...)' group whose text starts at ``offset``."""
    found, pos, last = [], 0, None
    for part in re.split(r"(;)", text):
        if part == ";":
            pos += 1
            continue
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        m = re.search(rf"(?P<names>.*?)[,\s]\s*(?P<year>{YEAR})(?P<rest>.*)$", stripped)
        if m and m.group("rest").strip() and not LOCATOR_RE.match(m.group("rest")):
            m = None  # '(in 2019 opgericht)': more text after the year than a page number
        if m:
            names, et_al = split_names(_strip_lead(m.group("names")))
            if _names_ok(names):
                name_text = _strip_lead(m.group("names"))
                start = offset + pos + lead + stripped.rfind(name_text, 0, m.start("year"))
                year = _bare_year(m.group("year"))
                found.append(Cited(names, et_al, year, start, offset + pos + lead + m.end("year")))
                last = (names, et_al)
        elif last and (y := YEAR_RE.match(stripped)) and (not y.group("rest").strip() or LOCATOR_RE.match(y.group("rest"))):
            # '2012a; 2012b': a further year of the same authors
            start = offset + pos + lead
            found.append(Cited(last[0], last[1], _bare_year(y.group("year")), start,
                               start + len(y.group("year"))))
        pos += len(part)
    return found


# capitalised words that open a sentence before a name: 'Volgens het CBS (2020)'
SENTENCE_WORDS = {"Volgens", "Zoals", "Ook", "Bij", "In", "Met", "Door", "Dat", "Want", "Omdat", "Aldus", "Zo", "Toen", "Waar"}
NARRATIVE_NAMES = re.compile(
    rf"(?<![\w’'-])(?P<names>{NAME_WORD}(?:(?:\s+|\s*,\s*|\s+(?:en|&)\s+){NAME_WORD})*?(?:\s+(?:et al\.|e\.a\.|en anderen))?)\s*$")


# a title, not an author, stands before '(2019)' after these: 'het essay The Gift (1990)',
# 'Palaces for the People (2018)', 'Theorie des kommunikativen Handelns (1981)'
TITLE_CUES = {"essay", "boek", "rapport", "nota", "titel", "bundel", "evaluatie", "artikel", "the", "of", "for",
              "and", "des", "der", "die", "das", "kommunikativen"}


def _narrative_names(before):
    """The author names just before '(2019)': 'Kampen, Bredewold en Tonkens', 'Weerman en anderen'."""
    m = NARRATIVE_NAMES.search(before[-120:])
    if not m:
        return None, 0
    text = m.group("names")
    preceding = before[:len(before) - len(text)].split()[-1:] or [""]
    if CAPITAL.match(text) and (preceding[0].casefold().strip("‘’“”'\"") in TITLE_CUES
                                or text.split()[0] in {"The", "A", "An"}):
        return None, 0
    names, et_al = split_names(text)
    if not names or not CAPITAL.match(names[-1].split()[-1]):
        return None, 0
    # 'Volgens Tonkens', 'Alie Weerman': keep the surname (particles + last capitalised word) of each name
    kept = []
    for name in names:
        words = [w for w in name.split() if w not in SENTENCE_WORDS] or name.split()
        i = len(words) - 1
        while i > 0 and words[i - 1] in PARTICLES | {"Van", "De", "Den", "Der", "Ter", "Ten", "Het", "La", "Le"}:
            i -= 1
        i = i if words[i][:1].isupper() else _particles_before(words, len(words) - 1)
        kept.append(" ".join(words[i:]))
    if not _names_ok(kept):
        return None, 0
    first = kept[0]
    start = len(before) - len(text) + text.rfind(first) if len(names) == len(kept) else len(before) - len(text)
    return (kept, et_al), start


def _bare_year(year):
    return re.sub(r"\s*\[\d{4}\]", "", year)  # '1990 [1923]': the edition cited, not the first


def _narrative(m, text):
    """'Tonkens (2009)', 'Tonkens (2009; 2011)': the first link covers names and year."""
    named, start = _narrative_names(text[:m.start()].rstrip())
    if not named:
        return []
    years = list(re.finditer(YEAR, m.group(1)))
    cites = [Cited(named[0], named[1], _bare_year(years[0].group(0)), start, m.end())]
    cites += [Cited(named[0], named[1], _bare_year(y.group(0)), m.start(1) + y.start(), m.start(1) + y.end())
              for y in years[1:]]
    return cites


def find(text):
    """All citations in ``text`` in order of appearance."""
    found = []
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = m.group(1)
        if not re.search(YEAR, inner):
            continue
        head = YEAR_RE.match(inner.strip())
        rest = head.group("rest") if head else ""
        if head and (not rest.strip() or LOCATOR_RE.match(rest) or rest.lstrip().startswith(";")):
            found += _narrative(m, text)
        else:
            found += _parenthetical(inner, m.start(1))
    return found


# --- sentences --------------------------------------------------------------------------------

ABBREVIATIONS = ("al.", "p.", "pp.", "e.v.", "bijv.", "o.a.", "d.w.z.", "m.n.", "nr.", "blz.", "e.a.", "vgl.", "zgn.")
SENTENCE_END = re.compile(r"[.?!…][’”'\"]?\s+(?=[‘“'\"(]?[A-ZÀ-ÖØ-Þ0-9])")


def sentence_bounds(text):
    """[(start, end)] of the sentences of a paragraph (Dutch, with APA abbreviations)."""
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        word = text[:m.start() + 1].rsplit(None, 1)[-1]
        if word.casefold().endswith(ABBREVIATIONS) or re.fullmatch(r"[A-Z]\.", word):
            continue
        if text.count("(", start, m.start()) > text.count(")", start, m.start()):
            continue  # a full stop inside parentheses does not end the sentence
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def sentence_at(text, position, bounds=None):
    for start, end in bounds or sentence_bounds(text):
        if start <= position < end:
            return text[start:end].strip()
    return text.strip()


# --- reference-list entries -------------------------------------------------------------------

INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]{1,2}\.?\s?-?)+$")
URL_RE = re.compile(r"https?://\S+[^\s.,;)]")
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s,;]+[^\s.,;)])")
# '(t)' is what the extraction left of '(t.v.)' in the book's one reference list
FORTHCOMING = {"t", "t.v.", "tv", "te verschijnen", "in druk", "ter perse"}


@dataclass
class Reference:
    authors: str                    # as written: 'Keuzenkamp, S., & Van Hoorn, E.'
    names: list                     # surnames: ['Keuzenkamp', 'Van Hoorn']
    year: str
    title: str = ""
    publisher: str = ""             # publisher, or journal with volume/issue
    url: str = ""
    doi: str = ""
    notes: list = field(default_factory=list)

    @property
    def key(self):
        return work_key(self.names, False, self.year)


def _surnames(authors):
    tokens = [t.strip() for t in re.split(r",|&", authors) if t.strip()]
    names = [t for t in tokens if not INITIALS.match(t)]
    return names or tokens


def _pieces(rest):
    """'Title? Sub. Publisher. Note' -> ['Title? Sub', 'Publisher', 'Note']."""
    out = []
    for piece in re.split(r"(?<=\.)\s+(?=[A-ZÀ-ÖØ-Þ0-9])", rest):
        piece = piece.strip()
        if piece:
            out.append(piece[:-1] if piece.endswith(".") else piece)
    return out


def parse_reference(line):
    """One APA entry -> Reference, or None when the line is not one ('Name (Year). Title...')."""
    line = " ".join(line.strip().lstrip("-*•¢e ").split()) if not line.strip()[:1].isupper() else " ".join(line.split())
    m = re.match(r"^(?P<authors>[^()]+?)\s*\((?P<year>[^()]*)\)\.?\s*(?P<rest>.*)$", line)
    if not m:
        return None
    authors = m.group("authors").rstrip(", ")
    year_text = m.group("year").strip().rstrip(", ").strip()
    y = re.match(rf"^({YEAR})", year_text)
    year = y.group(1) if y else ("te verschijnen" if year_text.casefold() in FORTHCOMING else year_text or "z.j.")
    rest = m.group("rest")
    ref = Reference(authors=authors, names=_surnames(authors), year=year)
    if (u := URL_RE.search(rest)):
        ref.url = u.group(0)
        rest = rest.replace(u.group(0), "")
    if (d := DOI_RE.search(rest)):
        ref.doi = d.group(1)
        rest = rest.replace(d.group(0), "")
    pieces = _pieces(rest)
    # 'PM hyperlink toevoegen': the authors' own reminder, not part of the entry
    ref.notes = [p for p in pieces if p.startswith("PM ")]
    pieces = [p for p in pieces if not p.startswith("PM ") and not re.fullmatch(r"(?:Geraadpleegd|Retrieved).*", p)]
    if pieces:
        ref.title = pieces[0]
        ref.publisher = ". ".join(pieces[1:])
    return ref


def matches(cited_names, et_al, year, ref_names, ref_year):
    """Does a citation ('Van Hoorn et al.', 2020) denote a reference entry or work (three authors)?"""
    if year != ref_year:
        return False
    a = [fold(n).casefold() for n in cited_names]
    b = [fold(n).casefold() for n in ref_names]
    if et_al:
        return bool(b) and a[0] == b[0] and len(b) >= 3
    return a == b
