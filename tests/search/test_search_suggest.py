"""Autocomplete: /api/suggest and the keyboard-accessible combobox (progressive enhancement)."""

import pytest

from lexicon.content.models import Lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma


def _data():
    sociaal, geo, *_ = make_clusters()
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    make_lemma("Cliëntenparticipatie", slug="clientenparticipatie", cluster=sociaal, authors=[lans],
               alternative_terms="inspraak, medezeggenschap")
    make_lemma("Buurt", slug="buurt", cluster=geo, alternative_terms="wijk, buurtschap")
    make_lemma("Buurtteams", slug="buurtteams", cluster=geo)
    make_lemma("Buurtgeheim", slug="buurtgeheim", cluster=geo, status=Lemma.Status.DRAFT)


def labels(client, q):
    response = client.get("/api/suggest", {"q": q})
    assert response.status_code == 200
    return [s["label"] for s in response.json()["suggestions"]]


@pytest.mark.django_db
def test_suggests_titles_terms_and_authors_with_accents_folded(client):
    _data()
    assert labels(client, "clien") == ["Cliëntenparticipatie"]
    assert labels(client, "buurt")[:2] == ["Buurt", "Buurtteams"]  # titles before alternative terms
    assert "buurtschap" in labels(client, "buurt")
    assert "Buurtgeheim" not in labels(client, "buurt")  # drafts stay hidden
    assert labels(client, "lans") == ["Jos van der Lans"]
    data = client.get("/api/suggest", {"q": "medezeg"}).json()["suggestions"][0]
    assert data["url"] == "/lemma/clientenparticipatie/" and data["lemma"] == "Cliëntenparticipatie"


@pytest.mark.django_db
def test_suggest_bad_input(client):
    _data()
    assert labels(client, "") == [] and labels(client, "b") == []
    assert labels(client, '"*(') == []
    assert client.get("/api/suggest", {"q": "x" * 10000}).status_code == 400


@pytest.mark.django_db
def test_every_page_loads_the_script_and_works_without_it(client):
    _data()
    html = client.get("/a-z/").content.decode()
    assert 'data-suggest-url="/api/suggest"' in html and "js/suggest.js" in html and "defer" in html
    # Without JavaScript the header form is a plain GET form to /zoeken/.
    assert 'action="/zoeken/"' in html and 'name="q"' in html


@pytest.mark.browser
def test_keyboard_only_autocomplete(live_server, transactional_db, settings, browser):
    settings.PAGE_CACHE_ENABLED = False
    _data()
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(live_server.url + "/a-z/")
        box = page.locator("#site-search")
        assert box.get_attribute("role") == "combobox"
        box.focus()
        page.keyboard.type("buurt")
        page.wait_for_selector("[role=listbox] [role=option]")
        assert box.get_attribute("aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
        assert "Buurtteams" in page.locator(f"#{active}").inner_text()
        page.keyboard.press("Escape")
        assert box.get_attribute("aria-expanded") == "false"
        page.keyboard.press("ArrowDown")  # reopens
        page.wait_for_selector("[role=listbox] [role=option]")
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/lemma/buurt/")
        # Enter without choosing a suggestion submits the ordinary search.
        box = page.locator("#site-search")
        box.fill("wijk")
        with page.expect_navigation():
            box.press("Enter")
        assert "/zoeken/?q=wijk" in page.url
    finally:
        page.close()
