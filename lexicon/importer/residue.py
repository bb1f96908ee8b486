"""OCR residue the line-level cleaning leaves, fixed by rules over a whole lemma, and found by a
check for ``manage.py lexicon_quality``.

Rules (each asks the text itself or the word list, never a line number):
- an acronym with l read for I ('Kl' where the lemma writes 'KI'): replaced when the I-form occurs
  in the same text as an acronym and the l-form is no word;
- a fixed expression broken into a real word ('Te denken vaalt aan': 'vaalt' is a word, a
  dunghill, so the word list cannot see it): a short reviewed list of expressions.
"""
import re
from collections import Counter

TOKEN_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,5}(?![\w])")
ACRONYM_RE = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![a-z])")
# (pattern, replacement): fixed expressions whose OCR error is itself a Dutch word.
EXPRESSIONS = [
    (re.compile(r"\b([Tt]e denken) vaalt\b"), r"\1 valt"),
]


def _acronyms(text):
    return set(ACRONYM_RE.findall(text))


def _l_for_i_candidates(text, wordlist, context=None):
    """{token: acronym} for tokens like 'Kl' of ``text`` whose l->I form is an acronym of this
    text or of ``context``."""
    acronyms = _acronyms(text) | _acronyms(context or "")
    found = {}
    for token in set(TOKEN_RE.findall(text)):
        if "l" not in token or token in acronyms:
            continue
        fixed = token.replace("l", "I")
        if fixed in acronyms and not wordlist.exact(token) and not wordlist.exact(token.lower()):
            found[token] = fixed
    return found


def fix_acronym_l_for_i(text, wordlist, stats=None, context=None):
    """``context``: the text whose acronyms count (default ``text``; the body for the lead)."""
    for token, fixed in _l_for_i_candidates(text, wordlist, context).items():
        text, n = re.subn(rf"(?<![\w-]){re.escape(token)}(?![\w])", fixed, text)
        if stats is not None and n:
            stats.count("acronym-l-for-I", n)
    return text


def fix_expressions(text, stats=None):
    for pattern, replacement in EXPRESSIONS:
        text, n = pattern.subn(replacement, text)
        if stats is not None and n:
            stats.count("expression", n)
    return text


def repair(text, wordlist, stats=None, context=None):
    """A lemma's whole Markdown (so the acronym rule sees every use of the acronym)."""
    return fix_expressions(fix_acronym_l_for_i(text, wordlist, stats, context), stats)


# --- the check ------------------------------------------------------------------------------

def find(text, wordlist):
    """Counter of residue still in ``text``: 'Kl'-beside-'KI' tokens, broken expressions."""
    found = Counter()
    for token, fixed in _l_for_i_candidates(text, wordlist).items():
        n = len(re.findall(rf"(?<![\w-]){re.escape(token)}(?![\w])", text))
        found[f"{token} naast {fixed}"] += n
    for pattern, _replacement in EXPRESSIONS:
        for match in pattern.finditer(text):
            found[match.group(0)] += 1
    return found
