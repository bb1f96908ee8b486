"""The installable web app's server side: manifest, service worker at the root, the offline index."""
import json

import pytest
from django.contrib.staticfiles import finders

from lexicon.search import analysis


def test_the_manifest_makes_the_site_installable(client, small_lexicon):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200 and response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "nl" and manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest_and_hides_the_save_button_without_javascript(client, small_lexicon):
    page = client.get("/lemma/sociale-basis/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'id="offline-save" hidden' in page
    assert "Bewaar voor offline gebruik" in page


def test_the_service_worker_is_served_at_the_root_and_never_cached_stale(client, small_lexicon):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b"addEventListener(\"fetch\"" in response.content


@pytest.fixture
def offline_index(client, small_lexicon):
    response = client.get("/offline/index.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_index_holds_every_published_lemma_and_no_draft(offline_index):
    titles = [lemma["title"] for lemma in offline_index["lemmas"]]
    assert titles == ["Sociale basis", "Buurtteams", "Presentie"]
    assert all("kwartiermaken" not in json.dumps(lemma) for lemma in offline_index["lemmas"])


def test_index_terms_are_the_servers_stems_weighted_by_where_they_stand(offline_index):
    basis = next(lemma for lemma in offline_index["lemmas"] if lemma["title"] == "Sociale basis")
    # "buurthuizen" in the body: stemmed as the search index stems it, with its compound parts.
    for term in analysis.index_terms("buurthuizen keukentafelgesprekken"):
        assert term in basis["terms"]
    title_term = analysis.query_terms("basis")[0]
    body_term = analysis.query_terms("vertrouwen")[0]
    assert basis["terms"][title_term] > basis["terms"][body_term]  # the title weighs more


def test_the_bundle_lists_lemma_and_over_pages_and_the_sites_own_files(offline_index):
    bundle = offline_index["bundle"]
    for url in ["/", "/offline/", "/lemma/sociale-basis/", "/lemma/buurtteams/", "/over/voorwoord/",
                "/over/inleiding/", "/over/colofon/", "/manifest.webmanifest"]:
        assert url in bundle
    assert "/lemma/geheim-concept/" not in bundle
    assert any(url.endswith("site.css") for url in bundle) and any(url.endswith("offline-search.js") for url in bundle)
    assert not any("lemma_editor" in url for url in bundle)


def test_every_bundled_url_answers(client, offline_index):
    for url in offline_index["bundle"]:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
        else:
            assert client.get(url).status_code == 200, url


def test_the_version_changes_when_something_is_published(client, small_lexicon):
    before = client.get("/offline/versie.json").json()["generation"]
    lemma = small_lexicon["geheim"]
    lemma.status = lemma.Status.PUBLISHED
    lemma.save()
    after = client.get("/offline/versie.json").json()["generation"]
    assert before != after
    index = client.get("/offline/index.json").json()
    assert index["generation"] == after and "Geheim concept" in [lemma["title"] for lemma in index["lemmas"]]


def test_the_offline_search_page_sends_a_query_without_javascript_to_the_site_search(client, small_lexicon):
    page = client.get("/offline/")
    assert page.status_code == 200 and "Zoeken zonder verbinding" in page.content.decode()
    response = client.get("/offline/", {"q": "buurt"})
    assert response.status_code == 302 and response["Location"] == "/zoeken/?q=buurt"
