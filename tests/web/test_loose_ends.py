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


def _source(slug, chapters):
    from lexicon.content.models import Source, SourceSection

    source = Source.objects.create(title=f"Bron {slug}", slug=slug, authors="A. Auteur", year=2018)
    for order, (title, anchor, body) in enumerate(chapters, start=1):
        SourceSection.objects.create(source=source, order=order, title=title, anchor=anchor, body=body)
    return source


LONG = "Een lange zin over nabijheid en de verzorgingsstaat. " * 400  # ~21,000 characters


def test_a_long_source_is_a_contents_page_with_a_page_per_chapter(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    _source("lang", [
        ("1. Inleiding", "1-inleiding", LONG + "Zie de noot<sup>[i](#noot-i)</sup>."),
        ("2. Zorg en geld", "2-zorg-en-geld", LONG),
        ("Noten", "noten", "**i)** Een noot.\n{: #noot-i }"),
    ])
    contents = client.get("/bronnen/lang/")
    html = contents.content.decode()
    assert "3 hoofdstukken" in html and 'href="/bronnen/lang/2-zorg-en-geld/"' in html
    assert LONG[:200] not in html and len(contents.content) < 20_000
    assert '<li id="2-zorg-en-geld">' in html  # an old link /bronnen/lang/#2-zorg-en-geld still lands on it
    chapter = client.get("/bronnen/lang/1-inleiding/").content.decode()
    assert "Hoofdstuk 1 van 3" in chapter and 'rel="next" href="/bronnen/lang/2-zorg-en-geld/"' in chapter
    assert 'href="/bronnen/lang/noten/#noot-i"' in chapter  # the note lives on the Noten page
    assert 'rel="prev" href="/bronnen/lang/1-inleiding/"' in client.get("/bronnen/lang/2-zorg-en-geld/").content.decode()
    assert client.get("/bronnen/lang/bestaat-niet/").status_code == 404


def test_a_short_source_stays_one_page_and_its_chapter_urls_lead_there(client, settings):
    from lexicon.content.models import SourceSection

    settings.PAGE_CACHE_ENABLED = False
    _source("kort", [("Inleiding", "inleiding", "Korte tekst."), ("Slot", "slot", "Nog een alinea.")])
    html = client.get("/bronnen/kort/").content.decode()
    assert "Korte tekst." in html and "Nog een alinea." in html
    response = client.get("/bronnen/kort/slot/")
    assert response.status_code == 302 and response["Location"] == "/bronnen/kort/#slot"
    assert SourceSection.objects.get(anchor="slot").get_absolute_url() == "/bronnen/kort/#slot"


def test_search_results_link_a_chapter_of_a_long_source_to_its_page():
    from lexicon.content.models import SourceSection

    _source("lang", [("1. Inleiding", "1-inleiding", LONG), ("2. Slot", "2-slot", LONG)])
    assert SourceSection.objects.get(anchor="2-slot").get_absolute_url() == "/bronnen/lang/2-slot/"
