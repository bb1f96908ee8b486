"""A reader on a phone saves the lexicon, loses the connection, and still reads and searches it
(headless Chromium; the service worker, the Cache API and the device analyser run for real)."""
import pytest

from tests.helpers.browser import needs_chromium

pytestmark = needs_chromium
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def lexicon(transactional_db, settings):
    from tests.exports.conftest import BODY_A, BODY_B
    from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

    settings.PAGE_CACHE_ENABLED = False
    sociaal, geo, *_ = make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[author], order=1, body=BODY_A,
               lead="De sociale basis is het fundament.")
    make_lemma("Buurtteams", slug="buurtteams", cluster=geo, order=2, body=BODY_B, lead="Buurtteams in de wijk.")
    make_lemma("Presentie", slug="presentie", cluster=sociaal, order=3, body="Presentie is er zijn voor de ander.")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    yield context
    context.close()


def _save(page, base):
    page.goto(base + "/lemma/presentie/")
    button = page.get_by_role("button", name="Bewaar voor offline gebruik")
    button.wait_for(state="visible", timeout=15000)
    page.evaluate("navigator.serviceWorker.ready")
    button.click()
    status = page.locator(".offline-status")
    status.filter(has_text="Opgeslagen op").wait_for(timeout=60000)
    return status.inner_text()


def test_save_go_offline_then_read_and_search(live_server, lexicon, phone):
    page = phone.new_page()
    stored = _save(page, live_server.url)
    from lexicon.exports import generation

    assert f"versie {generation.current().key}" in stored
    phone.set_offline(True)
    page.goto(live_server.url + "/lemma/buurtteams/")
    assert page.locator("h1").inner_text() == "Buurtteams"
    assert "Buurtteams werken wijkgericht" in page.content()
    page.goto(live_server.url + "/over/inleiding/")
    assert "Nabijheid is een kernbegrip" in page.content()
    # The header's search form goes to /zoeken/, which the worker answers with the offline search.
    page.goto(live_server.url + "/lemma/sociale-basis/")
    page.fill("#site-search", "buurthuis")
    page.press("#site-search", "Enter")
    results = page.locator(".offline-results li")
    results.first.wait_for(timeout=15000)
    assert results.first.locator("a").inner_text() == "Sociale basis"
    # A word the lexicon has only inflected ("wijkgerichte") is found through the same stemming.
    page.fill("#offline-q", "wijkgerichte teams")
    page.press("#offline-q", "Enter")
    page.locator(".offline-results-status", has_text="voor ‘wijkgerichte teams’").wait_for(timeout=15000)
    assert page.locator(".offline-results li a").first.inner_text() == "Buurtteams"
    page.locator(".offline-results li a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Buurtteams"


def test_the_stored_version_is_shown_and_updated_when_online_again(live_server, lexicon, phone):
    from lexicon.content.models import Lemma
    from lexicon.exports import generation

    page = phone.new_page()
    _save(page, live_server.url)
    old = generation.current().key
    phone.set_offline(True)
    lemma = Lemma.objects.get(slug="presentie")
    lemma.body += "\n\n## Nieuw\n\nEen nieuwe alinea over kwartiermaken."
    lemma.save()
    generation.forget()
    new = generation.current().key
    assert new != old
    page.goto(live_server.url + "/lemma/presentie/")
    page.locator(".offline-status", has_text=f"versie {old}").wait_for(timeout=15000)
    phone.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.locator(".offline-status", has_text=f"versie {new}").wait_for(timeout=60000)
    phone.set_offline(True)
    page.goto(live_server.url + "/offline/?q=kwartiermaken")
    page.locator(".offline-results li a", has_text="Presentie").wait_for(timeout=15000)


def test_without_javascript_the_site_works_and_no_button_shows(live_server, lexicon, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/lemma/sociale-basis/")
    assert page.locator("h1").inner_text() == "Sociale basis"
    assert not page.get_by_role("button", name="Bewaar voor offline gebruik").is_visible()
    page.goto(live_server.url + "/offline/?q=buurt")
    assert "/zoeken/" in page.url
    context.close()


def test_the_offline_search_page_has_no_serious_accessibility_violations(live_server, lexicon, browser):
    from tests.helpers.browser import blocking_violations

    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/offline/?js=1&q=buurt")
    page.locator(".offline-results li").first.wait_for(timeout=15000)
    assert blocking_violations(page) == []
    context.close()
