"""Text helpers shared by the source-text importers: reading, dehyphenation, reflow.

The four related texts ("Bronnen") are born-digital, so characters are right; what is wrong
is layout: hard line breaks, words hyphenated at line ends, page furniture. These helpers turn
a stream of layout lines into Markdown paragraphs.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

WORDLIST = Path("/usr/share/dict/dutch")

# A line that ends a sentence (possibly followed by closing quotes/brackets).
SENTENCE_END = re.compile(r"([.!?:;…][’”'\")\]]*|[’”]|[.!?’”] \([^()]{1,40}\))\s*$")
LETTER = "a-zA-Zà-öø-ÿÀ-ÖØ-Þ"
HYPHEN_END = re.compile(rf"([{LETTER}][{LETTER}\-’']*)-$")
WORD_START = re.compile(rf"^([{LETTER}’']+)")
SUSPENDED = {"en", "of", "tot", "and", "or"}


class SourceImportError(Exception):
    """Bad input: the message names the file and says what is wrong (in Dutch, for the editor)."""


def read_text(path):
    path = Path(path)
    if not path.is_file():
        raise SourceImportError(f"{path}: bestand niet gevonden.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceImportError(
            f"{path}: geen geldige UTF-8-tekst (byte {exc.start}); sla het bestand op als UTF-8."
        ) from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceImportError(f"{path}: het bestand is leeg.")
    return text


@lru_cache(maxsize=1)
def dutch_words():
    """Lower-cased Dutch word list (Debian wdutch); empty when not installed."""
    try:
        return frozenset(w.strip().lower() for w in WORDLIST.read_text(encoding="utf-8").split("\n") if w.strip())
    except OSError:
        return frozenset()


def has_wordlist():
    return bool(dutch_words())


@dataclass
class Heading:
    text: str
    level: int = 3


@dataclass
class Joiner:
    """Joins hyphenated line ends, using the word list and the text's own vocabulary."""

    corpus: str = ""
    _vocab: set = field(default_factory=set)

    def __post_init__(self):
        self._vocab = {w.lower() for w in re.findall(rf"[{LETTER}][{LETTER}\-]*[{LETTER}]", self.corpus)}

    def join(self, left, right):
        """Join word fragment ``left`` (without its hyphen) with ``right``: merged or hyphenated."""
        core = right.rstrip(".,;:!?’”)'\"")
        if not core or not core[0].isalpha() or core[0].isupper() or left[-1].isupper() or left[-1].isdigit():
            return f"{left}-{right}"
        if re.search(r"[A-Z].*[A-Z]", left):  # 'OGGz-' + 'meldpunten': an acronym keeps its hyphen
            return f"{left}-{right}"
        if core.lower() in SUSPENDED:
            return f"{left}- {right}"
        merged, hyphenated = (left + core).lower(), f"{left}-{core}".lower()
        words = dutch_words()
        if merged in words:
            return left + right
        if hyphenated in words:
            return f"{left}-{right}"
        if "-" in left or "-" in core:  # 'Achter-de-' + 'voordeur': part of a hyphenated chain
            return f"{left}-{right}"
        if hyphenated in self._vocab and merged not in self._vocab:
            return f"{left}-{right}"
        return left + right


def join_lines(lines, joiner):
    """Lines of one paragraph -> one string, joining words hyphenated at line ends."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = HYPHEN_END.search(out)
        w = WORD_START.match(line)
        if m and w and not out.endswith(" -"):
            left = m.group(1)
            first, rest = w.group(1), line[w.end():]
            if rest.startswith("-"):  # 'kosten-' + 'baten-analyse': a hyphenated chain
                joined = f"{left}-{first}"
            else:
                joined = joiner.join(left, first)
            out = out[: m.start()] + joined + rest
        elif re.search(r"https?://\S*[./_-]$", out):  # a URL broken at the line end
            out = out + line
        else:
            out = f"{out} {line}"
    return re.sub(r"[ \t]{2,}", " ", out).strip()


def reflow(items, joiner, *, width, blank_breaks=True, short=0.72):
    """Layout lines (str, '' for blank, or Heading) -> Markdown blocks (list of str).

    A paragraph ends where the previous line ends a sentence and then either the next line is
    indented (paragraph indent), the previous line is clearly short (last line of a paragraph),
    or - when ``blank_breaks`` - a blank line follows. A blank line after an unfinished sentence
    is a page or column break and is joined over.
    """
    blocks, cur, saw_blank = [], [], False

    def flush():
        if cur:
            text = join_lines(cur, joiner)
            if text:
                blocks.append(text)
            cur.clear()

    for item in items:
        if isinstance(item, Heading):
            flush()
            blocks.append(f"{'#' * item.level} {item.text}")
            saw_blank = False
            continue
        if not item.strip():
            saw_blank = True
            continue
        if cur:
            prev = cur[-1].rstrip()
            # A paragraph never starts in lower case: such a line continues after a page break.
            if SENTENCE_END.search(prev) and not item.strip()[:1].islower() and (
                item.startswith(" ") or len(prev.strip()) < short * width or (saw_blank and blank_breaks)
            ):
                flush()
        cur.append(item)
        saw_blank = False
    flush()
    return blocks


MIDLINE_HYPHEN = re.compile(r"(?<![\w-])([a-zà-ÿ]{2,})-([a-zà-ÿ]{2,})(?![\w-])")


def join_soft_hyphens(text):
    """'professio-nals' mid-line: typesetting hyphens the PDF kept after reflow. Joined only
    when the joined word is in the word list and the hyphenated form is not."""
    words = dutch_words()
    if not words:
        return text

    def repl(m):
        a, b = m.groups()
        merged = (a + b).lower()
        return a + b if merged in words and f"{a}-{b}".lower() not in words else m.group(0)

    return MIDLINE_HYPHEN.sub(repl, text)


def tidy(text):
    """Normalise spaces around punctuation that layout left behind."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:!?])(?=\s|$)", r"\1", text)
    return text.strip()
