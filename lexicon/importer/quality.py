"""Quality figures for the import: words in and out, unknown-word rates, leftover artefacts.

Used by ``manage.py lexicon_quality`` and by the tests that guard the committed fixture.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from . import diacritics
from .hyphenation import LETTER
from .lines import Stats
from .pages import HEADER_RE

WORD_RE = re.compile(rf"[{LETTER}]+(?:-[{LETTER}]+)*")
HEADER_FRAGMENT_RE = re.compile(r"pagina \d+ van 206|Lexicon nabijheid en sociaal werk pagina", re.I)
LINE_END_HYPHEN_RE = re.compile(rf"[{LETTER}]-\s*\n\s*[a-zà-ÿ]|[a-zà-ÿ]{{2}}- (?!en\b|of\b|tot\b|als\b|noch\b)[a-zà-ÿ]{{3,}}")
STRAY_RE = re.compile(r"¢|®|^\s*\[\s*$|^\s*[*•]\s*$", re.M)


def plain(markdown_text):
    text = re.sub(r"\[\^\d+\]:?", " ", markdown_text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    return re.sub(r"[#*_>`|\[\]]", " ", text)


def words(text):
    return WORD_RE.findall(text)


def unknown_words(text, wordlist):
    """Words the Dutch word list does not know (capitalised words are checked too)."""
    out = []
    for w in words(text):
        if len(w) < 2 or wordlist.known(w):
            continue
        out.append(w)
    return out


@dataclass
class Report:
    name: str
    source_words: int
    imported_words: int
    unknown_before: int
    unknown_after: int
    hyphen_candidates: int
    header_fragments: int
    e_acute_suspects: list = field(default_factory=list)
    stray: int = 0
    unknown_list: Counter = field(default_factory=Counter)

    @property
    def rate_before(self):
        return self.unknown_before / self.source_words if self.source_words else 0.0

    @property
    def rate_after(self):
        return self.unknown_after / self.imported_words if self.imported_words else 0.0


def measure(name, source_text, markdown_text, wordlist):
    src = "\n".join(ln for ln in source_text.split("\n") if not HEADER_RE.match(ln))
    src_words = words(source_text)
    out_plain = plain(markdown_text)
    out_words = words(out_plain)
    unknown_after = unknown_words(out_plain, wordlist)
    return Report(
        name=name,
        source_words=len(src_words),
        imported_words=len(out_words),
        unknown_before=len(unknown_words(src, wordlist)),
        unknown_after=len(unknown_after),
        hyphen_candidates=len(LINE_END_HYPHEN_RE.findall(markdown_text)),
        header_fragments=len(HEADER_FRAGMENT_RE.findall(markdown_text)),
        e_acute_suspects=diacritics.e_acute_suspects(out_plain, wordlist),
        stray=len(STRAY_RE.findall(markdown_text)),
        unknown_list=Counter(unknown_after),
    )


def total(reports):
    t = Report("Totaal", 0, 0, 0, 0, 0, 0)
    for r in reports:
        t.source_words += r.source_words
        t.imported_words += r.imported_words
        t.unknown_before += r.unknown_before
        t.unknown_after += r.unknown_after
        t.hyphen_candidates += r.hyphen_candidates
        t.header_fragments += r.header_fragments
        t.e_acute_suspects += r.e_acute_suspects
        t.stray += r.stray
        t.unknown_list.update(r.unknown_list)
    return t


def replacements_summary(stats: Stats):
    return sorted(stats.replacements.items())
