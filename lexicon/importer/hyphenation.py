"""Joining words hyphenated at a line end, decided by the Dutch word list and the corpus.

'ver-' + 'schrikkelijk' -> 'verschrikkelijk' (a soft hyphen from the typesetter), but
'sociaal-' + 'cultureel' keeps its hyphen because the word list spells it that way.
"""
import re
from collections import Counter

LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
LINE_END_HYPHEN_RE = re.compile(rf"(\S*?)([{LETTER}]+)-$")
NEXT_WORD_RE = re.compile(rf"^([{LETTER}]+)")
# '…buurt- en wijkwerk': a suspended compound, the hyphen and the space stay.
SUSPENDED_NEXT = {"en", "of", "tot", "als", "noch", "versus", "maar", "ook", "dan"}
HYPHENATED_IN_TEXT_RE = re.compile(rf"([{LETTER}]+)-([{LETTER}]+)")
WORD_IN_TEXT_RE = re.compile(rf"[{LETTER}]+")


class Corpus:
    """Spellings the book itself uses mid-line: evidence for hyphen or no hyphen."""

    def __init__(self, texts=()):
        self.hyphenated = Counter()
        self.words = Counter()
        for text in texts:
            self.add(text)

    def add(self, text):
        for line in text.split("\n"):
            body = line[:-1] if line.endswith("-") else line
            for a, b in HYPHENATED_IN_TEXT_RE.findall(body):
                self.hyphenated[f"{a}-{b}".lower()] += 1
            for w in WORD_IN_TEXT_RE.findall(body):
                self.words[w.lower()] += 1


def decide(left, right, wordlist, corpus=None):
    """Return 'join' or 'keep' for a line ending in '<left>-' followed by '<right>'."""
    if not right or not right[0].islower():
        return "keep"
    if right in SUSPENDED_NEXT:
        return "suspended"
    if left[-1:].isupper() or left[-1:].isdigit():
        return "keep"
    joined, hyphened = left + right, f"{left}-{right}"
    if wordlist.exact(hyphened) or wordlist.exact(hyphened.lower()):
        return "keep"
    if wordlist.exact(joined) or wordlist.exact(joined.lower()):
        return "join"
    if corpus is not None:
        h, j = corpus.hyphenated[hyphened.lower()], corpus.words[joined.lower()]
        if h > j:
            return "keep"
        if j > h:
            return "join"
    if wordlist.known(joined):
        return "join"
    if len(left) >= 4 and len(right) >= 4 and wordlist.exact(left) and wordlist.exact(right):
        return "keep"
    # a typesetter's hyphen: most line-end hyphens in the book are
    return "join"


def join_lines(lines, wordlist, corpus=None, stats=None):
    """Join a paragraph's lines into one string, undoing line-end hyphenation."""
    text = ""
    for raw in lines:
        line = raw.strip()
        if not text:
            text = line
            continue
        m = LINE_END_HYPHEN_RE.search(text)
        nxt = NEXT_WORD_RE.match(line)
        if m and nxt and not text.endswith(" -") and not text.endswith("--"):
            left, right = m.group(2), nxt.group(1)
            in_url = "http" in m.group(0) or "www." in m.group(0) or "/" in m.group(1)
            verdict = decide(left, right, wordlist, corpus)
            if in_url:
                # inside a URL: a soft hyphen only when the joined word is a known word
                joined = (left + right).lower()
                param = line[len(right):len(right) + 1] == "="  # '?re-' + 'ferrer=': a parameter name
                if wordlist.known(left + right) or param or (corpus is not None and corpus.words[joined]):
                    text = text[:-1] + line
                else:
                    text = text + line
            elif verdict == "join":
                text = text[:-1] + line
                if stats is not None:
                    stats.count("hyphen-join")
            elif verdict == "suspended":
                text = text + " " + line
            else:
                text = text + line
                if stats is not None:
                    stats.count("hyphen-kept")
        else:
            text = text + " " + line
    return text


def line_end_hyphen_candidates(text):
    """Remaining artefacts in cleaned text: a hyphen at a line end or before a line break."""
    return len(re.findall(rf"[{LETTER}]-\n\s*[a-zà-ÿ]", text))
