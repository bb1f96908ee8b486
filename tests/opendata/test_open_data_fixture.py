"""The open-data outputs on the real lexicon (the committed fixture): SKOS parses back with every
published lemma, and every API response matches the OpenAPI document."""
from pathlib import Path

import pytest
from django.core.management import call_command
from rdflib import RDF, SKOS, Graph

from lexicon.content.models import Author, Cluster, Lemma
from tests.opendata.test_api import assert_documented

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/lexicon.json not generated yet"),
]


@pytest.fixture
def real_lexicon():
    call_command("loaddata", str(FIXTURE), verbosity=0)
    assert Lemma.objects.published().exists()


def test_skos_export_of_the_real_lexicon(client, real_lexicon):
    graph = Graph().parse(data=client.get("/export/lexicon.ttl").content.decode("utf-8"), format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == Lemma.objects.published().count()
    assert all(graph.value(c, SKOS.definition) for c in concepts)  # every lemma has a definition
    assert len(set(graph.subjects(RDF.type, SKOS.Collection))) == Cluster.objects.count()


def test_every_api_response_on_the_real_lexicon_is_documented(client, real_lexicon):
    lemmas = client.get("/api/lemmas/?per_page=100")
    assert_documented("/api/lemmas/", lemmas)
    for item in lemmas.json()["results"]:
        assert_documented("/api/lemmas/{slug}/", client.get(f"/api/lemmas/{item['slug']}/"))
    for cluster in Cluster.objects.all():
        assert_documented("/api/clusters/{slug}/", client.get(f"/api/clusters/{cluster.slug}/"))
    authors = client.get("/api/auteurs/?per_page=100")
    assert_documented("/api/auteurs/", authors)
    assert authors.json()["count"] == Author.objects.filter(lemmas__status=Lemma.Status.PUBLISHED).distinct().count()
    for item in authors.json()["results"]:
        assert_documented("/api/auteurs/{slug}/", client.get(f"/api/auteurs/{item['slug']}/"))
    assert_documented("/api/kruisverwijzingen/", client.get("/api/kruisverwijzingen/?per_page=100"))
