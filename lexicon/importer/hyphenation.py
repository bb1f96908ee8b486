"""Joining a paragraph's lines and the words hyphenated at their ends: the one line joiner.

'ver-' + 'schrikkelijk' -> 'verschrikkelijk' (a soft hyphen from the typesetter), but
'sociaal-' + 'cultureel' keeps its hyphen because the word list spells it that way. The book
and the four related texts ("Bronnen") go through the same ``HyphenJoiner``: it decides by
the Dutch word list first and by the text's own spellings (its vocabulary) second.
"""
import re

LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
# the last token of a line when it ends in '<letters>-'; 'left' is the fragment that may be joined
LINE_END_HYPHEN_RE = re.compile(rf"(?P<before>\S*?)(?P<left>[{LETTER}]+)-$")
NEXT_WORD_RE = re.compile(rf"^[{LETTER}’']+")
# a URL broken after '/', '.', '_' or '-': the next line continues it without a space
URL_AT_END_RE = re.compile(r"https?://\S*[./_-]$")
VOCABULARY_RE = re.compile(rf"[{LETTER}][{LETTER}\-]*[{LETTER}]")
TRAILING_PUNCTUATION = ".,;:!?’”)'\""
# '…buurt- en wijkwerk', 'zowel buurt- als wijkwerk': a suspended compound, hyphen and space stay;
# after the words that can also end a word ('zo-' + 'als' is 'zoals') only when not a word joined
SUSPENDED_ALWAYS = {"en", "of", "tot", "and", "or"}
SUSPENDED_NEXT = SUSPENDED_ALWAYS | {"als", "noch", "versus", "maar", "ook", "dan"}
DIAERESIS = {"i": "ï", "e": "ë", "o": "ö", "u": "ü"}


class HyphenJoiner:
    """Decides, per line end, whether a hyphen is a typesetter's (join) or the word's (keep).

    ``wordlist`` is a ``wordlist.WordList`` (possibly empty); ``corpus`` the whole text being
    cleaned, whose own spellings ('kosten-baten', 'Eigen Kracht-conferenties') are the
    evidence when the word list knows neither form.
    """

    def __init__(self, wordlist, corpus=""):
        self.wordlist = wordlist
        self.vocabulary = set()
        for token in VOCABULARY_RE.findall(corpus or ""):
            token = token.lower()
            self.vocabulary.add(token)
            parts = token.split("-")
            # 'kosten-baten-analyse' also attests 'kosten-baten'
            self.vocabulary.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]) if a and b)

    def _known_with_diaeresis(self, word):
        """Is ``word`` a word once one ë/ï/ö/ü lost after a vowel is restored ('epidemieen')?"""
        for i in range(1, len(word)):
            if word[i] in DIAERESIS and word[i - 1] in "aeiou":
                if self.wordlist.exact(word[:i] + DIAERESIS[word[i]] + word[i + 1:]):
                    return True
        return False

    def verdict(self, left, right, after_hyphen=False, before_hyphen=False, closed=False):
        """'join', 'keep' or 'suspended' for a line ending in '<left>-' followed by '<right>'.

        A hyphenated chain broken at a line end: when ``left`` follows a hyphen ('Achter-de-' /
        'voordeur') or ``right`` is followed by one ('#integrale-' / 'kosten-baten-analyse'), and
        both halves are words while the text never writes them as one, the hyphen is the chain's;
        'keuken-ta-' + 'fel' is 'keuken-tafel'. Before a hyphen only a lower-case ``left`` of four
        letters or more counts as a word ('Hart-' + 'man-van der Laan', 'kno-' + 'wing-in-action').
        """
        core = right.rstrip(TRAILING_PUNCTUATION)
        if not core or not core[0].isalpha() or core[0].isupper() or left[-1].isupper() or left[-1].isdigit():
            return "keep"
        if re.search(r"[A-Z].*[A-Z]", left):  # 'OGGz-' + 'meldpunten': an acronym keeps its hyphen
            return "keep"
        words = self.wordlist.lower
        merged, hyphenated = (left + core).lower(), f"{left}-{core}".lower()
        suspended = core.lower() in SUSPENDED_ALWAYS or (core.lower() in SUSPENDED_NEXT and merged not in words)
        # 'epidemie-' + ' en, et cetera': nothing follows 'en' for a suspended compound to end in, so it is
        # the end of the word, its ë lost to OCR ('epidemieën'); joined only when that makes a word.
        if suspended and closed and self._known_with_diaeresis(merged):
            return "join"
        if suspended:
            return "suspended"
        if merged in words:
            return "join"
        if hyphenated in words:
            return "keep"
        if "-" in core:
            return "keep"
        chain = after_hyphen or (before_hyphen and len(left) >= 4 and left[0].islower())
        if chain and left.lower() in words and core.lower() in words and merged not in self.vocabulary:
            return "keep"
        if hyphenated in self.vocabulary and merged not in self.vocabulary:
            return "keep"
        return "join"

    def joins_in_url(self, left, right, line):
        """Inside a URL a hyphen is soft only when the joined word is a known word or a parameter."""
        joined = (left + right).lower()
        parameter = line[len(right):len(right) + 1] == "="  # '?re-' + 'ferrer=': a parameter name
        return self.wordlist.known(left + right) or parameter or joined in self.vocabulary

    def join_two(self, text, line, stats=None):
        """``text`` (the paragraph so far) + the next ``line`` (stripped, not blank)."""
        m = LINE_END_HYPHEN_RE.search(text)
        w = NEXT_WORD_RE.match(line)
        if m and w and not text.endswith((" -", "--")):
            token = m.group(0)
            left, start = m.group("left"), m.start("left")
            right, rest = w.group(0), line[w.end():]
            if "http" in token or "www." in token:
                return text[:-1] + line if self.joins_in_url(left, right, line) else text + line
            verdict = self.verdict(left, right, after_hyphen=text[:start].endswith("-"),
                                   before_hyphen=rest.startswith("-"), closed=rest[:1] in ",;:.!?)")
            if stats is not None and verdict in ("join", "keep"):
                stats.count("hyphen-join" if verdict == "join" else "hyphen-kept")
            return text[:start] + left + {"join": "", "keep": "-", "suspended": "- "}[verdict] + line
        if URL_AT_END_RE.search(text):
            return text + line
        return f"{text} {line}"


def join_lines(lines, joiner, stats=None):
    """A paragraph's lines -> one string, undoing line-end hyphenation (blank lines are skipped)."""
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        text = joiner.join_two(text, line, stats) if text else line
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def line_end_hyphen_candidates(text):
    """Remaining artefacts in cleaned text: a hyphen at a line end or before a line break."""
    return len(re.findall(rf"[{LETTER}]-\n\s*[a-zà-ÿ]", text))
