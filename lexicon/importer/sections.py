"""Splitting the seed by the table of contents: front matter, then one section per lemma.

The TOC's line numbers are a hint; the title lines in the text are the ground truth (titles are
often broken over several lines: 'Menselijk en sociaal' / 'kapitaal').
"""
import re
from dataclasses import dataclass, field

from lexicon.importer.errors import ImportFailed


@dataclass
class Section:
    entry: object            # TocEntry or None for front matter
    title_lines: list
    lines: list = field(default_factory=list)   # body lines (after title, subtitle, author line)
    author_line: str = ""
    subtitle: str = ""


def _norm(text):
    text = text.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


def match_title(lines, i, title, max_lines=5):
    """If the title starts at lines[i] (possibly over several lines), return the index after it."""
    want = _norm(title)
    acc = ""
    for j in range(i, min(i + max_lines, len(lines))):
        t = lines[j].text.strip()
        if not t:
            return None
        if acc.endswith("-") and _norm(acc[:-1] + t) and want.startswith(_norm(acc[:-1] + t)):
            acc = acc[:-1] + t
        else:
            acc = f"{acc} {t}".strip()
        n = _norm(acc)
        if n == want:
            return j + 1
        if not (want.startswith(n) or (n.endswith("-") and want.startswith(n[:-1]))):
            return None
    return None


def find_title(lines, entry, seed_path, toc_path):
    # first near the TOC's line number, then anywhere (in case the seed shifted)
    near = [k for k, ln in enumerate(lines) if abs(ln.no - entry.start_line) <= 3]
    for k in near + list(range(len(lines))):
        end = match_title(lines, k, entry.title)
        if end is not None and (k == 0 or lines[k - 1].blank or lines[k].page_start):
            return k, end
    raise ImportFailed(
        toc_path, entry.tsv_line,
        f"titel {entry.title!r} niet gevonden in {seed_path} (verwacht rond regel {entry.start_line})",
    )


def _next_nonblank(lines, k):
    while k < len(lines) and lines[k].blank:
        k += 1
    return k


def looks_like_author_line(text, entry):
    names = [n.strip() for n in re.split(r"\s*(?:&|;|\ben\b|,)\s*", text) if n.strip()]
    if not names or len(text) > 120 or re.search(r"[.:]$", text):
        return False
    surnames = [a.split()[-1].casefold() for a in entry.authors]
    return all(len(n.split()) <= 5 for n in names) and any(
        s[:4] in text.casefold() for s in surnames
    )


def split(lines, toc, seed_path, toc_path):
    """Return (front matter lines, [Section per TOC entry])."""
    if toc and toc[-1].end_line > lines[-1].no + 1:
        raise ImportFailed(
            seed_path, lines[-1].no,
            f"het bestand lijkt afgekapt: het eindigt op regel {lines[-1].no}, de inhoudsopgave "
            f"({toc_path}) verwacht tekst tot regel {toc[-1].end_line}",
        )
    starts = []
    for entry in toc:
        k, end = find_title(lines, entry, seed_path, toc_path)
        starts.append((k, end, entry))
    ordered = sorted(starts, key=lambda s: s[0])
    for (k1, _, e1), (k2, _, e2) in zip(ordered, ordered[1:]):
        if k1 == k2:
            raise ImportFailed(toc_path, e2.tsv_line, f"titel {e2.title!r} valt samen met {e1.title!r}")
    sections = []
    for idx, (k, end, entry) in enumerate(ordered):
        stop = ordered[idx + 1][0] if idx + 1 < len(ordered) else len(lines)
        sec = Section(entry, [ln.text for ln in lines[k:end]])
        pos = _next_nonblank(lines, end)
        if entry.subtitle and pos < len(lines) and _norm(lines[pos].text) == _norm(entry.subtitle):
            sec.subtitle = lines[pos].text.strip()
            pos = _next_nonblank(lines, pos + 1)
        if entry.authors and pos < stop and looks_like_author_line(lines[pos].text, entry):
            sec.author_line = lines[pos].text.strip()
            pos += 1
        sec.lines = lines[pos:stop]
        if len([ln for ln in sec.lines if not ln.blank]) < 3:
            raise ImportFailed(
                seed_path, lines[k].no, f"lemma {entry.title!r} heeft (bijna) geen tekst; is het bestand afgekapt?"
            )
        sections.append(sec)
    front = lines[: ordered[0][0]]
    return front, sorted(sections, key=lambda s: s.entry.order)
