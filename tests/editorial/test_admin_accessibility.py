"""axe-core on the editors' admin pages, and the names a screen reader announces for the
inputs Django's stock admin leaves unlabelled (split date/time, tabular inline cells, search pickers).

axe-core comes from the PyPI package axe-playwright-python (axe.min.js); one browser per module.
"""

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = needs_chromium
PASSWORD = "een-lang-testwachtwoord-42"


@pytest.fixture
def newsroom(transactional_db, settings, django_user_model):
    """A lemma with two authors, two hand-made cross-references and two saved versions;
    reader suggestions in the moderation queue; a superuser to look at it all."""
    import reversion

    from lexicon.content.models import CrossReference

    from lexicon.editorial.suggestions.models import Suggestion
    from tests.helpers.factories import make_author, make_lemma, make_ref

    settings.PAGE_CACHE_ENABLED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, test only
    authors = [make_author("Jos van der Lans", slug="jos"), make_author("Marc Hoijtink", slug="marc")]
    with reversion.create_revision():
        lemma = make_lemma("Sociale basis", slug="sociale-basis", authors=authors)
    others = [make_lemma("Buurtteams", slug="buurtteams"), make_lemma("Presentie", slug="presentie")]
    for other in others:
        make_ref(lemma, other, kind=CrossReference.Kind.EDITOR)
    lemma.subtitle = "Over de basis van het sociaal werk"
    with reversion.create_revision():
        lemma.save()
    Suggestion.objects.create(lemma=lemma, text="Meer over buurthuizen.", name="Lezer", email="lezer@example.org")
    Suggestion.objects.create(proposed_title="Buurtkracht", text="Dit begrip ontbreekt nog in het lexicon.")
    django_user_model.objects.create_superuser("redacteur", "redactie@example.org", PASSWORD)
    return {"lemma": lemma, "author": authors[0]}


_violations = blocking_violations


def _logged_in_page(browser, base, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "/beheer/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.click("[type=submit]")
    page.wait_for_url(base + "/beheer/")
    return context, page


@pytest.fixture
def staff_page(browser, live_server):
    context, page = _logged_in_page(browser, live_server.url)
    yield page
    context.close()


def _open(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")  # the live preview and the pickers are set up by scripts


def test_editing_pages_have_no_serious_violations(live_server, newsroom, staff_page):
    from reversion.models import Version

    lemma, author = newsroom["lemma"], newsroom["author"]
    older, newer = sorted(Version.objects.get_for_object(lemma).values_list("pk", flat=True))
    paths = [
        f"/beheer/lexicon/lemma/{lemma.pk}/change/",
        "/beheer/lexicon/lemma/add/",  # empty search picker
        "/beheer/lexicon/suggestion/",
        f"/beheer/lexicon/suggestion/{lemma.suggestions.get().pk}/change/",
        f"/beheer/lexicon/author/{author.pk}/change/",
        f"/beheer/lexicon/lemma/{lemma.pk}/history/",
        f"/beheer/lexicon/lemma/{lemma.pk}/history/vergelijk/?van={older}&naar={newer}",
        f"/beheer/lexicon/lemma/{lemma.pk}/history/{older}/",  # the restore form
    ]
    found = {}
    for path in paths:
        _open(staff_page, live_server.url + path)
        found[path] = _violations(staff_page)
    assert found == {path: [] for path in paths}


def test_the_change_form_on_a_phone_has_no_serious_violations(live_server, newsroom, browser):
    context, page = _logged_in_page(browser, live_server.url, width=375)
    try:
        _open(page, live_server.url + f"/beheer/lexicon/lemma/{newsroom['lemma'].pk}/change/")
        assert _violations(page) == []
    finally:
        context.close()


def test_an_open_search_picker_has_no_serious_violations(live_server, newsroom, staff_page):
    _open(staff_page, live_server.url + "/beheer/lexicon/lemma/add/")
    staff_page.click("#id_cluster + .select2 .select2-selection")
    staff_page.locator(".select2-results__option--highlighted").wait_for()  # a highlighted option: its contrast
    search = staff_page.get_by_role("searchbox", name="Zoeken: Cluster")
    assert search.is_visible()
    assert _violations(staff_page) == []


def test_inputs_say_which_field_and_row_they_are(live_server, newsroom, staff_page):
    lemma = newsroom["lemma"]
    _open(staff_page, live_server.url + f"/beheer/lexicon/lemma/{lemma.pk}/change/")
    by_role = staff_page.get_by_role
    expected = [
        ("textbox", "Publicatiedatum: datum"), ("textbox", "Publicatiedatum: tijd"),
        ("spinbutton", "Positie van auteur 1"), ("spinbutton", "Positie van auteur 2"),
        ("checkbox", "Verwijderen: auteur 2"), ("combobox", "Soort van kruisverwijzing 2"),
        ("textbox", "Toelichting bij kruisverwijzing 1"), ("checkbox", "Verwijderen: kruisverwijzing 1"),
    ]
    assert [(role, name) for role, name in expected if by_role(role, name=name, exact=True).count() != 1] == []
    # Search pickers: the field's name, then the chosen value.
    assert by_role("combobox", name="Cluster").count() == 1
    assert by_role("combobox", name="Auteur 1 Jos van der Lans", exact=True).count() == 1
    assert by_role("combobox", name="Kruisverwijzing 2: naar lemma Presentie", exact=True).count() == 1
    # A row added in the browser is numbered too (Django's inlines.js renumbers only ids and names).
    staff_page.locator("#lemma_authors-group .add-row a").click()
    assert by_role("spinbutton", name="Positie van auteur 3", exact=True).count() == 1
    assert by_role("combobox", name="Auteur 3 Zoek een auteur", exact=True).count() == 1


def test_history_radios_say_which_version_they_pick(live_server, newsroom, staff_page):
    """Two saves within a minute show the same time, so the names also number the versions."""
    import re

    _open(staff_page, live_server.url + f"/beheer/lexicon/lemma/{newsroom['lemma'].pk}/history/")
    for field, direction in (("van", "Vergelijk van"), ("naar", "Vergelijk met")):
        names = [staff_page.locator(f"input[name={field}]").nth(i).get_attribute("aria-label") for i in range(2)]
        assert staff_page.locator(f"input[name={field}]").count() == 2
        assert [re.sub(r", \d.*", "", name) for name in names] == [f"{direction}: versie 2", f"{direction}: versie 1"]
        assert all(re.search(r", \d+ \w+ \d{4}", name) for name in names), names  # and the date


def test_the_axe_harness_reports_unlabelled_inputs(browser):
    """Guards the tests above against passing because axe did not run."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html lang="nl"><body><main><input type="text"><select></select></main></body></html>')
    found = _violations(page)
    context.close()
    assert any(v.startswith("label") for v in found) and any(v.startswith("select-name") for v in found)
