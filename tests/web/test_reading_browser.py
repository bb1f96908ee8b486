"""The lemma page as a reader uses it, in headless Chromium at 390x844 (a phone, touch) and
1280x900 (a desktop, mouse and keyboard): the first screen, the contents, the current section,
previews of links and notes, and the page without JavaScript."""
import re

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = needs_chromium
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LEAD = ("Als je aan mensen vraagt wat zij een goede hulpverlener vinden, dan zeggen ze dingen als: dat is iemand "
        "die jou kent, voor wie je geen nummer bent; die je geregeld ziet of tegenkomt; die je aan de mouw kunt "
        "trekken; die je kunt bellen en die dan ook opneemt. Voor zo'n hulpverlener is het belangrijk hoe het met "
        "je gaat, en hij of zij snapt dat het soms helemaal niet gaat. Daarmee zeggen ze eigenlijk: iemand die "
        "concreet tijd en aandacht voor je heeft, zich op je betrekt en zich jouw lot aantrekt.")
SECTION = "\n\n".join(["Een alinea over het werk in de wijk, met voorbeelden uit de praktijk van alledag. " * 6] * 4)


@pytest.fixture
def lexicon(transactional_db, settings):
    from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

    settings.PAGE_CACHE_ENABLED = False
    sociaal, geo, prof, _inst = make_clusters()
    make_pages()
    author = make_author("Elly Beurskens", slug="elly-beurskens")
    make_lemma("Presentie", slug="presentie", cluster=prof, authors=[author], order=1, lead=LEAD,
               alternative_terms="presentiebenadering",
               body=(f"## Presentie draait om relationeel werken\n\n{LEAD}\n\n{SECTION}\n\n"
                     f"## Waar komt het vandaan\n\nHet werk lijkt op [[Sociale basis]] in de wijk.[^1]\n\n{SECTION}\n\n"
                     f"## Tot slot\n\n{SECTION}\n\n[^1]: Zie <https://www.example.org/presentie/over-het-werk-in-de-wijk-en-meer>."))
    make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, order=2,
               lead="Sociale basis is een beleidsconcept uit 2017.", body="Sociale basis is een beleidsconcept uit 2017.")


def _open(browser, live_server, device, path="/lemma/presentie/", **options):
    context = browser.new_context(bypass_csp=True, **device, **options)
    page = context.new_page()
    page.goto(live_server.url + path)
    return context, page


def test_the_first_phone_screen_holds_the_start_of_the_text_and_folded_contents(live_server, lexicon, browser):
    context, page = _open(browser, live_server, PHONE)
    try:
        first = page.locator(".lemma-body > p").first
        box = first.bounding_box()
        assert first.inner_text().startswith("Als je aan mensen vraagt")
        assert box["y"] + box["height"] <= 844, box  # the whole first paragraph, above the fold
        assert page.locator("#inhoudsopgave").evaluate("d => d.open") is False
        assert page.locator("#lemma-title").bounding_box()["y"] < 200
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing sticks out sideways
    finally:
        context.close()


def test_contents_open_beside_the_text_on_a_desktop_and_mark_the_current_section(live_server, lexicon, browser):
    context, page = _open(browser, live_server, DESKTOP)
    try:
        toc = page.locator("#inhoudsopgave")
        assert toc.evaluate("d => d.open") is True
        assert toc.bounding_box()["x"] > page.locator(".lemma-body").bounding_box()["x"] + 400
        page.locator("#tot-slot").evaluate("h => h.scrollIntoView({block: 'start'})")
        page.wait_for_function("document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#tot-slot'")
        assert page.locator(".toc a[aria-current]").count() == 1
        assert toc.is_visible() and 0 <= toc.bounding_box()["y"] < 900  # sticky: still on screen
    finally:
        context.close()


def test_on_a_phone_the_inhoud_button_names_the_section_and_leads_back_to_the_contents(live_server, lexicon, browser):
    context, page = _open(browser, live_server, PHONE)
    try:
        button = page.locator(".toc-jump")
        assert not button.is_visible()  # the contents are on screen
        page.locator("#waar-komt-het-vandaan").evaluate("h => h.scrollIntoView({block: 'start'})")
        page.wait_for_function("document.querySelector('.toc-jump-current').textContent === 'Waar komt het vandaan'")
        assert button.is_visible()
        assert page.locator(".toc a[aria-current]").get_attribute("href") == "#waar-komt-het-vandaan"
        button.tap()
        page.wait_for_function("document.getElementById('inhoudsopgave').open")
        assert 0 <= page.locator("#inhoudsopgave").bounding_box()["y"] < 844
    finally:
        context.close()


