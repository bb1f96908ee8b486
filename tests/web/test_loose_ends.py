"""Loose ends a reader meets: a mistyped lemma URL, an author's role, a source paged by chapter."""
import pytest

from lexicon.content.models import Lemma
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db


def test_mistyped_lemma_url_suggests_the_nearest_titles(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    make_lemma("Sociale technologie", slug="sociale-technologie")
    make_lemma("Sociale basis", slug="sociale-basis")
    make_lemma("Verborgen concept", slug="sociale-technologiek", status=Lemma.Status.DRAFT)
    response = client.get("/lemma/sociale-tehcnologie/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Bedoelde u" in html and '<a href="/lemma/sociale-technologie/">Sociale technologie</a>' in html
    assert "Verborgen concept" not in html  # never a draft
    assert "matches the given query" not in html
    assert "Bedoelde u" not in client.get("/lemma/zzzqqq/").content.decode()



def test_author_page_says_author_and_editor_with_affiliation_and_bio(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    editor = make_author("Jesper Rözer", slug="jesper-rozer", is_editor=True, affiliation="Universiteit Utrecht",
                         bio="Onderzoekt sociale netwerken.")
    writer = make_author("Beate Völker", slug="beate-volker")
    make_lemma("Sociale afstand", slug="sociale-afstand", authors=[editor, writer])
    make_lemma("Sociale netwerken", slug="sociale-netwerken", authors=[editor])
    html = client.get("/auteurs/jesper-rozer/").content.decode()
    assert "Auteur van 2 lemma’s en lid van de redactie van het lexicon." in html
    assert "Universiteit Utrecht" in html and "Onderzoekt sociale netwerken." in html
    other = client.get("/auteurs/beate-volker/").content.decode()
    assert "Auteur van één lemma in het lexicon." in other and "redactie van het lexicon" not in other
