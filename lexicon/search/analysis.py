"""Dutch text analysis for the Whoosh index, shared by indexing, querying and highlighting.

Order matters: stop words are removed and words stemmed *before* accents are folded. Folding
first would turn "één" into the stop word "een" and lose it; stemming first also lets the
Dutch Snowball stemmer see the real spelling. Folding last makes "clienten" and "cliënten"
(stem "client") the same term.

The Snowball stem is then corrected where it fails Dutch readers (``dutch_stem``):

* a small list of exceptions: "ouderen" (the elderly) and "ouders" (parents) must not meet in
  one stem, "mens"/"mensen" must, as must "kind"/"kinderen" and "stad"/"steden";
* plural "-ies" ("relaties" -> relatie, as "relatie"), and the f/v, s/z alternation
  ("initiatief"/"initiatieven", "huis"/"huizen");
* a doubled vowel or consonant at the end of the stem is undoubled, so adjectives meet their
  inflected forms ("sociaal"/"sociale", "probleem"/"problemen", "gemeenschap"/"gemeenschappen").

At index time (never at query time) compounds also index their parts at the same position
(``lexicon.search.compounds``): "buurtteammedewerkers" is found by "buurtteam", "team" and
"medewerkers"; phrases still match word by word.
"""
import re
from functools import lru_cache

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from lexicon.search import compounds

# Words with inner hyphens/apostrophes are split ("sociaal-cultureel" -> two terms), as in the stock analyzer.
TOKEN_PATTERN = r"\w+(\.?\w+)*"

# Surface word -> stem, where Snowball conflates what readers keep apart or the reverse.
STEM_EXCEPTIONS = {
    "ouderen": "oudere", "oudere": "oudere",  # the elderly, not "ouders" (parents)
    "ouders": "ouder", "ouder": "ouder",
    "mens": "mens", "mensen": "mens",  # Snowball: "men" (the pronoun) and "mens"
    "kinderen": "kind", "kinderlijk": "kinderlijk",
    "steden": "stad",
    "media": "media",
}
_DOUBLE_VOWEL = re.compile(r"(?<=.{3})(aa|ee|oo|uu)([^aeiouy])$")
_DOUBLE_CONSONANT = re.compile(r"(?<=.{2})([bdfgklmnprst])\1$")
_snowball = stemmer_for_language("nl")


@lru_cache(maxsize=100_000)
def dutch_stem(word):
    """The index term of a lowercase word (before accent folding)."""
    if word in STEM_EXCEPTIONS:
        return STEM_EXCEPTIONS[word]
    stem = _snowball(word)
    if stem.endswith("ies") and len(stem) > 5:
        stem = stem[:-1]
    stem = _DOUBLE_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem)
    stem = _DOUBLE_CONSONANT.sub(r"\1", stem)
    if stem.endswith("v") and len(stem) > 3:
        stem = stem[:-1] + "f"
    elif stem.endswith("z") and len(stem) > 3:
        stem = stem[:-1] + "s"
    return stem


class DutchStemFilter(Filter):
    """Snowball Dutch plus the corrections above. Stateless, so it pickles into the index TOC."""

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = dutch_stem(t.text)
            yield t


class DecompoundFilter(Filter):
    """After each compound, its parts at the same position and character span; only when
    indexing (tokens of mode "index"), so a query for "buurtteam" asks for that word alone."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            word = t.text  # later filters stem t.text in place once it is yielded
            yield t
            if t.mode != "index" or t.stopped or len(word) < compounds.MIN_WORD:
                continue
            for part in compounds.pieces(word):
                t.text = part
                yield t


@lru_cache(maxsize=None)
def dutch_analyzer():
    """Tokenize, lowercase, drop Dutch stop words, (index: add compound parts), stem, fold accents."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(lang="nl")
        | DecompoundFilter()
        | DutchStemFilter()
        | CharsetFilter(accent_map)
    )


@lru_cache(maxsize=None)
def spelling_analyzer():
    """Unstemmed, unfolded lowercase words: the vocabulary "Bedoelde u ...?" picks real words from."""
    return RegexTokenizer(r"[^\W\d_]{3,}") | LowercaseFilter() | StopFilter(lang="nl")


def query_terms(text):
    """The analysed terms of a piece of text as a query sees them (no compound parts)."""
    return [token.text for token in dutch_analyzer()(text, mode="query")]


def index_terms(text):
    """The analysed terms the index stores for a piece of text (with compound parts)."""
    return [token.text for token in dutch_analyzer()(text, mode="index")]
