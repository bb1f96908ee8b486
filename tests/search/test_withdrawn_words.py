"""Words of withdrawn text are never offered: not as "Bedoelde u ...?", not in the autocomplete,
also right after the unpublish (Whoosh keeps a deleted document's words until a merge)."""
import pytest

from lexicon.content.models import Lemma
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_lemma("Buurtteams", slug="buurtteams", body="Het buurtteam werkt in de wijk.")
        secret = make_lemma("Straatwerk", slug="straatwerk",
                            body="Jansenius Pieterszoon werkt als straatwerker op het Zonnebloemplein.")
    return secret


def suggestion(client, q):
    return client.get("/api/zoeken", {"q": q, "precies": "1"}).json()["suggestion"]


def word_suggestions(client, q):
    return [s["label"] for s in client.get("/api/suggest", {"q": q}).json()["suggestions"] if s["kind"] == "word"]


def test_an_unpublished_lemmas_words_are_no_longer_suggested(client, lexicon, django_capture_on_commit_callbacks):
    assert suggestion(client, "zonnebloemplijn") == "zonnebloemplein"
    assert "zonnebloemplein" in word_suggestions(client, "zonneb")
    with django_capture_on_commit_callbacks(execute=True):
        lexicon.status = Lemma.Status.DRAFT
        lexicon.save()
    assert suggestion(client, "zonnebloemplijn") is None
    assert word_suggestions(client, "zonneb") == []
    assert suggestion(client, "buurtteem") == "buurtteam"  # live words still are


def test_a_name_removed_from_a_text_is_no_longer_suggested(client, lexicon, django_capture_on_commit_callbacks):
    assert suggestion(client, "jansenijs") == "jansenius"
    with django_capture_on_commit_callbacks(execute=True):
        lexicon.body = "Een straatwerker werkt op het Zonnebloemplein."
        lexicon.save()
    assert suggestion(client, "jansenijs") is None
    assert word_suggestions(client, "janse") == []
