"""Dutch compounds for search: "buurtteammedewerkers" -> buurtteam, medewerkers, buurt, team.

Dutch writes compounds as one word, so a reader who types "buurtteam" must find the text's
"buurtteammedewerkers", and "thuiszorg" must find "zorg thuis". A word is split into parts that
are themselves words: in the Dutch word list (Debian ``wdutch``, the importer's list, see
``lexicon.importer.wordlist``) or the lexicon's own texts, titles, alternative terms and synonyms;
a part shorter than seven letters must also occur in the lexicon's texts (the word list holds
short oddities such as "situ" and "toet" that turn "situaties" into nonsense). Linking letters
("samenleving-s-opbouw") belong to the part before them, and on a tie a linker wins
("bestuur-s-leden", not "bestuur-sleden"). The fewest parts win (a compound the list knows as
a whole is one part, then split again), so "buurtteammedewerkers" gives buurtteam +
medewerkers, and buurtteam in turn buurt + team.

What is *not* split: parts shorter than four letters ("net-werk", "ver-keer"), heads that are
function words ("onder-zoek", "over-heid", "voor-beeld": lexicalised, not compounds in meaning)
and tails that are suffixes the word list happens to know ("gemeen-schap", "leef-baar").

Without the word list (``wdutch`` not installed) only the lexicon's vocabulary is used; search
works, with fewer splits.
"""
import logging
import os
import re
import threading
from functools import lru_cache

from whoosh.lang.stopwords import stoplists

log = logging.getLogger(__name__)

MIN_WORD = 8  # shorter words are not split ("wijkteam" is the shortest compound we care about)
MIN_PART = 4
MAX_WORD = 40
LINKERS = ("s", "en", "e")
# Tails the word list knows as words but that are suffixes in a compound.
SUFFIX_TAILS = frozenset("""
    schap schappen baar bare lijk lijke lijken lijkheid heid heden loos loze zaam zame achtig achtige
    isme ismen iteit iteiten ster sters ling lingen tje tjes ing ingen aard aards eren ende enden
""".split())
# A tail starting like this is a suffix run ("werk-zaamheid", "gemeen-schappelijk").
SUFFIX_STARTS = ("schap", "zaam", "lijk", "heid", "baar")
# Heads that are prepositions/particles: "onderzoek", "overheid", "voorwaarde", "achtergrond".
HEAD_STOP = frozenset(stoplists["nl"]) | frozenset(
    "achter boven binnen buiten tussen samen mede weder weer terug door mee toe best vrij".split()
)

ATTESTED_EXEMPT = 7  # parts this long need only the word list; shorter ones must occur in the texts

_lock = threading.Lock()
_corpus = None  # words of the lexicon's own texts (lowercase), loaded on first use
generation = 0  # bumped whenever the vocabulary (and so any split) may have changed
WORD_RE = re.compile(r"[^\W\d_]{%d,}" % MIN_PART)


@lru_cache(maxsize=1)
def _wordlist():
    """Lowercase Dutch words of four letters and more (the parts that can occur), or empty."""
    try:
        from lexicon.importer.wordlist import wordlist_path
    except ImportError:  # pragma: no cover - the importer is part of the project
        return frozenset()
    path = wordlist_path()
    if not os.path.exists(path):
        log.warning("Dutch word list %s not found (apt-get install wdutch): compounds are split "
                    "with the lexicon's own vocabulary only", path)
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(w for w in (line.strip().lower() for line in fh) if len(w) >= MIN_PART and w.isalpha())


def _load_corpus():
    """Every word of the published lexicon, its pages, sources and synonyms."""
    from lexicon.content.models import Lemma, Page, Source, SourceSection

    words = set()
    for row in Lemma.objects.published().values_list("title", "subtitle", "alternative_terms", "lead", "body"):
        for text in row:
            words.update(WORD_RE.findall((text or "").lower()))
    for model, fields in ((Page, ("title", "body")), (Source, ("title", "description")),
                          (SourceSection, ("title", "body"))):
        for row in model.objects.values_list(*fields):
            for text in row:
                words.update(WORD_RE.findall((text or "").lower()))
    try:
        from lexicon.search.models import Synonym

        for terms in Synonym.objects.values_list("terms", flat=True):
            words.update(WORD_RE.findall(terms.lower()))
    except Exception:  # table not migrated yet (first migrate, old test databases)
        pass
    return words


