"""The read-only JSON API: published data only, strict pagination, and an accurate OpenAPI document."""
import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec

from lexicon.web import api as web_api
from lexicon.content.models import CrossReference, Lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon():
    sociaal, geo, *_ = make_clusters()
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    verborgen = make_author("Verborgen Auteur", slug="verborgen-auteur")
    basis = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[lans], order=1,
                       lead="Sociale basis is een beleidsconcept.", alternative_terms="basisvoorziening, wijk")
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, order=2)
    leefbaarheid = make_lemma("Leefbaarheid", slug="leefbaarheid", cluster=geo, order=3)
    geheim = make_lemma("Geheim concept", slug="geheim-concept", cluster=geo, order=4,
                        status=Lemma.Status.DRAFT, authors=[verborgen])
    make_ref(basis, vertrouwen)
    make_ref(leefbaarheid, basis, kind=CrossReference.Kind.EDITOR)
    make_ref(geheim, basis)
    make_ref(basis, geheim)
    return {"basis": basis, "vertrouwen": vertrouwen, "leefbaarheid": leefbaarheid, "geheim": geheim}


SPEC = None


def spec():
    global SPEC
    if SPEC is None:
        SPEC = web_api.document()
    return SPEC


def assert_documented(path_template, response):
    """The response's JSON matches the schema the OpenAPI document gives for this path and status."""
    operation = spec()["paths"][path_template]["get"]
    documented = operation["responses"][str(response.status_code)]
    assert response["Content-Type"].startswith("application/json")
    schema = {**documented["content"]["application/json"]["schema"], "components": spec()["components"]}
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(response.json()), key=str)
    assert not errors, errors[0]


def test_openapi_document_is_valid_and_served(client):
    validate_spec(spec())
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")


def test_every_api_route_is_documented():
    documented = set(spec()["paths"])
    for pattern in web_api.urlpatterns:
        route = "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        if route in ("/api/", "/api/openapi.json"):
            continue
        assert route in documented, route


def test_lemma_list_has_only_published_lemmas_in_book_order(client, lexicon):
    response = client.get("/api/lemmas/")
    assert response.status_code == 200
    assert_documented("/api/lemmas/", response)
    data = response.json()
    assert [r["slug"] for r in data["results"]] == ["sociale-basis", "vertrouwen", "leefbaarheid"]
    assert data["count"] == 3 and data["pages"] == 1 and data["next"] is None
    first = data["results"][0]
    assert first["authors"] == [{"slug": "jos-van-der-lans", "name": "Jos van der Lans"}]
    assert first["url"] == "http://testserver/lemma/sociale-basis/"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_lemma_list_paginates_with_links_that_work(client, lexicon):
    data = client.get("/api/lemmas/?per_page=2").json()
    assert len(data["results"]) == 2 and data["pages"] == 2 and data["previous"] is None
    second = client.get(data["next"])
    assert second.status_code == 200
    assert_documented("/api/lemmas/", second)
    assert [r["slug"] for r in second.json()["results"]] == ["leefbaarheid"]
    assert client.get(second.json()["previous"]).json()["results"] == data["results"]


def test_lemma_list_filters_by_cluster(client, lexicon):
    data = client.get("/api/lemmas/?cluster=geografisch").json()
    assert [r["slug"] for r in data["results"]] == ["leefbaarheid"]
    assert client.get("/api/lemmas/?cluster=bestaat-niet").json()["count"] == 0


@pytest.mark.parametrize("query", [
    "page=abc", "page=0", "page=-1", "per_page=0", "per_page=1000", "per_page=2.5",
    "page=%00", "page=99999999999999999999", "cluster=%3Cscript%3E", "cluster=a%00b",
])
def test_garbage_parameters_give_a_dutch_400(client, lexicon, query):
    response = client.get(f"/api/lemmas/?{query}")
    assert response.status_code == 400
    assert_documented("/api/lemmas/", response)
    assert "moet" in response.json()["fout"] or "hoogstens" in response.json()["fout"]


def test_page_beyond_the_last_is_a_json_404(client, lexicon):
    response = client.get("/api/lemmas/?page=7")
    assert response.status_code == 404
    assert_documented("/api/lemmas/", response)
    assert "bestaat niet" in response.json()["fout"]


