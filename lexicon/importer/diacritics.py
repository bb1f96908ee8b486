"""OCR diacritic repairs: é written for ë (and ö, ê), lost ï/ë/ö, and a few l/I confusions.

Generic rules ask the word list; the exceptions the vowel rule gets wrong are listed first.
"""
import re

from lexicon.importer.hyphenation import LETTER

TOKEN_RE = re.compile(rf"[{LETTER}]+")

# Before the vowel rule, which would get these wrong (see extraction-artefacts.md, #2 and #7).
EXCEPTIONS = [
    (re.compile(r"(C|c)o[ée](?=rdin|perat)"), r"\1oö", "ö-for-é"),
    (re.compile(r"\b(C|c|geC|gec)od(?=rdin|perat)"), r"\1oö", "ö-for-d"),
    (re.compile(r"cod(?=rdin|perat)"), "coö", "ö-for-d"),
    (re.compile(r"coordin"), "coördin", "ö-lost"),
    (re.compile(r"\bSchoén\b"), "Schön", "ö-for-é"),
    (re.compile(r"\bRézer\b"), "Rözer", "ö-for-é"),
    (re.compile(r"\bEngestrém\b"), "Engeström", "ö-for-é"),
    (re.compile(r"(?<=[Ee]nqu)é(?=te)"), "ê", "ê-for-é"),
    (re.compile(r"\b([Bb])einvl"), r"\1eïnvl", "ï-lost"),
]
# l read for I at the start of a sentence: 'leder lemma' -> 'Ieder lemma'.
L_FOR_I_RE = re.compile(r"(^|[.!?:]\s+|[.!?]’\s+|‘)l(eder|emand|ets|k|n)\b")
# a superscript e read as ¢ after a number: '21¢ eeuw', '8¢ druk' -> '21e eeuw', '8e druk'
ORDINAL_RE = re.compile(r"(?<=\d)¢")
INVLOED_RE = re.compile(r"invl?ioed")
VOWEL_E_ACUTE_RE = re.compile(r"(?<=[aeiou])é")
DIAERESIS = {"i": "ï", "e": "ë", "o": "ö", "u": "ü"}


def _count(stats, kind, n=1):
    if stats is not None and n:
        stats.count(kind, n)


def fix_e_acute(token, wordlist, stats=None):
    """'cliénten' -> 'cliënten', 'ideeén' -> 'ideeën'; 'één', 'café', 'idée' stay."""
    if "é" not in token or not VOWEL_E_ACUTE_RE.search(token):
        return token
    if wordlist.exact(token):
        return token
    fixed = VOWEL_E_ACUTE_RE.sub("ë", token)
    _count(stats, "ë-for-é", token.count("é") - fixed.count("é"))
    return fixed


def restore_diaeresis(token, wordlist, stats=None):
    """'continuiteit' -> 'continuïteit', 'geinvesteerd' -> 'geïnvesteerd', 'Clienten' -> 'Cliënten',
    only when the token is unknown and exactly one restored diaeresis makes it a known word."""
    # exact, not compound lookup: 'geinformeerd' would pass as 'gein' + 'formeerd'
    if len(token) < 4 or wordlist.exact(token):
        return token
    lower = token.lower()
    for i in range(1, len(lower)):
        ch = lower[i]
        if ch in DIAERESIS and lower[i - 1] in "aeiou":
            candidate = token[:i] + DIAERESIS[ch] + token[i + 1:]
            if wordlist.exact(candidate):
                _count(stats, "diaeresis-restored")
                return candidate
    return token


def repair(text, wordlist, stats=None):
    text, n = INVLOED_RE.subn("invloed", text)
    _count(stats, "invloed", n)
    for pattern, repl, kind in EXCEPTIONS:
        text, n = pattern.subn(repl, text)
        _count(stats, kind, n)
    text, n = ORDINAL_RE.subn("e", text)
    _count(stats, "ordinal-e", n)

    def fix_l(m):
        _count(stats, "I-for-l")
        return f"{m.group(1)}I{m.group(2)}"

    text = L_FOR_I_RE.sub(fix_l, text)

    def fix_token(m):
        token = m.group(0)
        token = fix_e_acute(token, wordlist, stats)
        return restore_diaeresis(token, wordlist, stats)

    return TOKEN_RE.sub(fix_token, text)


def e_acute_suspects(text, wordlist):
    """Remaining é after a vowel in tokens the word list does not know (for the quality report)."""
    return [t for t in TOKEN_RE.findall(text) if VOWEL_E_ACUTE_RE.search(t) and not wordlist.exact(t)]
