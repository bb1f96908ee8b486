"""axe-core on the new page types of issue 13.5-6 (phone and desktop): citable versions, the 404 with
suggestions, a long source's contents and chapter pages, an author page with a role."""
from datetime import datetime, timezone as tz

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium

pytestmark = needs_chromium


@pytest.fixture
def versioned(transactional_db, settings):
    from lexicon.content.models.versions import ensure_first_versions, freeze
    from lexicon.content.models import Author, LemmaAuthor, Source, SourceSection
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
    make_author("Jesper Rözer", slug="jesper-rozer", is_editor=True, affiliation="Universiteit Utrecht")
    LemmaAuthor.objects.create(lemma=lemma, author=Author.objects.get(slug="jesper-rozer"), position=1)
    source = Source.objects.create(title="Een lange bron", slug="lange-bron", authors="A. Auteur", year=2018)
    long = "Een lange zin over nabijheid en de verzorgingsstaat. " * 400
    for order, anchor in enumerate(["1-inleiding", "2-zorg"], start=1):
        SourceSection.objects.create(source=source, order=order, title=anchor, anchor=anchor, body=long)
    return lemma


PAGES = [
    ("/lemma/sociale-technologie/versies/", 200),
    ("/lemma/sociale-technologie/versies/1/", 200),
    ("/lemma/sociale-technologie/versies/2/wijzigingen/", 200),
    ("/lemma/sociale-tehcnologie/", 404),
    ("/bronnen/lange-bron/", 200),
    ("/bronnen/lange-bron/2-zorg/", 200),
    ("/auteurs/jesper-rozer/", 200),
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