def corpus():
    global _corpus
    if _corpus is None:
        with _lock:
            if _corpus is None:
                try:
                    global generation
                    _corpus = _load_corpus()
                    generation += 1
                except Exception:  # no database yet (import time, a broken connection): no splits from it
                    log.warning("Search: could not read the lexicon's vocabulary", exc_info=True)
                    return set()
    return _corpus


def learn(text):
    """Add the words of a document being indexed (an editor's new word is attested at once)."""
    new = set(WORD_RE.findall((text or "").lower())) - corpus()
    if new:
        global generation
        with _lock:
            _corpus.update(new)
            generation += 1
        _segments.cache_clear()
        pieces.cache_clear()


def reset():
    """Forget the vocabulary (a rebuild or a test starts from the database as it is)."""
    global _corpus, generation
    with _lock:
        _corpus = None
        generation += 1
    _segments.cache_clear()
    pieces.cache_clear()


def known(word):
    """A possible compound part: a Dutch word (or one of the lexicon's), attested in the texts
    unless it is long (short word-list entries such as "situ", "toet", "aars" are mostly noise)."""
    words = _wordlist()
    texts = corpus()
    if not words:
        return word in texts
    if word not in words and word not in texts:
        return False
    return len(word) >= ATTESTED_EXEMPT or word in texts


def _segment(word, memo):
    """Fewest-part segmentation of ``word`` as a list of (start, end, next-start) or None.

    ``end`` is where a part's letters stop (before a linker), ``next-start`` where the next
    part starts. On a tie a linker is preferred ("bestuur-s-leden", not "bestuur-sleden")."""
    if word in memo:
        return memo[word]
    best = None
    n = len(word)
    for i in range(n - MIN_PART, MIN_PART - 1, -1):  # longest head first
        head = word[:i]
        if head in HEAD_STOP or not known(head):
            continue
        if head.endswith(LINKERS) and any(head.endswith(l) and known(head[:-len(l)]) for l in LINKERS):
            continue  # "overheids": the head is "overheid" plus a linker, tried further on
        for link in LINKERS + ("",):
            if link and not word.startswith(link, i):
                continue
            rest = word[i + len(link):]
            if len(rest) < MIN_PART:
                continue
            if rest.startswith(SUFFIX_STARTS):
                continue
            if rest not in SUFFIX_TAILS and known(rest):
                candidate = [(0, i, i + len(link)), (i + len(link), n, n)]
            else:
                sub = _segment(rest, memo)
                if not sub:
                    continue
                off = i + len(link)
                candidate = [(0, i, off)] + [(s + off, e + off, p + off) for s, e, p in sub]
            if best is None or len(candidate) < len(best):
                best = candidate
        if best is not None and len(best) == 2:
            break
    memo[word] = best
    return best


@lru_cache(maxsize=100_000)
def _segments(word):
    if not (MIN_WORD <= len(word) <= MAX_WORD) or not word.isalpha():
        return ()
    return tuple(_segment(word, {}) or ())


def split(word):
    """The parts of a compound (lowercase, at least two), or () for a word that is no compound."""
    word = word.lower()
    return tuple(word[s:e] for s, e, _p in _segments(word))


@lru_cache(maxsize=100_000)
def pieces(word):
    """Everything a compound stands for in the index: its parts, the parts' own parts, and
    the runs of adjacent parts, spelled as in the word ("samenlevingsopbouwwerkers":
    samenlevingsopbouw, opbouwwerkers, samenleving, opbouw, werkers)."""
    word = word.lower()
    segments = _segments(word)
    if not segments:
        return ()
    out = []
    n = len(segments)
    for length in range(n - 1, 0, -1):
        for first in range(0, n - length + 1):
            run = word[segments[first][0]:segments[first + length - 1][1]]
            if run != word and run not in out:
                out.append(run)
    for s, e, _p in segments:
        for sub in pieces(word[s:e]):
            if sub not in out:
                out.append(sub)
    return tuple(out)


def join_candidates(first, second):
    """Spellings of two words written as one compound ("samenleving opbouw" -> samenlevingsopbouw)."""
    first, second = first.lower(), second.lower()
    if len(first) < 3 or len(second) < 3:
        return []
    out = [first + second]
    if not first.endswith(("s", "e")):
        out.append(first + "s" + second)
    return out
