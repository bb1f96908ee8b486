"""The book's front matter: foreword, introduction (with the editors' signature) and colophon."""
import re

from lexicon.importer import structure
from lexicon.importer.lines import Line
from lexicon.importer.sections import _next_nonblank, match_title

INTRO_TITLE = "Inleiding - over nabijheid"
EDITOR_RE = re.compile(r"([A-ZÀ-Þ][^\s,]+(?:\s[A-Za-zÀ-ÿ’'-]+)*),\s((?:[A-Z]\.\s?)+)")


def split_front(front):
    """-> dict with foreword/intro lines, titles, author line and the editors' text."""
    k = _next_nonblank(front, 0)
    foreword_title = front[k].text.strip()
    a = _next_nonblank(front, k + 1)
    foreword_author = front[a].text.strip()
    intro_at = next(
        (i for i in range(a + 1, len(front)) if match_title(front, i, INTRO_TITLE) is not None), None
    )
    if intro_at is None:
        return None
    intro_body_at = match_title(front, intro_at, INTRO_TITLE)
    # the editors' signature: the last paragraph, ending in '(red.)'
    red_at = None
    for i in range(len(front) - 1, intro_body_at, -1):
        if "(red.)" in front[i].text:
            red_at = i
            break
    sig_start = red_at
    while sig_start is not None and sig_start > 0 and not front[sig_start - 1].blank:
        sig_start -= 1
    return {
        "foreword_title": foreword_title,
        "foreword_author": foreword_author,
        "foreword": front[a + 1:intro_at],
        "intro": front[intro_body_at:sig_start] if sig_start else front[intro_body_at:],
        "editors_text": " ".join(ln.text.strip() for ln in front[sig_start:red_at + 1]) if sig_start else "",
    }


def parse_editors(text):
    """'Veldboer, L., Engbersen, R., … en Sprinkhuizen, A. (red.)' -> ['L. Veldboer', …]."""
    text = text.replace("(red.)", "").replace(" en ", ", ")
    return [f"{initials.strip()} {surname.strip()}" for surname, initials in EDITOR_RE.findall(text)]


def foreword_markdown(lines, author, cleaner):
    body, _ = structure.build_markdown(lines, cleaner, cleaner.stats)
    # the closing note about the author reads as a bio: set it apart
    chunks = body.strip().split("\n\n")
    if chunks and chunks[-1].startswith(author + ","):
        chunks[-1] = f"*{chunks[-1]}*"
    return "\n\n".join(chunks) + "\n"


def colophon_markdown(editors, supporters_sentence=""):
    parts = [
        "**Lexicon nabijheid en sociaal werk** (2022)",
        "## Redactie",
        "\n".join(f"- {e}" for e in editors),
    ]
    if supporters_sentence:
        parts.append(supporters_sentence)
    parts.append(
        "Deze webeditie is gemaakt uit de gedigitaliseerde tekst van de uitgave van 2022. "
        "Figuren die bij de digitalisering verloren gingen, zijn waar mogelijk uit de tekst hersteld "
        "en anders als zodanig aangegeven."
    )
    return "\n\n".join(parts) + "\n"


def blank():
    return Line(0, "")
