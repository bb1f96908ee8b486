"""The API serves what the page serves: no [[links]] to unpublished lemmas in body_markdown."""
import pytest

from lexicon.content.models import Lemma
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


def test_body_markdown_resolves_links_like_the_page(client):
    make_lemma("Vertrouwen", slug="vertrouwen")
    make_lemma("Geheim plan", slug="geheim-plan", status=Lemma.Status.DRAFT)
    make_lemma("Buurt", slug="buurt", body="Zie [[vertrouwen]] en [[geheim-plan|het plan]].\n\n## Meer\n\nTekst.")
    data = client.get("/api/lemmas/buurt/").json()
    markdown = data["body_markdown"]
    assert "[[" not in markdown and "geheim-plan" not in markdown
    assert "[vertrouwen](/lemma/vertrouwen/)" in markdown and "het plan" in markdown
    assert "geheim-plan" not in data["body_html"]
    assert "geheim-plan" not in client.get("/lemma/buurt/").content.decode()
