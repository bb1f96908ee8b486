"""The Dutch word list (Debian ``wdutch``, OpenTaal) as a lookup with simple compound splitting.

Every generic cleaning rule (hyphen joins, é->ë) asks this list before changing a word, so
a rule never produces a word the dictionary does not know.
"""
import os
import re
from functools import lru_cache

DEFAULT_PATH = "/usr/share/dict/dutch"
WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][a-z]+)?")
LINKERS = ("", "s", "e", "en", "-")


class WordListMissing(RuntimeError):
    pass


def wordlist_path():
    return os.environ.get("LEXICON_WORDLIST", DEFAULT_PATH)


def available(path=None):
    return os.path.exists(path or wordlist_path())


class WordList:
    def __init__(self, words):
        self.words = set(words)
        self.lower = {w.lower() for w in self.words}

    @classmethod
    def from_file(cls, path=None):
        path = path or wordlist_path()
        if not os.path.exists(path):
            raise WordListMissing(
                f"Dutch word list not found at {path}: install the Debian package 'wdutch' "
                "(apt-get install wdutch) or set LEXICON_WORDLIST."
            )
        with open(path, encoding="utf-8") as fh:
            return cls(line.strip() for line in fh if line.strip())

    def exact(self, word):
        """Known as written, or as a sentence-initial capitalised form of a known word."""
        if word in self.words:
            return True
        if word.startswith("Eé") and "éé" + word[2:] in self.words:  # 'Eén' is 'één' capitalised
            return True
        return word[:1].isupper() and word[1:].islower() and word.lower() in self.words

    def __contains__(self, word):
        return self.known(word)

    @lru_cache(maxsize=200_000)
    def known(self, word):
        """Known as such, as a hyphenated combination of known parts, or as a two-part compound."""
        if not word:
            return False
        if self.exact(word) or word.lower() in self.lower:
            return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            return bool(parts) and all(self.known(p) or p.isupper() or p.isdigit() for p in parts)
        return self.compound(word.lower())

    def compound(self, word):
        """'wijkteamleden' = 'wijkteam' + 'leden': both parts known (parts of 3+ letters)."""
        n = len(word)
        if n < 7:
            return False
        for i in range(3, n - 2):
            head, tail = word[:i], word[i:]
            if tail not in self.lower:
                continue
            for link in LINKERS:
                if link and head.endswith(link) and head[: -len(link)] in self.lower and len(head) - len(link) >= 3:
                    return True
                if not link and head in self.lower:
                    return True
        # three-part compounds: head known, rest a known two-part compound
        for i in range(3, n - 5):
            if word[:i] in self.lower and self.compound_simple(word[i:]):
                return True
        return False

    def compound_simple(self, word):
        for i in range(3, len(word) - 2):
            if word[:i] in self.lower and word[i:] in self.lower:
                return True
            if word[:i].endswith("s") and word[: i - 1] in self.lower and word[i:] in self.lower:
                return True
        return False


def load(path=None):
    return _load(path or wordlist_path())


def load_optional(path=None):
    """The word list, or an empty one when it is not installed (the related texts then import
    without dictionary checks; the book refuses, see ``load``)."""
    try:
        return load(path)
    except WordListMissing:
        return EMPTY


@lru_cache(maxsize=4)
def _load(path):
    return WordList.from_file(path)


EMPTY = WordList(())


def tokens(text):
    return WORD_RE.findall(text)
