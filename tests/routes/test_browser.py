"""A student follows a route in Chromium: from the route page to step 1, then on to step 2; the
route pages have no serious or critical axe violations on a phone and a desktop.

Screenshots go to $SHOTS_DIR (default /work/shots/routes), outside the repository, to be looked at."""
import os
from pathlib import Path

import pytest

from lexicon.content.models import Lemma
from lexicon.routes.models import Route
from tests.helpers.browser import blocking_violations, needs_chromium
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages
from tests.helpers.routes import make_route

pytestmark = needs_chromium
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
BODY = ("{title} begint met een inleiding over nabijheid in het sociaal werk, die de lezer meeneemt naar "
        "de wijk.\n\n## Wat is het\n\n{title} betekent dat de professional dichtbij is.[^1]\n\n"
        "## In de praktijk\n\nIn de praktijk van {title} gaat het om tijd en aandacht.\n\n[^1]: Noot bij {title}.")


def shots_dir():
    path = Path(os.environ.get("SHOTS_DIR", "/work/shots/routes"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def route(transactional_db, settings):
    settings.PAGE_CACHE_ENABLED = False
    sociaal, geo, *_ = make_clusters()
    make_pages()
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    made = [make_lemma(title, slug=slug, cluster=cluster, authors=[lans], body=BODY.format(title=title),
                       lead=f"{title} in het kort.")
            for title, slug, cluster in [("Buurtteams", "buurtteams", geo), ("Presentie", "presentie", sociaal),
                                         ("Sociale basis", "sociale-basis", sociaal)]]
    make_lemma("Geheim concept", slug="geheim", cluster=geo, status=Lemma.Status.DRAFT)
    return make_route(
        "Nabijheid in de wijk", kind=Route.Kind.COURSE, audience="Hbo Social Work, jaar 2",
        introduction="Drie teksten voor **week 3** van de cursus *Werken in de wijk*.",
        steps=[(made[0], "", "Wie zit er in een buurtteam, en wie niet?"),
               (made[1], "wat-is-het", "Wat vraagt presentie van jou als professional?"),
               (made[2], "", "Waar in jouw wijk zie je een sociale basis?")])


def _page(browser, size, **kwargs):
    width, height = SIZES[size]
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": height}, **kwargs)
    return context, context.new_page()


def test_student_follows_the_route_from_step_1_to_step_2(live_server, route, browser):
    for size in SIZES:
        context, page = _page(browser, size)
        try:
            page.goto(f"{live_server.url}/r/{route.code}/")  # the short address from the lecturer
            assert page.url.endswith("/leesroutes/nabijheid-in-de-wijk/")
            page.screenshot(path=str(shots_dir() / f"route-{size}.png"), full_page=True)
            page.get_by_role("link", name="Begin bij stap 1").click()
            page.wait_for_url("**/lemma/buurtteams/?route=nabijheid-in-de-wijk&stap=1")
            box = page.get_by_role("navigation", name="Leesroute", exact=True)
            assert "stap 1 van 3" in box.inner_text()
            assert "Wie zit er in een buurtteam" in box.inner_text()
            page.screenshot(path=str(shots_dir() / f"step1-{size}.png"))
            # After the text, the same next step (added by script), where a reader ends up.
            end = page.get_by_role("navigation", name="Leesroute: vorige en volgende stap")
            end.scroll_into_view_if_needed()
            page.screenshot(path=str(shots_dir() / f"step1-end-{size}.png"))
            end.get_by_role("link", name="Volgende stap Presentie: Wat is het").click()
            page.wait_for_url("**/lemma/presentie/?route=nabijheid-in-de-wijk&stap=2")
            box = page.get_by_role("navigation", name="Leesroute", exact=True)
            assert "stap 2 van 3" in box.inner_text()
            page.screenshot(path=str(shots_dir() / f"step2-{size}.png"))
            box.get_by_role("link", name="‘Wat is het’").click()  # to the section of this step
            assert page.url.endswith("#wat-is-het")
            assert page.locator("#wat-is-het").is_visible()
        finally:
            context.close()


def test_headings_get_a_link_to_their_section(live_server, route, browser):
    context, page = _page(browser, "desktop")
    try:
        page.goto(f"{live_server.url}/lemma/presentie/")
        link = page.locator("#in-de-praktijk .section-link")
        assert link.get_attribute("href") == "#in-de-praktijk"
        assert link.get_attribute("aria-label") == "Link naar deze paragraaf: In de praktijk"
        link.focus()
        page.screenshot(path=str(shots_dir() / "section-link-desktop.png"))
        link.click()
        assert page.url.endswith("/lemma/presentie/#in-de-praktijk")
    finally:
        context.close()


def test_reader_prints_every_step(live_server, route, browser):
    context, page = _page(browser, "desktop")
    try:
        page.goto(f"{live_server.url}/leesroutes/nabijheid-in-de-wijk/lezen/")
        page.screenshot(path=str(shots_dir() / "reader-desktop.png"), full_page=True)
        page.emulate_media(media="print")
        assert not page.locator(".site-header").is_visible()
        assert page.locator("#stap-3").evaluate("el => getComputedStyle(el).breakBefore") == "page"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + \
            pdf.count(b"/Type/Page") >= 1
    finally:
        context.close()


ROUTE_PAGES = ["/leesroutes/", "/leesroutes/nabijheid-in-de-wijk/", "/leesroutes/nabijheid-in-de-wijk/lezen/",
               "/lemma/presentie/?route=nabijheid-in-de-wijk&stap=2"]


@pytest.mark.parametrize("path", ROUTE_PAGES)
def test_route_pages_have_no_serious_violations(live_server, route, browser, path):
    found = {}
    for size in SIZES:
        context, page = _page(browser, size)
        try:
            assert page.goto(live_server.url + path).status == 200
            found[size] = blocking_violations(page)
            if path == "/leesroutes/":
                page.screenshot(path=str(shots_dir() / f"route-list-{size}.png"))
        finally:
            context.close()
    assert found == {"phone": [], "desktop": []}


def test_editor_composes_a_route_in_the_admin_without_serious_violations(live_server, route, browser, settings):
    from lexicon.routes import permissions
    from tests.helpers.editorial import make_user

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, test only
    make_user("redacteur1", "redacteur", password="een-lang-testwachtwoord-42")
    permissions.grant_editor_permissions()
    route.status = Route.Status.REVIEW  # a published route is the hoofdredacteur's to change
    route.save()
    found = {}
    for size in SIZES:
        context, page = _page(browser, size)
        try:
            page.goto(live_server.url + "/beheer/login/")
            page.fill("#id_username", "redacteur1")
            page.fill("#id_password", "een-lang-testwachtwoord-42")
            page.click("[type=submit]")
            page.wait_for_url(live_server.url + "/beheer/")
            page.goto(f"{live_server.url}/beheer/lexicon_routes/route/{route.pk}/change/")
            assert page.get_by_label("Paragraaf van stap 2").input_value() == "wat-is-het"
            page.screenshot(path=str(shots_dir() / f"admin-route-{size}.png"), full_page=True)
            found[size] = blocking_violations(page)
        finally:
            context.close()
    assert found == {"phone": [], "desktop": []}
