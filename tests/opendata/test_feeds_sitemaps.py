"""sitemap.xml and the Atom feed list what the public may see, with dates."""
import xml.etree.ElementTree as ET

import pytest

from lexicon.content.models import Lemma
from lexicon.content.models.versions import ensure_first_versions, freeze
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def lexicon():
    make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    hidden = make_author("Verborgen Auteur", slug="verborgen")
    make_lemma("Sociale basis", slug="sociale-basis", authors=[author], lead="Een beleidsconcept.")
    make_lemma("Vertrouwen", slug="vertrouwen")
    make_lemma("Geheim", slug="geheim", status=Lemma.Status.DRAFT, authors=[hidden])


def test_sitemap_lists_public_pages_with_lastmod(client, lexicon):
    ensure_first_versions()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in root.iter(f"{SM}url")}
    assert urls["http://testserver/lemma/sociale-basis/"]  # lastmod present
    assert "http://testserver/clusters/sociaal/" in urls
    assert "http://testserver/auteurs/jos-van-der-lans/" in urls
    assert "http://testserver/over/colofon/" in urls
    assert "http://testserver/" in urls
    assert not any("geheim" in u or "verborgen" in u for u in urls)
    assert "http://testserver/lemma/sociale-basis/versies/1/" in urls
    # every listed page really exists
    for loc in urls:
        assert client.get(loc.replace("http://testserver", "")).status_code == 200, loc


def test_atom_feed_has_published_lemmas_newest_change_first(client, lexicon):
    # A new published version is a change a reader sees; a mere save of the row is not.
    ensure_first_versions()
    Lemma.objects.get(slug="vertrouwen").save()
    lemma = Lemma.objects.get(slug="sociale-basis")
    lemma.body += "\n\nEen nieuwe alinea."
    lemma.save()
    freeze(lemma, "Alinea over de Wmo toegevoegd.")
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Sociale basis", "Vertrouwen"]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://testserver/lemma/sociale-basis/"
    assert first.findtext(f"{ATOM}updated") and first.findtext(f"{ATOM}published")
    assert first.findtext(f"{ATOM}summary") == "Versie 2: Alinea over de Wmo toegevoegd.\n\nEen beleidsconcept."
    assert first.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Jos van der Lans"


def test_pages_advertise_the_feed(client, lexicon):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="/feed/"' in html
