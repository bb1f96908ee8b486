"""The Dutch analysis under the search: stems, stemmer exceptions, compounds, readable text."""
import pytest

from lexicon.importer.wordlist import available
from lexicon.search import compounds
from lexicon.search.analysis import dutch_stem, index_terms, query_terms
from lexicon.search.text import readable_text
from lexicon.search.understanding import Vocabulary, max_edits, parse


@pytest.mark.parametrize("a, b", [
    ("sociaal", "sociale"), ("probleem", "problemen"), ("initiatief", "initiatieven"), ("relatie", "relaties"),
    ("gemeenschap", "gemeenschappen"), ("mens", "mensen"), ("kind", "kinderen"), ("huis", "huizen"),
    ("oudere", "ouderen"), ("ouder", "ouders"), ("buurt", "buurten"), ("eenzaam", "eenzaamheid"),
])
def test_forms_that_meet_in_one_stem(a, b):
    assert dutch_stem(a) == dutch_stem(b)


@pytest.mark.parametrize("a, b", [("ouderen", "ouders"), ("oudere", "ouder"), ("mens", "men"), ("buurt", "buren")])
def test_stemmer_exceptions_keep_apart_what_readers_keep_apart(a, b):
    assert dutch_stem(a) != dutch_stem(b)


def test_accents_fold_after_stemming_and_een_with_accents_is_no_stop_word():
    assert query_terms("cliënten") == query_terms("clienten")
    assert query_terms("één") and not query_terms("een")


@pytest.fixture
def texts_vocabulary(monkeypatch):
    monkeypatch.setattr(compounds, "_corpus", {"buurt", "team", "thuis", "zorg", "medewerkers", "samenleving",
                                                "opbouw", "leden", "bestuur", "jong"})
    compounds._segments.cache_clear()
    compounds.pieces.cache_clear()
    yield
    compounds.reset()


@pytest.mark.skipif(not available(), reason="needs the Dutch word list (apt-get install wdutch)")
def test_compounds_split_into_their_parts(texts_vocabulary):
    assert compounds.split("thuiszorg") == ("thuis", "zorg")
    assert compounds.split("samenlevingsopbouw") == ("samenleving", "opbouw")  # linking s
    assert compounds.split("bestuursleden") == ("bestuur", "leden")  # a linker wins a tie
    assert set(compounds.pieces("buurtteammedewerkers")) >= {"buurtteam", "medewerkers", "buurt", "team"}
    for word in ("onderzoek", "overheid", "eenzaamheid", "situaties", "jongeren"):
        assert compounds.split(word) == (), word
    # Parts are indexed at the compound's position; a query asks for the word as typed.
    assert "team" in index_terms("buurtteammedewerkers") and query_terms("buurtteammedewerkers") == ["buurtteammedewerker"]


def test_understanding_of_a_question_and_a_phrase():
    plan = parse('hoe kun je "sociale basis" versterken?', Vocabulary())
    assert [c.words for c in plan.clauses] == [("sociale", "basis"), ("versterken",)]
    assert plan.clauses[0].phrase and {"hoe", "kun", "je"} <= set(plan.dropped)
    assert plan.min_match == 2 and plan.with_mode("most").min_match == 1


def test_fuzzy_distance_grows_with_word_length():
    assert [max_edits(w) for w in ("wijk", "buurt", "presentie")] == [0, 1, 2]


def test_readable_text_leaves_out_placeholders_and_attribute_markup():
    text = readable_text("Tekst.\n\n*(De figuur is bij de digitalisering verloren gegaan.)*\n\n{: #noot-vii }\n\nMeer *nadruk*.")
    assert "digitalisering" not in text and "noot-vii" not in text and "{:" not in text
    assert "Tekst." in text and "nadruk" in text
