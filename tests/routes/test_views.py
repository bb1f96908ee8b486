"""The public route pages as a student meets them: the list, a route, a lemma inside it, the short
address, the printable reader and the reading list."""
import html
import re

import pytest

from lexicon.content.citation import citation_year
from lexicon.routes.models import Route
from tests.helpers.routes import make_route

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(lemmas):
    return make_route("Nabijheid in de wijk", kind=Route.Kind.COURSE, audience="Hbo Social Work, jaar 2",
                      introduction="Een route voor **week 3**.",
                      steps=[(lemmas["buurtteams"], "", "Wat doet een buurtteam?"), lemmas["geheim"],
                             (lemmas["presentie"], "wat-is-het", "Wat is presentie?"), lemmas["sociale-basis"]])


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_route_list_shows_published_routes_only(client, route, lemmas):
    make_route("Verborgen route", status=Route.Status.DRAFT, steps=[lemmas["presentie"]])
    response = client.get("/leesroutes/")
    assert response.status_code == 200
    assert "Nabijheid in de wijk" in text(response) and "3 stappen" in text(response)
    assert "Verborgen route" not in text(response)
    assert 'href="/leesroutes/"' in response.content.decode()  # in the main menu


def test_route_page_shows_its_steps_questions_and_reading_list(client, route, lemmas):
    response = client.get("/leesroutes/nabijheid-in-de-wijk/")
    page = text(response)
    assert response.status_code == 200
    assert "Stap 1 van 3" in page and "Stap 3 van 3" in page and "Geheim concept" not in page
    assert "Wat is presentie?" in page and "Presentie : Wat is het" in page
    assert "<strong>week 3</strong>" in response.content.decode()
    assert 'href="/lemma/buurtteams/?route=nabijheid-in-de-wijk&amp;stap=1"' in response.content.decode()
    # The reading list: one APA reference per lemma, alphabetical by first author.
    refs = [html.unescape(ref) for ref in re.findall(r'<li class="citation">(.*?)</li>', response.content.decode(), re.S)]
    assert len(refs) == 3
    year = citation_year(lemmas["presentie"])
    assert refs[0].startswith(f"Lans, J. van der ({year}). Presentie.")  # one work of Lans alone: no "a"
    assert refs[1].startswith(f"Lans, J. van der, & Tonkens, E. ({year}). Sociale basis.")
    assert refs[2].startswith(f"Tonkens, E. ({year}). Buurtteams.")
    assert "<cite>Lexicon nabijheid en sociaal werk</cite>" in refs[0]
    assert "http://testserver/r/" + route.code + "/" in page


def test_reading_list_tells_works_of_one_author_in_one_year_apart(client, lemmas):
    make_route("Alles van Lans", steps=[lemmas["presentie"], lemmas["buurtteams"]])
    lemmas["buurtteams"].lemma_authors.update(author=lemmas["presentie"].ordered_authors[0])
    year = citation_year(lemmas["presentie"])
    page = html.unescape(client.get("/leesroutes/alles-van-lans/").content.decode())
    assert f"Lans, J. van der ({year}a). Buurtteams." in page
    assert f"Lans, J. van der ({year}b). Presentie." in page


def test_draft_route_is_404_for_readers_and_a_preview_for_staff(client, admin_client, lemmas):
    make_route("Concept route", status=Route.Status.DRAFT, steps=[lemmas["presentie"]])
    assert client.get("/leesroutes/concept-route/").status_code == 404
    response = admin_client.get("/leesroutes/concept-route/")
    assert response.status_code == 200 and "Voorvertoning" in text(response)


def test_lemma_page_inside_a_route_shows_the_step_and_its_neighbours(client, route):
    response = client.get("/lemma/presentie/?route=nabijheid-in-de-wijk&stap=2")
    html = response.content.decode()
    page = text(response)
    assert "stap 2 van 3" in page and "Wat is presentie?" in page
    assert 'href="/lemma/buurtteams/?route=nabijheid-in-de-wijk&amp;stap=1"' in html
    assert 'href="/lemma/sociale-basis/?route=nabijheid-in-de-wijk&amp;stap=3"' in html
    assert "Lees in dit lemma de paragraaf" in page and 'href="#wat-is-het"' in html


def test_lemma_page_finds_its_step_without_a_number_and_the_last_step_leads_back(client, route):
    page = text(client.get("/lemma/sociale-basis/?route=nabijheid-in-de-wijk"))
    assert "stap 3 van 3" in page and "Terug naar de leesroute" in page


@pytest.mark.parametrize("query", ["", "?route=bestaat-niet", "?route=" + "x" * 300, "?route=&stap=2"])
def test_lemma_page_without_a_valid_route_is_the_plain_page(client, route, query):
    response = client.get("/lemma/presentie/" + query)
    assert response.status_code == 200 and "stap 2 van 3" not in text(response)