def _preview(page):
    return page.locator("#lemma-preview")


def test_touch_first_tap_previews_a_lemma_link_second_tap_follows_it(live_server, lexicon, browser):
    context, page = _open(browser, live_server, PHONE)
    try:
        link = page.locator('.lemma-body > p a[href="/lemma/sociale-basis/"]')
        link.scroll_into_view_if_needed()
        link.tap()
        preview = _preview(page)
        preview.wait_for(state="visible")
        assert page.url.endswith("/lemma/presentie/")
        text = preview.inner_text()
        assert "Sociale basis" in text and "Sociale nabijheid" in text and "beleidsconcept uit 2017" in text
        assert link.get_attribute("aria-expanded") == "true"
        assert preview.get_attribute("role") == "tooltip" and link.get_attribute("aria-describedby") == "lemma-preview"
        assert preview.get_by_role("link", name="Lees het lemma").is_visible()
        assert blocking_violations(page) == []
        link.tap()
        page.wait_for_url("**/lemma/sociale-basis/")
    finally:
        context.close()


def test_touch_on_a_footnote_shows_the_note_where_it_is_cited(live_server, lexicon, browser):
    context, page = _open(browser, live_server, PHONE)
    try:
        ref = page.locator(".lemma-body a.footnote-ref").first
        ref.scroll_into_view_if_needed()
        before = page.evaluate("window.scrollY")
        ref.tap()
        preview = _preview(page)
        preview.wait_for(state="visible")
        assert page.evaluate("window.scrollY") == before  # the reader stays where she was
        assert "example.org/presentie/" in preview.inner_text() and "↩" not in preview.inner_text()
        preview.get_by_role("link", name="Alle noten").tap()
        page.wait_for_function("location.hash === '#noten'")
        assert page.locator("#noten").inner_text().startswith("Noten")
    finally:
        context.close()


def test_mouse_hover_previews_after_a_delay_and_leaving_closes_it(live_server, lexicon, browser):
    context, page = _open(browser, live_server, DESKTOP)
    try:
        link = page.locator('.lemma-body > p a[href="/lemma/sociale-basis/"]')
        link.scroll_into_view_if_needed()
        link.hover()
        assert not _preview(page).is_visible()  # not at once: a mouse passing by opens nothing
        _preview(page).wait_for(state="visible")
        assert "beleidsconcept uit 2017" in _preview(page).inner_text()
        page.mouse.move(5, 5)
        _preview(page).wait_for(state="hidden")
        link.click()  # a click with the mouse follows the link at once
        page.wait_for_url("**/lemma/sociale-basis/")
    finally:
        context.close()


def test_keyboard_focus_previews_and_escape_closes(live_server, lexicon, browser):
    context, page = _open(browser, live_server, DESKTOP)
    try:
        link = page.locator('.lemma-body > p a[href="/lemma/sociale-basis/"]')
        # Tab from the link before it in the text, as a keyboard user arrives.
        link.evaluate("a => { const b = document.createElement('a'); b.href = '#'; b.id = 'before'; b.textContent = 'x'; a.before(b); }")
        page.focus("#before")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "/lemma/sociale-basis/"
        _preview(page).wait_for(state="visible")
        assert link.get_attribute("aria-describedby") == "lemma-preview"
        page.keyboard.press("Escape")
        _preview(page).wait_for(state="hidden")
        assert link.get_attribute("aria-describedby") is None
        page.keyboard.press("Enter")
        page.wait_for_url("**/lemma/sociale-basis/")
    finally:
        context.close()


def test_without_javascript_the_page_reads_and_links_work(live_server, lexicon, browser):
    context, page = _open(browser, live_server, PHONE, java_script_enabled=False)
    try:
        assert page.locator(".lemma-body > p").first.is_visible()
        page.locator("#inhoudsopgave summary").tap()
        assert page.locator("#inhoudsopgave a[href='#tot-slot']").is_visible()
        page.locator('.lemma-body > p a[href="/lemma/sociale-basis/"]').tap()
        page.wait_for_url("**/lemma/sociale-basis/")
        assert re.search("beleidsconcept", page.content())
    finally:
        context.close()
