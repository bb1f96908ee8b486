"""The Literatuur section as a reader's browser shows it: axe-core finds no serious or critical
violations on a lemma with literature and on /literatuur/, at phone and desktop width; a citation
link jumps to its entry. Screenshots go to /work/shots/literature/ when that folder can be made."""
import json
import os
from pathlib import Path

import pytest

from tests.helpers.browser import blocking_violations, needs_chromium
from tests.helpers.factories import make_lemma
from tests.helpers.importer import FIXTURE

pytestmark = needs_chromium
SHOTS = Path(os.environ.get("LEXICON_SHOTS", "/work/shots/literature"))


@pytest.fixture
def lemma_with_literature(transactional_db, settings):
    """Ervaringsdeskundigheid as imported: its text, its citations and its own reference list."""
    settings.PAGE_CACHE_ENABLED = False
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    bodies = {r["fields"]["slug"]: r["fields"]["body"] for r in rows if r["model"] == "lexicon.lemma"}
    # saving a lemma extracts its citations; Sociale basis has only reconstructed (incomplete) works
    make_lemma("Sociale basis", slug="sociale-basis", body=bodies["sociale-basis"])
    lemma = make_lemma("Ervaringsdeskundigheid", slug="ervaringsdeskundigheid", body=bodies["ervaringsdeskundigheid"])
    assert lemma.citations.count() == 9
    return lemma


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)])
def test_literature_section_has_no_serious_violations(live_server, lemma_with_literature, browser, width, height):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        assert page.goto(live_server.url + "/lemma/ervaringsdeskundigheid/").status == 200
        page.locator("a.cite-ref", has_text="Van Hoorn et al., 2020").click()
        assert page.url.endswith("#lit-van-hoorn-keuzenkamp-van-der-meulen-2020")
        assert page.locator(".literature-list li:target").is_visible()
        page.locator(".literature details summary").first.click()
        found = {"lemma": blocking_violations(page)}
        _shoot(page, f"lemma-literatuur-{width}.png", ".literature")
        assert page.goto(live_server.url + "/lemma/sociale-basis/#lit-bregman-2019").status == 200
        found["incomplete"] = blocking_violations(page)
        _shoot(page, f"sociale-basis-literatuur-{width}.png")
        assert page.goto(live_server.url + "/literatuur/").status == 200
        found["works"] = blocking_violations(page)
        _shoot(page, f"literatuur-{width}.png")
    finally:
        context.close()
    assert found == {"lemma": [], "incomplete": [], "works": []}


def _shoot(page, name, selector=None):
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    if selector:
        page.locator(selector).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / name))
