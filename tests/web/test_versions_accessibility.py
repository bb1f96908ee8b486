"""axe-core on the page types of citable versions and on the 404 with suggestions (phone and desktop)."""
from datetime import datetime, timezone as tz

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = needs_chromium


@pytest.fixture
def versioned(transactional_db, settings):
    from lexicon.content.models.versions import ensure_first_versions, freeze
    from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

    settings.PAGE_CACHE_ENABLED = False
    make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    lemma = make_lemma("Sociale technologie", slug="sociale-technologie", authors=[author], lead="Technologie.",
                       body="Eerste alinea.\n\n## Een sectie\n\nTweede alinea.",
                       published_at=datetime(2022, 1, 1, tzinfo=tz.utc))
    ensure_first_versions()
    lemma.body = "Eerste alinea, herzien.\n\n## Een sectie\n\nTweede alinea."
    lemma.save()
    freeze(lemma, "Eerste alinea herzien.")
    return lemma


PAGES = [
    ("/lemma/sociale-technologie/versies/", 200),
    ("/lemma/sociale-technologie/versies/1/", 200),
    ("/lemma/sociale-technologie/versies/2/wijzigingen/", 200),
    ("/lemma/sociale-tehcnologie/", 404),
]


@pytest.mark.parametrize("path,status", PAGES)
def test_version_pages_have_no_serious_violations(live_server, versioned, browser, path, status):
    found = {}
    for width in (390, 1280):
        context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            response = page.goto(live_server.url + path)
            assert response.status == status
            if path.endswith("/1/"):
                page.locator("summary", has_text="BibTeX").click()  # opened citation formats too
            found[width] = blocking_violations(page)
        finally:
            context.close()
    assert found == {390: [], 1280: []}
