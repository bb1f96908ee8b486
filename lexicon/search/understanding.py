"""Query understanding: what a reader typed, as clauses the engine can match (``QueryPlan``).

A query is split into *clauses*. A clause is one word, a quoted phrase (matched exactly, word
by word), or a run of words that together mean one thing, with the other ways it may match:

* **joined**: "samenlevings opbouw" is also "samenlevingsopbouw", "wijk team" also "wijkteam"
  (when the joined word occurs in the lexicon or the Dutch word list);
* **split**: "thuiszorg" is also "thuis" and "zorg" close together ("Zorg thuis");
* **synonyms** that editors keep in the admin (``lexicon.search.models.Synonym``): "loneliness"
  is also "eenzaamheid"; a synonym can point at a lemma, which then matches as such;
* **fuzzy** (a fallback only): words of the index within an edit distance that grows with the
  word's length.

Question-like and long queries ("hoe kun je eenzaamheid bij ouderen tegengaan") lose their
question and filler words. Matching is *all* clauses first; when that finds (almost) nothing the
service (``lexicon.search.queries``) retries with *most* clauses, ranking documents that match
more of them first. A word with a minus in front ("-jeugd") excludes documents.

Nothing here touches the index directly: the vocabulary (which words the texts contain, which
are close to a typo) is asked through the small ``Vocabulary`` protocol the backend implements.
"""
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from whoosh.lang.stopwords import stoplists

from lexicon.search import compounds
from lexicon.search.analysis import query_terms

STOP = frozenset(stoplists["nl"])
QUESTION_WORDS = frozenset("hoe wat waarom wanneer waar wie welk welke waardoor waarmee waarvoor hoeveel "
                           "wat's wie's kun kunt kan mag moet".split())
# Dropped from question-like and long queries: they say how the reader asks, not what about.
FILLERS = QUESTION_WORDS | frozenset("""
    kunnen kun kunt kan mag mogen moet moeten zou zouden wil willen zal zullen gaat gaan ga komt komen
    doet doen deed is zijn was waren wordt worden werd
    je jij jou jouw jullie we wij ons onze u uw men iemand ze zij hun
    elkaar zoiets eigenlijk precies nou even graag ik mij mijn
    betekent betekenen betekenis bedoeld bedoelt verstaan verstaat verstaan uitleg uitleggen
    verschil verschillen tussen vandaan tegenover daarbij hierbij
    een het de van voor bij met in op aan over om tot naar
""".split())
MAX_CLAUSES = 10
WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
PHRASE_RE = re.compile(r'"([^"]*)"')
# Weights of the alternatives relative to the words as typed.
JOIN_WEIGHT, SPLIT_WEIGHT, SYNONYM_WEIGHT, FUZZY_WEIGHT = 0.9, 0.6, 0.8, 0.5
SPLIT_SLOP = 3  # "Zorg thuis" for "thuiszorg": the parts within this many words, in any order


@dataclass(frozen=True)
class Alternative:
    kind: str  # "join", "split", "synonym", "fuzzy", "lemma"
    words: tuple = ()  # lowercase surface words; a phrase when several (for "split": the parts)
    weight: float = 1.0
    lemma_id: int = 0


@dataclass(frozen=True)
class Clause:
    words: tuple  # lowercase surface words as typed
    phrase: bool = False  # quoted: these words, in this order
    alternatives: tuple = ()

    @property
    def text(self):
        return " ".join(self.words)


@dataclass(frozen=True)
class QueryPlan:
    text: str  # the query as the reader typed it (cleaned)
    clauses: tuple
    excluded: tuple = ()  # words after a minus
    mode: str = "all"  # "all" clauses must match, or "most"
    fuzzy: bool = False
    dropped: tuple = ()  # question and filler words left out
    boosted: bool = True  # False: text score only (the sections of lemmas already found)

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def min_match(self):
        """How many clauses a document must match: all, or (most) a majority, at least one."""
        n = len(self.clauses)
        return n if self.mode == "all" else max(1, math.ceil(n / 2))

    def words(self):
        return [w for c in self.clauses for w in c.words]

    def with_mode(self, mode):
        return replace(self, mode=mode)

    def cache_key(self):
        return (self.clauses, self.excluded, self.mode, self.fuzzy, self.boosted)


class Vocabulary:
    """What the understanding asks of the index (the backend answers; tests can fake it)."""

    def frequency(self, word):  # in how many documents the (unstemmed, lowercase) word occurs
        return 0

    def near(self, word, maxdist):  # index words within ``maxdist`` edits, most frequent first
        return []

    def synonyms(self):  # [(terms tuple, lemma id or 0)] from the editors' list
        return []

    def names_something(self, word):  # the word is (in) a title or alternative term of the index
        return False


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(words):
    """Words as the index compares them: analysed, stop words gone (a tuple of stems)."""
    return tuple(t for t in query_terms(" ".join(words)))


def is_question(text, words):
    return text.rstrip().endswith("?") or (words and words[0] in QUESTION_WORDS)


