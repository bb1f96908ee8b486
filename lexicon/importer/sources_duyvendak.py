"""Duyvendak & Tonkens, 'De verhuizing van de verzorgingsstaat': book chapters -> sections.

The layout artefacts of this book (see fixtures/source/extraction-artefacts.md): InDesign slug
lines, running heads with the page number glued on ('jan willem duyvendak en evelien tonkens8'),
double-spaced back matter, and roman endnotes at the very end whose markers are glued to the
word before them ('betekenisseni').
"""
import re
from dataclasses import dataclass

from . import wordlist
from .errors import ImportFailed
from .hyphenation import join_lines
from .source_records import ParsedSection
from .sources_text import SENTENCE_END, Heading, join_soft_hyphens, joiner_for, reflow

SLUG_LINE = re.compile(r"^\S+\.indd\s+\d+\s+\d\d-\d\d-\d\d\s+\d\d:\d\d\s*$")
CHAPTER_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
NOTE_START = re.compile(r"^\s*([ivxl]+)\)\s+(.*)$")
BACK_MATTER = {"Methodologie": "Bijlage: methodologie", "Over de auteurs": "Over de auteurs", "Dankwoord": "Dankwoord"}
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
         "xvi", "xvii", "xviii", "xix", "xx"]
CITED_AT_END = re.compile(r"\((?:[^()]*\d{4}[a-z]?(?::\s*[\d–-]+)?|p\d+[^()]*)\)\.?$")


@dataclass
class Chapter:
    title: str       # '1. Inleiding', or a back-matter title
    subtitle: str
    authors: str
    start: int       # first body line (after the title block)
    end: int | None  # up to the next chapter's number line
    marker: int      # the chapter-number (or back-matter title) line


def parse_duyvendak(text, path):
    body_lines, note_lines = _split_off_notes(text)
    chapters = _find_chapters(body_lines, path)
    is_running_head = _running_head_test(chapters)
    joiner = joiner_for("\n".join(body_lines))
    sections = [_chapter_section(ch, body_lines, is_running_head, joiner) for ch in chapters]
    notes = _parse_roman_notes(note_lines, joiner)
    _link_note_markers(sections, notes)
    sections.append(ParsedSection("Noten", _notes_markdown(notes)))
    return sections


def _is_blank(line):
    return not line.strip()


def _next_nonblank(lines, i):
    j = i + 1
    while j < len(lines) and _is_blank(lines[j]):
        j += 1
    return j


def _split_off_notes(text):
    """Drop the slug lines; the endnotes start at the first 'i) …' line."""
    lines = [l for l in text.split("\n") if not SLUG_LINE.match(l)]
    note_at = next((i for i, l in enumerate(lines) if NOTE_START.match(l) and NOTE_START.match(l).group(1) == "i"),
                   len(lines))
    return lines[:note_at], lines[note_at:]


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


def _find_chapters(body_lines, path):
    """Numbered chapters (a number on its own line, then the title block) and the back matter."""
    chapters = []
    i = 0
    while i < len(body_lines):
        line = body_lines[i]
        m = CHAPTER_NUMBER.match(line)
        if m and (i == 0 or _is_blank(body_lines[i + 1] if i + 1 < len(body_lines) else "")):
            header, start = _chapter_header(body_lines, i)
            if len(header) >= 2:
                title, authors, subtitle = header[0], header[-1], " ".join(header[1:-1])
                chapters.append(Chapter(f"{m.group(1)}. {title}", subtitle, authors, start, None, i))
                i = start
                continue
        if line.strip() in BACK_MATTER and chapters:
            chapters.append(Chapter(BACK_MATTER[line.strip()], "", "", i + 1, None, i))
        i += 1
    if not chapters:
        raise ImportFailed(path, None, "geen hoofdstukken gevonden.")
    for a, b in zip(chapters, chapters[1:]):
        a.end = b.marker  # up to the next chapter's number line, not its title block
    chapters[-1].end = len(body_lines)
    return chapters


def _norm_head(head):
    return re.sub(r"\s+", " ", head.lower().replace("&", " en ")).strip()


def _running_head_test(chapters):
    """Running heads: a chapter title or author line (lower case) with the page number glued on."""
    heads = {"inleiding"}
    for ch in chapters:
        heads.add(ch.title.split(". ", 1)[-1].lower())
        if ch.authors:
            heads.add(ch.authors.lower())
    heads = {_norm_head(h) for h in heads}

    def is_running_head(line):
        m = re.match(r"^\s*(.+?)\s*\d{1,3}\s*$", line)
        return bool(m) and _norm_head(m.group(1)) in heads

    return is_running_head


def _chapter_section(chapter, body_lines, is_running_head, joiner):
    """One chapter's lines -> a section: subtitle and byline, then paragraphs, subheadings, quotations."""
    chunk = [l for l in body_lines[chapter.start:chapter.end] if not is_running_head(l)]
    chunk = [l for l in chunk if not (CHAPTER_NUMBER.match(l) or l.strip() in BACK_MATTER)]
    items = [Heading(line.strip(), 3) if _is_subheading(chunk, k) else line for k, line in enumerate(chunk)]
    blocks = _mark_quotations([join_soft_hyphens(b) for b in reflow(items, joiner, width=64)])
    intro = []
    if chapter.subtitle:
        intro.append(f"*{chapter.subtitle}*")
    if chapter.authors:
        intro.append(f"{chapter.authors}\n{{: .chapter-byline }}")
    return ParsedSection(chapter.title, "\n\n".join(intro + blocks))


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
    words = wordlist.load_optional().lower
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
