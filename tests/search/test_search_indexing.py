"""The one-pass index formats write exactly the postings Whoosh's analyzers would, so queries,
phrases, highlighting and compound parts find the same documents in an index built fast."""
import json
from pathlib import Path

import pytest
from whoosh.fields import TEXT
from whoosh.formats import Characters, Frequency, Positions

from lexicon.search import compounds
from lexicon.search.analysis import dutch_analyzer, spelling_analyzer
from lexicon.search.indexing import FastCharacters, FastFrequency, FastPositions, speed_up
from lexicon.search.text import readable_text

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"
TRICKY = [
    "", "   ", "één en de het", "De buurtteammedewerkers en samenlevingsopbouwwerkers in de wijk.",
    "Cliënten, clienten; CLIËNTEN! e-mail sociaal-cultureel 3.5 v.d. x y zz", "a " * 50 + "nabijheid",
    "Ouderen en ouders, mensen en kinderen in steden: relaties, initiatieven, huizen.",
]


def lexicon_texts():
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [readable_text(r["fields"]["body"]) for r in records if r["model"] == "lexicon.lemma"][:12]


def slow_and_fast(slow_format, fast_format, analyzer, text):
    slow = list(slow_format().word_values(text, analyzer, mode="index"))
    fast = list(fast_format().word_values(text, analyzer, mode="index"))
    return sorted(slow), sorted(fast)


@pytest.mark.django_db
@pytest.mark.parametrize("slow_format,fast_format", [(Characters, FastCharacters), (Positions, FastPositions)])
def test_dutch_postings_equal_the_analyzers(slow_format, fast_format):
    compounds.reset()
    for text in TRICKY + lexicon_texts():
        slow, fast = slow_and_fast(slow_format, fast_format, dutch_analyzer(), text)
        assert fast == slow


@pytest.mark.django_db
def test_compound_parts_are_indexed_by_the_fast_path():
    compounds.reset()
    terms = [t for t, *_ in FastCharacters().word_values("buurtteammedewerkers", dutch_analyzer(), mode="index")]
    assert len(terms) > 1  # the word and its parts
    compounds.learn("wijkverpleegkundige wijk verpleegkundige")  # a new word changes the splits
    slow, fast = slow_and_fast(Characters, FastCharacters, dutch_analyzer(), "de wijkverpleegkundige komt")
    assert fast == slow


def test_spelling_counts_equal_the_analyzer():
    for text in TRICKY + ["Nabijheid nabijheid NABIJHEID en de buurt, buurten; 12 abc ab"]:
        slow, fast = slow_and_fast(Frequency, FastFrequency, spelling_analyzer(), text)
        assert fast == slow


def test_other_calls_go_through_whoosh():
    field = speed_up(TEXT(analyzer=dutch_analyzer(), stored=True, chars=True))
    assert type(field.format) is FastCharacters
    # Query mode (no compound parts) is Whoosh's own path.
    query = [t for t, *_ in field.format.word_values("buurtteammedewerkers", dutch_analyzer(), mode="query")]
    assert query == [t.text for t in dutch_analyzer()("buurtteammedewerkers", mode="query")]
