"""End to end in headless Chromium: an editor writes a lemma with a [[link]], previews it and
submits it for review; the editor-in-chief publishes it; a reader finds it with the search."""

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = [
    *needs_chromium,
    # live_server needs committed data; make_user recreates the editor groups after a flush.
    pytest.mark.django_db(transaction=True),
]
PASSWORD = "een-lang-testwachtwoord-42"


@pytest.fixture
def newsroom(settings):
    from tests.helpers.editorial import make_user
    from tests.helpers.factories import make_clusters, make_lemma

    settings.PAGE_CACHE_ENABLED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
    make_clusters()
    make_lemma("Sociale basis", slug="sociale-basis", order=1)
    make_user("redacteur1", "redacteur", password=PASSWORD)
    make_user("hoofd1", "hoofdredacteur", password=PASSWORD)


def log_in(browser, base, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(base + "/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("[type=submit]")
    page.wait_for_url(base + "/beheer/")
    return page


def test_write_preview_submit_publish_and_find(live_server, newsroom, browser):
    from lexicon.content.models import Lemma

    base = live_server.url
    # The editor writes the lemma.
    page = log_in(browser, base, "redacteur1")
    page.goto(base + "/beheer/lexicon/lemma/add/")
    page.locator("#id_title").press_sequentially("Buurtkracht")
    assert page.input_value("#id_slug") == "buurtkracht"  # filled in from the title
    page.click("#id_cluster + .select2 .select2-selection")  # cluster picker with search
    page.fill(".select2-search__field", "sociale")
    page.click(".select2-results__option:has-text('Sociale nabijheid')")
    page.fill("#id_order", "34")
    page.fill("#id_body", "Buurtkracht bouwt voort op [[Sociale basis]].\n\n## Wat is buurtkracht?\n\nKracht in de buurt.")
    # Live preview, rendered by the server like the public page.
    preview = page.locator(".md-preview-body")
    preview.locator("a[href='/lemma/sociale-basis/']").wait_for()
    assert preview.locator("h2#wat-is-buurtkracht").inner_text() == "Wat is buurtkracht?"
    assert page.locator("#id_status option[value='gepubliceerd']").count() == 0
    page.select_option("#id_status", "review")
    page.click("input[name=_save]")
    page.locator(".messagelist .success").wait_for()
    lemma = Lemma.objects.get(slug="buurtkracht")
    assert lemma.status == Lemma.Status.REVIEW

    # The editor-in-chief publishes it with the bulk action.
    chief = log_in(browser, base, "hoofd1")
    chief.goto(base + "/beheer/lexicon/lemma/?status__exact=review")
    chief.check(f"input.action-select[value='{lemma.pk}']")
    chief.select_option("select[name=action]", "publish")
    chief.click("button[name=index]")
    # Second step: the public change note that goes with the new citable version.
    chief.fill("textarea[name=change_note]", "Nieuw lemma over buurtkracht.")
    chief.click("input[type=submit][value='Publiceren']")
    chief.locator(".messagelist .success").wait_for()
    lemma.refresh_from_db()
    assert lemma.status == Lemma.Status.PUBLISHED
    assert list(lemma.versions.values_list("number", "note")) == [(1, "Nieuw lemma over buurtkracht.")]

    # A reader finds it, and the link works.
    reader = browser.new_context().new_page()
    reader.goto(base + "/zoeken/?q=buurtkracht")
    reader.locator("main a[href='/lemma/buurtkracht/']").first.wait_for()
    reader.goto(base + "/lemma/buurtkracht/")
    assert reader.locator("h1").inner_text() == "Buurtkracht"
    reader.click(".lemma-body a[href='/lemma/sociale-basis/']")
    reader.wait_for_url(base + "/lemma/sociale-basis/")
    assert "Buurtkracht" in reader.locator("main").inner_text()  # "Genoemd in"


def test_editor_pages_have_no_serious_accessibility_violations(live_server, newsroom, browser):
    from lexicon.content.models import Lemma
    from lexicon.editorial.suggestions.models import Suggestion

    Suggestion.objects.create(lemma=Lemma.objects.get(slug="sociale-basis"), text="Meer over buurthuizen.")
    page = log_in(browser, live_server.url, "hoofd1")
    lemma = Lemma.objects.get(slug="sociale-basis")
    for path in [f"/beheer/lexicon/lemma/{lemma.pk}/change/", "/beheer/lexicon/lemma/add/", "/suggestie/",
                 "/lemma/sociale-basis/suggestie/"]:
        page.goto(live_server.url + path)
        assert blocking_violations(page) == [], path
