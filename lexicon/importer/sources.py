"""The four related texts ("Bronnen"): seed file -> ParsedSource with Markdown sections.

Each text has its own layout artefacts (see fixtures/source/extraction-artefacts.md), so each
has its own small parser; they share the helpers in ``sources_text``. Metadata (title, authors,
year, publisher) is taken from the texts; where a text does not state it, the comment says
what the value rests on.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from lexicon.content.rendering import heading_anchor
from lexicon.importer.sources_hilhorst import parse_hilhorst
from lexicon.importer.sources_text import (
    SENTENCE_END, Heading, Joiner, SourceImportError, join_lines, join_soft_hyphens, read_text, reflow, tidy,
)

__all__ = ["ParsedSection", "ParsedSource", "SourceImportError", "SOURCE_FILES", "parse_source", "parse_directory"]


@dataclass
class ParsedSection:
    title: str
    body: str
    anchor: str = ""


@dataclass
class ParsedSource:
    slug: str
    title: str
    authors: str
    year: int | None
    publisher: str
    description: str
    order: int
    sections: list = field(default_factory=list)

    def finish(self):
        """Give every section a unique anchor (slugified title) and drop empty sections."""
        seen = set()
        self.sections = [s for s in self.sections if s.body.strip() or s.title]
        for section in self.sections:
            base = heading_anchor(section.title)[:180]
            anchor, n = base, 2
            while anchor in seen:
                anchor, n = f"{base}-{n}", n + 1
            seen.add(anchor)
            section.anchor = anchor
            section.body = section.body.strip() + "\n"
        return self


def _sections_from_blocks(blocks, first_title):
    """Markdown blocks with '## ' headings -> sections (text before the first heading gets first_title)."""
    sections = [ParsedSection(first_title, "")]
    for block in blocks:
        if block.startswith("## "):
            sections.append(ParsedSection(block[3:].strip(), ""))
        else:
            sections[-1].body += block + "\n\n"
    if not sections[0].body.strip():
        sections.pop(0)
    return sections


# --- Duyvendak & Tonkens (book chapters; InDesign slug lines, running heads, roman endnotes) ---

SLUG_LINE = re.compile(r"^\S+\.indd\s+\d+\s+\d\d-\d\d-\d\d\s+\d\d:\d\d\s*$")
CHAPTER_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
NOTE_START = re.compile(r"^\s*([ivxl]+)\)\s+(.*)$")
BACK_MATTER = {"Methodologie": "Bijlage: methodologie", "Over de auteurs": "Over de auteurs", "Dankwoord": "Dankwoord"}
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
         "xvi", "xvii", "xviii", "xix", "xx"]


def _is_blank(line):
    return not line.strip()


def _next_nonblank(lines, i):
    j = i + 1
    while j < len(lines) and _is_blank(lines[j]):
        j += 1
    return j


def _chapter_header(lines, i):
    """Lines after a chapter number: title, subtitle(s), authors - each followed by a blank line."""
    header, j = [], _next_nonblank(lines, i)
    while j < len(lines) and len(header) < 4:
        followed_by_blank = j + 1 < len(lines) and _is_blank(lines[j + 1])
        if not followed_by_blank or len(lines[j].strip()) > 90:
            break
        header.append(lines[j].strip())
        j = _next_nonblank(lines, j)
    return header, j


def parse_duyvendak(text, path):
    lines = [l for l in text.split("\n") if not SLUG_LINE.match(l)]
    note_at = next((i for i, l in enumerate(lines) if NOTE_START.match(l) and NOTE_START.match(l).group(1) == "i"),
                   len(lines))
    body_lines, note_lines = lines[:note_at], lines[note_at:]

    # Pass 1: chapters and back matter.
    chapters = []  # (title, subtitle, authors, start, end)
    i = 0
    while i < len(body_lines):
        line = body_lines[i]
        m = CHAPTER_NUMBER.match(line)
        if m and (i == 0 or _is_blank(body_lines[i + 1] if i + 1 < len(body_lines) else "")):
            header, start = _chapter_header(body_lines, i)
            if len(header) >= 2:
                title, authors, subtitle = header[0], header[-1], " ".join(header[1:-1])
                chapters.append([f"{m.group(1)}. {title}", subtitle, authors, start, None, i])
                i = start
                continue
        if line.strip() in BACK_MATTER and chapters:
            chapters.append([BACK_MATTER[line.strip()], "", "", i + 1, None, i])
        i += 1
    if not chapters:
        raise SourceImportError(f"{path}: geen hoofdstukken gevonden.")
    for a, b in zip(chapters, chapters[1:]):
        a[4] = b[5]  # up to the next chapter's number line, not its title block
    chapters[-1][4] = len(body_lines)

    # Running heads: a chapter title or author line (lower case) with the page number glued on.
    heads = {"inleiding"}
    for title, _sub, authors, *_rest in chapters:
        heads.add(title.split(". ", 1)[-1].lower())
        if authors:
            heads.add(authors.lower())
    def norm(head):
        return re.sub(r"\s+", " ", head.lower().replace("&", " en ")).strip()

    heads = {norm(h) for h in heads}

    def is_running_head(line):
        m = re.match(r"^\s*(.+?)\s*\d{1,3}\s*$", line)
        return bool(m) and norm(m.group(1)) in heads

    corpus = "\n".join(body_lines)
    joiner = Joiner(corpus)
    sections = []
    for title, subtitle, authors, start, end, _at in chapters:
        chunk = [l for l in body_lines[start:end] if not is_running_head(l)]
        chunk = [l for l in chunk if not (CHAPTER_NUMBER.match(l) or l.strip() in BACK_MATTER)]
        items = []
        for k, line in enumerate(chunk):
            if _is_subheading(chunk, k):
                items.append(Heading(line.strip(), 3))
            else:
                items.append(line)
        blocks = _mark_quotations([join_soft_hyphens(b) for b in reflow(items, joiner, width=64)])
        intro = []
        if subtitle:
            intro.append(f"*{subtitle}*")
        if authors:
            intro.append(f"{authors}\n{{: .chapter-byline }}")
        sections.append(ParsedSection(title, "\n\n".join(intro + blocks)))

    notes = _parse_roman_notes(note_lines, joiner)
    _link_note_markers(sections, notes)
    sections.append(ParsedSection("Noten", _notes_markdown(notes)))
    return sections


CITED_AT_END = re.compile(r"\((?:[^()]*\d{4}[a-z]?(?::\s*[\d–-]+)?|p\d+[^()]*)\)\.?$")


def _mark_quotations(blocks):
    """Set-off quotations: introduced by a colon, ending in their source '(Zwolle 2014c: 5)' or '(p3-pi)'."""
    out = []
    for block in blocks:
        if out and out[-1].rstrip().endswith(":") and not block.startswith("#") and CITED_AT_END.search(block):
            block = "> " + block
        out.append(block)
    return out


def _is_subheading(lines, k):
    line = lines[k]
    s = line.strip()
    if not s or not line.startswith(" ") or len(s) > 70 or not (s[0].isupper() or s[0].isdigit()):
        return False
    if SENTENCE_END.search(s) or s.endswith(("-", ",")) or re.search(r"\d$", s):
        return False
    before = lines[k - 1] if k > 0 else ""
    after = lines[k + 1] if k + 1 < len(lines) else ""
    following = next((l.strip() for l in lines[k + 1:] if l.strip()), "")
    # Double-spaced pages (the acknowledgements) put every line between blanks; a heading is
    # followed by the start of a sentence, a wrapped line by its continuation.
    return _is_blank(before) and _is_blank(after) and not following[:1].islower()


def _parse_roman_notes(lines, joiner):
    notes, current = {}, None
    for line in lines:
        m = NOTE_START.match(line)
        if m and m.group(1) in ROMAN:
            current = m.group(1)
            notes[current] = [m.group(2)]
        elif current and line.strip():
            notes[current].append(line)
    return {k: join_lines(v, joiner) for k, v in notes.items()}


def _link_note_markers(sections, notes):
    """Roman note markers are glued to the word before them ('betekenisseni'): find them in order.

    A candidate is the numeral at the end of a token whose remainder is a word (or ends in a
    quote or bracket) while the whole token is not a word. Markers of notes that exist become
    links to the notes; markers of notes missing from the source are removed.
    """
    from lexicon.importer.sources_text import dutch_words

    words = dutch_words()
    last = max((ROMAN.index(n) for n in notes), default=-1)
    pos_section, pos_char = 0, 0
    for numeral in ROMAN[: last + 1]:
        pattern = re.compile(rf"(?<=[a-zà-ÿ’)\]]){numeral}(?=[\s.,;:]|$)")
        for si in range(pos_section, len(sections)):
            body = sections[si].body
            start = pos_char if si == pos_section else 0
            found = None
            for m in pattern.finditer(body, start):
                token_start = max(body.rfind(" ", 0, m.start()), body.rfind("\n", 0, m.start())) + 1
                base = body[token_start:m.start()].strip("‘“(")
                token = (base + numeral).lower()
                core = base.rstrip("’)").split("-")[-1].lower()
                if token in words or not base:
                    continue
                if base[-1].isalpha() and core not in words and "-" not in base:
                    continue
                found = m
                break
            if found:
                link = f"<sup>[{numeral}](#noot-{numeral})</sup>" if numeral in notes else ""
                sections[si].body = body[: found.start()] + link + body[found.end():]
                pos_section, pos_char = si, found.start() + len(link)
                break


def _notes_markdown(notes):
    parts = []
    present = [n for n in ROMAN if n in notes]
    missing = [n for n in ROMAN[: ROMAN.index(present[-1]) + 1] if n not in notes] if present else []
    for numeral in present:
        parts.append(f"**{numeral})** {notes[numeral]}\n{{: #noot-{numeral} }}")
    if missing:
        parts.append(f"*De noten {', '.join(missing)} ontbreken in de brontekst.*")
    return "\n\n".join(parts)


# --- Schout (lecture text; a blank line after every line, bullets as private-use glyphs) ---

BULLET = re.compile(r"^\s*[\uf0a7\uf0b7•·▪]\s*")


def parse_schout(text, path):
    lines = text.split("\n")
    # The first nonblank lines are title, subtitle and author.
    idx = [i for i, l in enumerate(lines) if l.strip()]
    if len(idx) < 4:
        raise SourceImportError(f"{path}: te weinig tekst.")
    body = lines[idx[2] + 1:]
    # Notes: the tail from the last page-start line (single leading space) before the numbered notes.
    numbered = [i for i, l in enumerate(body) if re.match(r"^\d{1,2} \S", l)]
    notes_at = len(body)
    if numbered:
        page_starts = [i for i, l in enumerate(body[: numbered[0]]) if re.match(r"^ \S", l)]
        notes_at = page_starts[-1] if page_starts else numbered[0]
    body, note_lines = body[:notes_at], body[notes_at:]

    items = []
    text_lines = [l for l in body if l.strip()]
    prev_text = "."
    for n, line in enumerate(text_lines):
        s = line.strip()
        nxt = text_lines[n + 1].strip() if n + 1 < len(text_lines) else ""
        if BULLET.match(line):
            items.append(Heading("", 0))  # list-item boundary
            items.append("- " + BULLET.sub("", line).strip())
        elif (len(s) < 45 and not SENTENCE_END.search(s) and not s.endswith(("-", ","))
              and (s[0].isupper() or s[0] == "(") and SENTENCE_END.search(prev_text)
              and nxt[:1].isupper()):
            items.append(Heading(s, 2))
        else:
            items.append(line)
        prev_text = s
    joiner = Joiner("\n".join(body))
    blocks = _reflow_with_lists(items, joiner, width=100)
    blocks = [re.sub(r"\[(\d)\]", r"[^\1]", b) for b in blocks]
    sections = _sections_from_blocks(blocks, "Inleiding")
    notes = [l.strip() for l in note_lines if l.strip()]
    note_md = []
    if notes:
        # The extraction kept only the end of note 1 and the beginning of note 2.
        note_md.append(f"[^1]: … {notes[0]}")
        note_md.append("[^2]: " + join_lines([re.sub(r"^\d+\s+", "", n) for n in notes[1:]], joiner) + " …")
        sections[0].body += "\n".join(note_md) + "\n"
        sections.append(ParsedSection("Noten", "De noten 1 en 2 staan als voetnoot bij de tekst; van de noten 3 tot en "
                                      "met 11 bevat de brontekst alleen de verwijzingscijfers tussen haakjes."))
    return sections


def _reflow_with_lists(items, joiner, width):
    """reflow(), with Heading('', 0) marking the start of a list item ('- ...')."""
    blocks, run = [], []
    for item in items:
        if isinstance(item, Heading) and item.level == 0:
            blocks += reflow(run, joiner, width=width, blank_breaks=False)
            run = []
            continue
        if run and isinstance(run[0], str) and run[0].startswith("- ") and isinstance(item, str):
            # a list item runs until its line ends a clause (';', ',', '.')
            if re.search(r"[;,.]\s*$", run[-1]):
                blocks += reflow(run, joiner, width=width, blank_breaks=False)
                run = []
        run.append(item)
    blocks += reflow(run, joiner, width=width, blank_breaks=False)
    return [tidy(b) if not b.startswith("#") else b for b in blocks]


# --- Van der Lans (web column; one paragraph per line, then web-page chrome) ---

WEB_CHROME = re.compile(
    r"^\s*(Foto:|Dit artikel is [\d.]+ keer bekeken|Reacties op dit artikel|Reageer\s*$|"
    r"Het e-mailadres wordt niet gepubliceerd)"
)


def parse_vanderlans(text, path):
    lines = [l.strip() for l in text.split("\n")]
    end = next((i for i, l in enumerate(lines) if WEB_CHROME.match(l)), len(lines))
    paras = [re.sub(r"\s{2,}", " ", l) for l in lines[:end] if l]
    if len(paras) < 3:
        raise SourceImportError(f"{path}: te weinig tekst.")
    _title, lead, rest = paras[0], paras[1], paras[2:]
    blocks = [f"*{lead}*"]
    for p in rest:
        is_heading = not SENTENCE_END.search(p) and len(p) < 120
        if is_heading and p.startswith(rest[-1][:20]) and p is rest[-1]:
            is_heading = False
        blocks.append(f"## {p}" if is_heading else p)
    # The author's note closes the column; set it apart.
    if blocks and re.match(r"^\S+ .* is (publicist|journalist|schrijver)", blocks[-1]):
        blocks[-1] = f"*{blocks[-1]}.*" if not SENTENCE_END.search(blocks[-1]) else f"*{blocks[-1]}*"
    return _sections_from_blocks(blocks, "Inleiding")


# --- Registry: file name -> metadata and parser ---

SOURCE_FILES = {
    "hilhorst-vanderlans-nabij-is-beter.txt": dict(
        order=1,
        title="Nabij is beter. Essays over de beloften van de 3 decentralisaties",
        authors="Pieter Hilhorst en Jos van der Lans",
        # The blurb looks back on 1 January 2015; the lexicon cites it as 'VNG/KING, 2015'.
        year=2015,
        publisher="VNG en KING",
        description=(
            "Brochure met drie essays uit De Groene Amsterdammer over eigen kracht, sociale wijkteams en "
            "de financiering van het sociaal domein, waarin de ‘grote beloften’ van de decentralisaties "
            "worden geformuleerd waarop lemma’s als Integraal werken, Sociale teams en Maatwerk reageren."
        ),
        parser=parse_hilhorst,
    ),
    "schout-anders-denken-en-doen.txt": dict(
        order=2,
        title="Anders denken en doen in het sociale domein",
        authors="Gert Schout",
        year=2015,  # the lecture speaks of the Groningen budget 'in 2015' in the present tense
        publisher="",
        description=(
            "Voordracht over hyperprofessionalisering en sociale uitsluiting die pleit voor eigen "
            "kracht-conferenties en minder hulpverlening, een kritische stem naast lemma’s als "
            "Sociale teams en Ervaringsdeskundigheid."
        ),
        parser=parse_schout,
    ),
    "duyvendak-tonkens-beloften-van-nabijheid.txt": dict(
        order=3,
        title="De verhuizing van de verzorgingsstaat",  # so named in the book's acknowledgements
        authors="Jan Willem Duyvendak en Evelien Tonkens (red.)",
        year=2018,  # research April 2014 - April 2018; typeset 12-09-18 (slug lines)
        publisher="",
        description=(
            "Onderzoeksbundel over de ‘beloften van nabijheid’ van de decentralisaties sinds 2015, "
            "gebaseerd op vier jaar veldwerk in zes gemeenten, waaraan het lexicon begrippen als "
            "nabijheid en verhuiselijking ontleent."
        ),
        parser=parse_duyvendak,
    ),
    "vanderlans-actieve-burgers.txt": dict(
        order=4,
        title="Actieve burgers zijn toch geen belediging voor professionals?",
        authors="Jos van der Lans",
        # The column reacts to Tonkens in Het Parool 'van 12 september' and appears 'ook in het
        # nieuwe Tijdschrift voor Sociale Vraagstukken' (launched 2018); the text gives no year itself.
        year=2018,
        publisher="Sociale Vraagstukken",
        description=(
            "Column waarin Van der Lans de inzet van burgers naast professionals verdedigt tegen de "
            "kritiek van Evelien Tonkens, een discussie die terugkeert in lemma’s als "
            "Bewonersinitiatieven en Ervaringsdeskundigheid."
        ),
        parser=parse_vanderlans,
    ),
}


def slug_for(filename):
    return Path(filename).stem


def parse_source(path):
    path = Path(path)
    spec = SOURCE_FILES.get(path.name)
    if spec is None:
        raise SourceImportError(f"{path}: onbekende bron; verwacht een van: {', '.join(sorted(SOURCE_FILES))}.")
    text = read_text(path)
    try:
        sections = spec["parser"](text, path)
    except SourceImportError:
        raise
    except (ValueError, IndexError) as exc:
        raise SourceImportError(f"{path}: de tekst heeft niet de verwachte opbouw ({exc}).") from exc
    if not sections:
        raise SourceImportError(f"{path}: geen hoofdstukken gevonden.")
    meta = {k: v for k, v in spec.items() if k != "parser"}
    return ParsedSource(slug=slug_for(path.name), sections=sections, **meta).finish()


def parse_directory(directory):
    """All four sources, in order; any problem raises SourceImportError naming the file."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SourceImportError(f"{directory}: map niet gevonden.")
    parsed = [parse_source(directory / name) for name in SOURCE_FILES]
    return sorted(parsed, key=lambda s: s.order)
