"""Routes in the JSON API and the sitemap: published routes only, steps of published lemmas only,
responses as the generated OpenAPI document describes them."""
import pytest

from lexicon.routes.models import Route
from lexicon.web import api as web_api
from tests.helpers.routes import make_route
from tests.opendata.test_api import assert_documented

pytestmark = pytest.mark.django_db


@pytest.fixture
def routes(lemmas):
    return {
        "wijk": make_route("Nabijheid in de wijk", kind=Route.Kind.COURSE, introduction="Voor *week 3*.",
                           steps=[lemmas["buurtteams"], lemmas["geheim"], (lemmas["presentie"], "wat-is-het")]),
        "thema": make_route("Professionele nabijheid", steps=[lemmas["sociale-basis"]]),
        "concept": make_route("Concept", status=Route.Status.DRAFT, steps=[lemmas["presentie"]]),
    }


def test_routes_are_in_the_openapi_document():
    paths = web_api.document()["paths"]
    assert "/api/leesroutes/" in paths and "/api/leesroutes/{slug}/" in paths


def test_route_list_has_published_routes_with_their_visible_step_count(client, routes):
    response = client.get("/api/leesroutes/")
    assert response.status_code == 200
    assert_documented("/api/leesroutes/", response)
    results = response.json()["results"]
    assert [(r["slug"], r["step_count"]) for r in results] == [
        ("nabijheid-in-de-wijk", 2), ("professionele-nabijheid", 1)]
    assert results[0]["short_url"] == f"http://testserver/r/{routes['wijk'].code}/"


def test_route_detail_has_steps_in_order_and_a_reading_list(client, routes):
    response = client.get("/api/leesroutes/nabijheid-in-de-wijk/")
    assert response.status_code == 200
    assert_documented("/api/leesroutes/{slug}/", response)
    data = response.json()
    assert [(s["number"], s["lemma"]["slug"], s["section"]) for s in data["steps"]] == [
        (1, "buurtteams", None), (2, "presentie", {"id": "wat-is-het", "title": "Wat is het"})]
    assert data["steps"][1]["text_url"] == "http://testserver/lemma/presentie/#wat-is-het"
    assert data["steps"][1]["url"] == "http://testserver/lemma/presentie/?route=nabijheid-in-de-wijk&stap=2"
    assert "<em>week 3</em>" in data["introduction_html"]
    assert len(data["reading_list"]["apa"]) == 2
    assert client.get(data["reading_list"]["ris_url"]).status_code == 200


@pytest.mark.parametrize("path", ["/api/leesroutes/concept/", "/api/leesroutes/bestaat-niet/",
                                  "/api/leesroutes/<script>/"])
def test_unpublished_or_unknown_route_is_a_json_404(client, routes, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_documented("/api/leesroutes/{slug}/", response)
    assert "leesroute" in response.json()["fout"]


def test_route_list_pagination_is_strict(client, routes):
    response = client.get("/api/leesroutes/?per_page=1&page=2")
    assert response.json()["results"][0]["slug"] == "professionele-nabijheid"
    assert client.get("/api/leesroutes/?page=3&per_page=1").status_code == 404
    bad = client.get("/api/leesroutes/?per_page=500")
    assert bad.status_code == 400 and "per_page" in bad.json()["fout"]


def test_sitemap_lists_published_routes_and_the_route_index(client, routes):
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/leesroutes/nabijheid-in-de-wijk/" in xml
    assert "http://testserver/leesroutes/professionele-nabijheid/" in xml
    assert "http://testserver/leesroutes/</loc>" in xml
    assert "/leesroutes/concept/" not in xml and "/lezen/" not in xml
