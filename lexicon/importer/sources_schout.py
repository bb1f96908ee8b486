"""Schout, 'Anders denken en doen in het sociale domein': a lecture text -> sections.

Its layout: a blank line after every line, bullets as private-use glyphs, and numbered notes of
which the extraction kept only fragments.
"""
import re

from .errors import ImportFailed
from .hyphenation import join_lines
from .source_records import ParsedSection, sections_from_blocks
from .sources_text import SENTENCE_END, Heading, joiner_for, reflow, tidy

BULLET = re.compile(r"^\s*[\uf0a7\uf0b7•·▪]\s*")


def parse_schout(text, path):
    lines = text.split("\n")
    # The first nonblank lines are title, subtitle and author.
    idx = [i for i, l in enumerate(lines) if l.strip()]
    if len(idx) < 4:
        raise ImportFailed(path, None, "te weinig tekst.")
    body, note_lines = _split_off_notes(lines[idx[2] + 1:])
    joiner = joiner_for("\n".join(body))
    blocks = _reflow_with_lists(_items(body), joiner, width=100)
    blocks = [re.sub(r"\[(\d)\]", r"[^\1]", b) for b in blocks]
    sections = sections_from_blocks(blocks, "Inleiding")
    notes = [l.strip() for l in note_lines if l.strip()]
    if notes:
        # The extraction kept only the end of note 1 and the beginning of note 2.
        note_md = [f"[^1]: … {notes[0]}",
                   "[^2]: " + join_lines([re.sub(r"^\d+\s+", "", n) for n in notes[1:]], joiner) + " …"]
        sections[0].body += "\n".join(note_md) + "\n"
        sections.append(ParsedSection("Noten", "De noten 1 en 2 staan als voetnoot bij de tekst; van de noten 3 tot en "
                                      "met 11 bevat de brontekst alleen de verwijzingscijfers tussen haakjes."))
    return sections


def _split_off_notes(body):
    """Notes: the tail from the last page-start line (single leading space) before the numbered notes."""
    numbered = [i for i, l in enumerate(body) if re.match(r"^\d{1,2} \S", l)]
    notes_at = len(body)
    if numbered:
        page_starts = [i for i, l in enumerate(body[: numbered[0]]) if re.match(r"^ \S", l)]
        notes_at = page_starts[-1] if page_starts else numbered[0]
    return body[:notes_at], body[notes_at:]


def _items(body):
    """Text lines -> layout items: list-item boundaries, headings (short lines between sentences), lines."""
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
    return items


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