def test_lemma_detail_has_text_relations_and_citation(client, lexicon):
    response = client.get("/api/lemmas/sociale-basis/")
    assert response.status_code == 200
    assert_documented("/api/lemmas/{slug}/", response)
    data = response.json()
    assert data["alternative_terms"] == ["basisvoorziening", "wijk"]
    assert data["see_also"] == [{"slug": "vertrouwen", "title": "Vertrouwen"}]
    assert data["mentioned_in"] == [{"slug": "leefbaarheid", "title": "Leefbaarheid"}]
    assert data["sections"] == [{"id": "eerste-sectie", "title": "Eerste sectie"}]
    assert "Lans, J. van der" in data["citation"]["apa"]
    assert client.get(data["citation"]["bibtex_url"]).status_code == 200


@pytest.mark.parametrize("path", [
    "/api/lemmas/geheim-concept/", "/api/lemmas/bestaat-niet/", "/api/lemmas/%3Cscript%3E/",
    "/api/lemmas/a/b/", "/api/clusters/nee/", "/api/auteurs/verborgen-auteur/", "/api/auteurs/%00/",
])
def test_unknown_or_unpublished_is_a_json_404(client, lexicon, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["fout"]


def test_drafts_are_invisible_even_to_staff(admin_client, lexicon):
    assert admin_client.get("/api/lemmas/geheim-concept/").status_code == 404
    assert admin_client.get("/api/lemmas/").json()["count"] == 3


def test_clusters_count_published_lemmas(client, lexicon):
    response = client.get("/api/clusters/")
    assert_documented("/api/clusters/", response)
    counts = {c["slug"]: c["lemma_count"] for c in response.json()["results"]}
    assert counts == {"sociaal": 2, "geografisch": 1, "professioneel": 0, "institutioneel": 0}
    detail = client.get("/api/clusters/geografisch/")
    assert_documented("/api/clusters/{slug}/", detail)
    assert [lemma["slug"] for lemma in detail.json()["lemmas"]] == ["leefbaarheid"]


def test_authors_only_with_published_lemmas(client, lexicon):
    response = client.get("/api/auteurs/")
    assert_documented("/api/auteurs/", response)
    assert [a["slug"] for a in response.json()["results"]] == ["jos-van-der-lans"]
    detail = client.get("/api/auteurs/jos-van-der-lans/")
    assert_documented("/api/auteurs/{slug}/", detail)
    assert [lemma["slug"] for lemma in detail.json()["lemmas"]] == ["sociale-basis"]


def test_cross_references_only_between_published_lemmas(client, lexicon):
    response = client.get("/api/kruisverwijzingen/")
    assert_documented("/api/kruisverwijzingen/", response)
    pairs = {(r["source"]["slug"], r["target"]["slug"], r["kind"]) for r in response.json()["results"]}
    assert pairs == {("sociale-basis", "vertrouwen", "zie-ook"), ("leefbaarheid", "sociale-basis", "redactie")}
    by_kind = client.get("/api/kruisverwijzingen/?soort=redactie").json()["results"]
    assert [r["source"]["slug"] for r in by_kind] == ["leefbaarheid"]
    assert client.get("/api/kruisverwijzingen/?soort=onzin").status_code == 400
    for_lemma = client.get("/api/kruisverwijzingen/?lemma=vertrouwen").json()["results"]
    assert [r["target"]["slug"] for r in for_lemma] == ["vertrouwen"]


def test_empty_lexicon_gives_an_empty_first_page(client):
    response = client.get("/api/lemmas/")
    assert response.status_code == 200
    assert response.json()["results"] == [] and response.json()["pages"] == 1


def test_api_is_read_only(client, lexicon):
    response = client.post("/api/lemmas/", {"title": "x"})
    assert response.status_code == 405
    assert "alleen-lezen" in response.json()["fout"]
    assert Lemma.objects.count() == 4


def test_human_api_page_in_dutch(client, lexicon):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/openapi.json" in html and "/api/kruisverwijzingen/" in html
    assert "Open gegevens" in html


@pytest.mark.parametrize("path_template, query, status", [
    ("/api/zoeken", "q=buurt", 200), ("/api/zoeken", "", 400), ("/api/zoeken", "q=" + "x" * 600, 400),
    ("/api/suggest", "q=so", 200), ("/api/suggest", "", 200),
])
def test_search_endpoints_match_their_description(client, lexicon, path_template, query, status):
    if path_template not in spec()["paths"]:
        pytest.skip("search API not routed")
    response = client.get(f"{path_template}?{query}")
    assert response.status_code == status
    assert_documented(path_template, response)
