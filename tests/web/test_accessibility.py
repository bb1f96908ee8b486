"""axe-core in headless Chromium: no serious or critical violations on the main page types.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js (MPL-2.0);
we read that file and evaluate it in the page ourselves (one browser for the whole module).
"""

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = needs_chromium
PASSWORD = "een-lang-testwachtwoord-42"


@pytest.fixture
def lexicon(transactional_db, settings):
    from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

    settings.PAGE_CACHE_ENABLED = False
    sociaal, geo, prof, inst = make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    lemmas = [
        make_lemma(title, slug=slug, cluster=cluster, authors=[author], lead=f"{title} is een sleutelbegrip.",
                   alternative_terms="buurt, nabijheid")
        for title, slug, cluster in [
            ("Sociale basis", "sociale-basis", sociaal), ("Buurtteams", "buurtteams", geo),
            ("Presentie", "presentie", prof), ("Nabije overheid", "nabije-overheid", inst),
        ]
    ]
    for a, b in zip(lemmas, lemmas[1:] + lemmas[:1]):
        make_ref(a, b)
    return lemmas


@pytest.fixture
def editor(settings, django_user_model):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, test only
    return django_user_model.objects.create_superuser("redacteur", "redactie@example.org", PASSWORD)


_violations = blocking_violations


def _new_page(browser, width):
    # bypass_csp: the site's Content-Security-Policy (rightly) forbids injected scripts like axe.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, page = _new_page(browser, 1280)
    yield page
    context.close()


PUBLIC_PAGES = ["/", "/lemma/sociale-basis/", "/clusters/sociaal/", "/a-z/", "/auteurs/jos-van-der-lans/", "/zoeken/?q=buurt",
                "/beheer/login/", "/api/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_violations(live_server, lexicon, browser, path):
    found = {}
    # Phone and desktop: narrow screens add their own failures (e.g. scroll regions keyboards cannot reach).
    for width in (375, 1280):
        context, page = _new_page(browser, width)
        try:
            response = page.goto(live_server.url + path)
            assert response.status == 200
            found[width] = _violations(page)
        finally:
            context.close()
    assert found == {375: [], 1280: []}


def test_admin_pages_have_no_serious_violations(live_server, lexicon, editor, page):
    page.goto(live_server.url + "/beheer/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.click("[type=submit]")
    page.wait_for_load_state()
    found = {}
    for path in ["/beheer/", "/beheer/lexicon/lemma/", "/lemma/sociale-basis/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200 and "/beheer/login/" not in page.url, path
        found[path] = _violations(page)
    assert found == {path: [] for path in found}


def test_every_map_node_is_reachable_by_keyboard(live_server, lexicon, page):
    page.goto(live_server.url + "/")
    nodes = page.locator(".relation-map a.rm-node")
    assert nodes.count() == 4
    page.locator(".relation-map h2").click()
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('a.rm-node')?.getAttribute('href')")
        if href:
            reached.add(href)
    assert reached == {f"/lemma/{lemma.slug}/" for lemma in lexicon}


def test_the_axe_harness_reports_a_known_violation(page):
    """Guards the tests above against passing because axe did not run."""
    page.set_content('<html lang="nl"><body><main><img src="x.png"><button></button></main></body></html>')
    assert any(v.startswith(("image-alt", "button-name")) for v in _violations(page))


def test_a_lemma_prints_without_navigation_on_a4(live_server, lexicon, page):
    page.goto(live_server.url + "/lemma/sociale-basis/")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-nav", ".site-footer", ".breadcrumbs", ".prev-next", ".relation-map"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".lemma-body", ".cite .citation"):
        assert page.locator(shown).first.is_visible(), shown
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