@pytest.mark.parametrize("number", ["x", "1", "99", "-1"])
def test_a_step_number_of_another_lemma_or_garbage_is_ignored(client, route, number):
    page = text(client.get(f"/lemma/presentie/?route=nabijheid-in-de-wijk&stap={number}"))
    assert "stap 2 van 3" in page


def test_lemma_not_in_the_route_and_draft_route_show_no_step(client, route, lemmas):
    make_route("Concept route", status=Route.Status.DRAFT, steps=[lemmas["presentie"]])
    other = make_route("Andere route", steps=[lemmas["buurtteams"]])
    assert "van 1" not in text(client.get("/lemma/presentie/?route=concept-route"))
    assert "Leesroute:" not in text(client.get(f"/lemma/presentie/?route={other.slug}"))


def test_short_address_and_step_address_redirect(client, route):
    response = client.get(f"/r/{route.code.upper()}/")
    assert response.status_code == 302 and response["Location"] == "/leesroutes/nabijheid-in-de-wijk/"
    response = client.get("/leesroutes/nabijheid-in-de-wijk/stap/3/")
    assert response["Location"] == "/lemma/sociale-basis/?route=nabijheid-in-de-wijk&stap=3"


@pytest.mark.parametrize("path", ["/r/onbekend/", "/leesroutes/nabijheid-in-de-wijk/stap/4/",
                                  "/leesroutes/nabijheid-in-de-wijk/stap/0/", "/leesroutes/bestaat-niet/"])
def test_unknown_codes_and_steps_are_a_clear_404(client, route, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]


def test_reader_holds_every_step_on_one_printable_page(client, route):
    response = client.get("/leesroutes/nabijheid-in-de-wijk/lezen/")
    html = response.content.decode()
    page = text(response)
    assert response.status_code == 200
    assert "Buurtteams betekent iets" in page and "Praktijk van Sociale basis" in page
    # Step 2 is one section of Presentie: its other parts stay out.
    assert "Presentie betekent iets" in page and "Praktijk van Presentie" not in page
    assert "Geheim concept" not in page
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "css/routes.css" in html and 'name="robots" content="noindex"' in html


def test_reading_list_downloads(client, route, lemmas):
    response = client.get("/leesroutes/nabijheid-in-de-wijk/leeslijst.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain") and "attachment" in response["Content-Disposition"]
    assert body.startswith("Nabijheid in de wijk\nhttp://testserver/leesroutes/nabijheid-in-de-wijk/\n")
    assert body.count(f"({citation_year(lemmas['presentie'])})") == 3 and "http://testserver/lemma/presentie/" in body
    ris = client.get("/leesroutes/nabijheid-in-de-wijk/leeslijst.ris").content.decode()
    assert ris.count("TY  - CHAP") == 3 and "TI  - Presentie" in ris
    bib = client.get("/leesroutes/nabijheid-in-de-wijk/leeslijst.bib").content.decode()
    assert bib.count("@incollection{") == 3 and "{Buurtteams}" in bib


def test_a_route_change_reaches_cached_pages(client, route, lemmas, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert "Wat is presentie?" in text(client.get("/lemma/presentie/?route=nabijheid-in-de-wijk"))
    assert "Wat is presentie?" in text(client.get("/leesroutes/nabijheid-in-de-wijk/"))
    step = route.steps.get(lemma=lemmas["presentie"])
    step.question = "Waar zie je presentie?"
    step.save()
    assert "Waar zie je presentie?" in text(client.get("/lemma/presentie/?route=nabijheid-in-de-wijk"))
    assert "Waar zie je presentie?" in text(client.get("/leesroutes/nabijheid-in-de-wijk/"))
    route.status = Route.Status.DRAFT
    route.save()
    assert client.get("/leesroutes/nabijheid-in-de-wijk/").status_code == 404


def test_route_pages_take_the_same_queries_for_two_steps_or_six(client, lemmas, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    def queries(route, path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path.format(slug=route.slug)).status_code == 200
        return len(captured)

    published = [lemmas["buurtteams"], lemmas["presentie"], lemmas["sociale-basis"]]
    short = make_route("Kort", steps=[published[0], (published[1], "wat-is-het")])
    long = make_route("Lang", steps=[*published, (published[0], "wat-is-het"), (published[1], "in-de-praktijk"),
                                     published[2]])
    for path in ("/leesroutes/{slug}/", "/api/leesroutes/{slug}/", "/leesroutes/{slug}/leeslijst.ris"):
        assert queries(short, path) == queries(long, path), path
