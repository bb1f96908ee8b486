"""Text helpers shared by the source-text importers: paragraphs from layout lines, soft hyphens, spacing.

The four related texts ("Bronnen") are born-digital, so characters are right; what is wrong
is layout: hard line breaks, words hyphenated at line ends, page furniture. These helpers turn
a stream of layout lines into Markdown paragraphs; the joining of lines and hyphenated words is
the book's own (``hyphenation``), reading is ``sourcefile.read_text``.
"""
import re
from dataclasses import dataclass

from . import wordlist
from .hyphenation import HyphenJoiner, join_lines

# A line that ends a sentence (possibly followed by closing quotes/brackets).
SENTENCE_END = re.compile(r"([.!?:;…][’”'\")\]]*|[’”]|[.!?’”] \([^()]{1,40}\))\s*$")


@dataclass
class Heading:
    text: str
    level: int = 3


def joiner_for(corpus):
    """The line joiner for one related text: the word list (if installed) and the text's own spellings."""
    return HyphenJoiner(wordlist.load_optional(), corpus)


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
    words = wordlist.load_optional().lower
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