def parse(text, vocabulary=None):
    """The plan for ``text`` (already cleaned by ``queries.clean_query``)."""
    vocabulary = vocabulary or Vocabulary()
    clauses, excluded = [], []
    free = []  # runs of unquoted words between phrases: [(position, [words])]
    pieces = PHRASE_RE.split(text)
    for i, piece in enumerate(pieces):
        if i % 2:  # inside quotes
            words = tuple(w.lower() for w in WORD_RE.findall(piece))
            if _key(words):
                clauses.append((i, Clause(words=words, phrase=len(words) > 1)))
            continue
        run = []
        for raw in piece.split():
            if raw.startswith("-") and len(raw) > 1:
                excluded.extend(w.lower() for w in WORD_RE.findall(raw[1:]))
                continue
            run.extend(w.lower() for w in WORD_RE.findall(raw))
        free.append((i, run))
    all_free = [w for _, run in free for w in run]
    dropped = []
    if is_question(text, all_free) or len(all_free) >= 5:
        kept_runs = []
        for pos, run in free:
            kept = [w for w in run if w not in FILLERS]
            dropped.extend(w for w in run if w in FILLERS)
            kept_runs.append((pos, kept))
        if any(run for _, run in kept_runs):
            free = kept_runs
        else:
            dropped = []
    for pos, run in free:
        run = [w for w in run if _key([w])]  # stop words carry nothing
        for clause in _clauses_of_run(run, vocabulary):
            clauses.append((pos, clause))
    clauses.sort(key=lambda item: item[0])  # stable: phrases and runs in typed order
    plan_clauses = tuple(c for _, c in clauses)[:MAX_CLAUSES]
    return QueryPlan(text=text, clauses=plan_clauses, excluded=tuple(excluded), dropped=tuple(dropped))


def _clauses_of_run(words, vocabulary):
    """Clauses of a run of unquoted words: synonyms (longest first), joins, then single words."""
    synonyms = _synonym_index(vocabulary)
    out, i = [], 0
    while i < len(words):
        # A synonym term of up to four words starting here.
        match = None
        for length in range(min(4, len(words) - i), 0, -1):
            alts = synonyms.get(_key(words[i:i + length]))
            if alts:
                match = (length, alts)
                break
        if match:
            length, alts = match
            run = tuple(words[i:i + length])
            extra = _word_alternatives(run[0], vocabulary) if length == 1 else ()
            out.append(Clause(words=run, alternatives=tuple(alts) + extra))
            i += length
            continue
        if i + 1 < len(words):
            joined = _join(words[i], words[i + 1], vocabulary)
            if joined:
                out.append(Clause(words=(words[i], words[i + 1]),
                                  alternatives=(Alternative("join", (joined,), JOIN_WEIGHT),)))
                i += 2
                continue
        out.append(Clause(words=(words[i],), alternatives=_word_alternatives(words[i], vocabulary)))
        i += 1
    return out


def _join(first, second, vocabulary):
    for candidate in compounds.join_candidates(first, second):
        if vocabulary.frequency(candidate) or compounds.known(candidate):
            return candidate
    return None


def _word_alternatives(word, vocabulary):
    # A compound that titles something ("samenlevingsopbouw") needs no split; one that does not
    # ("thuiszorg") may be written apart there ("Zorg thuis").
    if vocabulary.names_something(word):
        return ()
    parts = compounds.split(word)
    if len(parts) >= 2 and all(_key([p]) for p in parts):
        return (Alternative("split", tuple(parts), SPLIT_WEIGHT),)
    return ()


_synonym_cache = (None, {})


def _synonym_index(vocabulary):
    """analysed term -> [Alternative] for every term of every synonym group (built once per list)."""
    global _synonym_cache
    groups = vocabulary.synonyms()
    if _synonym_cache[0] is groups:
        return _synonym_cache[1]
    index = {}
    for terms, lemma_id in groups:
        keyed = [(t, _key(WORD_RE.findall(t.lower()))) for t in terms]
        for term, key in keyed:
            if not key:
                continue
            alts = index.setdefault(key, [])
            for other, other_key in keyed:
                if other_key != key and other_key:
                    alt = Alternative("synonym", tuple(w.lower() for w in WORD_RE.findall(other)), SYNONYM_WEIGHT)
                    if alt not in alts:
                        alts.append(alt)
            if lemma_id:
                alt = Alternative("lemma", (), 1.0, lemma_id)
                if alt not in alts:
                    alts.append(alt)
    _synonym_cache = (groups, index)
    return index


def max_edits(word):
    """Fuzzy matching by word length: short words must be exact, long ones may be two edits off."""
    n = len(word)
    return 0 if n <= 4 else 1 if n <= 7 else 2


RARE_FOR_FUZZY = 2  # words in more documents than this are not typos: no look-alikes for them


def with_fuzzy(plan, vocabulary, per_word=6):
    """The plan with index words close to each rare or unknown word as alternatives."""
    clauses = []
    changed = False
    for clause in plan.clauses:
        if clause.phrase or len(clause.words) != 1:
            clauses.append(clause)
            continue
        word = clause.words[0]
        dist = max_edits(word) if vocabulary.frequency(word) <= RARE_FOR_FUZZY else 0
        near = [w for w in vocabulary.near(word, dist) if w != word][:per_word] if dist else []
        if near:
            changed = True
            extra = tuple(Alternative("fuzzy", (w,), FUZZY_WEIGHT) for w in near)
            clauses.append(replace(clause, alternatives=clause.alternatives + extra))
        else:
            clauses.append(clause)
    return replace(plan, clauses=tuple(clauses), fuzzy=True) if changed else None
