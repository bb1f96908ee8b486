"""Dutch text analysis for the Whoosh index, shared by indexing, querying and highlighting.

Order matters: stop words are removed and words stemmed *before* accents are folded. Folding
first would turn "één" into the stop word "een" and lose it; stemming first also lets the
Dutch Snowball stemmer see the real spelling. Folding last makes "clienten" and "cliënten"
(stem "client") the same term.
"""
from functools import lru_cache

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

# Words with inner hyphens/apostrophes are split ("sociaal-cultureel" -> two terms), as in the stock analyzer.
TOKEN_PATTERN = r"\w+(\.?\w+)*"


@lru_cache(maxsize=None)
def dutch_analyzer():
    """Tokenize, lowercase, drop Dutch stop words, Dutch Snowball stem, then fold accents."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(lang="nl")
        | StemFilter(lang="nl", cachesize=50000)
        | CharsetFilter(accent_map)
    )


@lru_cache(maxsize=None)
def spelling_analyzer():
    """Unstemmed, unfolded lowercase words: the vocabulary "Bedoelde u ...?" picks real words from."""
    return RegexTokenizer(r"[^\W\d_]{3,}") | LowercaseFilter() | StopFilter(lang="nl")


def query_terms(text):
    """The analysed terms of a piece of text (what the index would store)."""
    return [token.text for token in dutch_analyzer()(text)]
