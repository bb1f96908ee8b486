"""The same search on the same index is answered from memory (lexicon.search.queries.results_memo),
and never outlives a change: an index write or a synonym edit shows in the next answer."""
from unittest import mock

import pytest
from haystack import connections

from lexicon.search import queries
from lexicon.search.models import Synonym
from tests.helpers.factories import make_lemma
from tests.search.test_search_understanding import api, book, titles  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_a_repeated_search_does_not_ask_the_engine_again(client, book):
    first = api(client, q="eenzaamheid")
    backend = connections["default"].get_backend()
    with mock.patch.object(type(backend), "search", side_effect=AssertionError("engine asked again")):
        again = api(client, q="eenzaamheid")
    assert again == first and titles(again)[0] == "Eenzaamheid"


def test_a_lemma_published_after_the_first_search_is_found_by_the_next(client, book,
                                                                      django_capture_on_commit_callbacks):
    assert "Ontmoetingsplekken" not in titles(api(client, q="eenzaamheid"))
    with django_capture_on_commit_callbacks(execute=True):
        make_lemma("Ontmoetingsplekken", body="Plekken tegen eenzaamheid in de buurt.")
    assert "Ontmoetingsplekken" in titles(api(client, q="eenzaamheid"))


def test_a_write_to_the_index_alone_changes_the_next_answer(client, book):
    """No database change at all (a drain, a rebuild by another process): the index's generation."""
    assert "Eenzaamheid" in titles(api(client, q="eenzaamheid"))
    connections["default"].get_backend().remove(book["eenzaamheid"])
    assert "Eenzaamheid" not in titles(api(client, q="eenzaamheid"))


def test_a_synonym_edit_changes_the_next_answer(client, book):
    assert api(client, q="zorgrelatie")["total"] == 0
    Synonym.objects.create(terms="zorgrelatie", lemma=book["wederkerigheid"])
    assert titles(api(client, q="zorgrelatie")) == ["Wederkerigheid"]


def test_pages_and_filters_are_answers_of_their_own(client, book):
    everything = api(client, q="eenzaamheid")
    lemmas_only = api(client, q="eenzaamheid", soort="lemma")
    assert all(r["kind"] == "lemma" for r in lemmas_only["results"])
    assert everything["total"] >= lemmas_only["total"]


def test_the_memo_is_bounded(client, book):
    queries.results_memo.clear()
    for n in range(queries.ResultsMemo.ENTRIES + 20):
        queries.search(f"eenzaamheid{n}")
    assert len(queries.results_memo.entries) == queries.ResultsMemo.ENTRIES


def test_the_stored_results_page_follows_the_index(client, book, settings):
    """The results part of /zoeken/ is a stored fragment: keyed by the index generation too."""
    settings.PAGE_CACHE_ENABLED = False
    assert "/lemma/eenzaamheid/" in client.get("/zoeken/", {"q": "eenzaamheid"}).content.decode()
    connections["default"].get_backend().remove(book["eenzaamheid"])
    assert "/lemma/eenzaamheid/" not in client.get("/zoeken/", {"q": "eenzaamheid"}).content.decode()
