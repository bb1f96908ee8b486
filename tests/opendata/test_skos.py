"""The SKOS export parses back and holds the lexicon: concepts, clusters, relations."""
import pytest
from rdflib import RDF, SKOS, Graph, Literal

from lexicon.content.models import Lemma
from tests.helpers.factories import make_clusters, make_lemma, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon():
    sociaal, geo, *_ = make_clusters()
    a = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, lead="Een beleidsconcept.",
                   alternative_terms="basisvoorziening")
    b = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, lead="")
    c = make_lemma("Leefbaarheid", slug="leefbaarheid", cluster=geo)
    draft = make_lemma("Geheim", slug="geheim", cluster=geo, status=Lemma.Status.DRAFT)
    make_ref(a, b)
    make_ref(b, a)  # the same pair both ways is one skos:related pair
    make_ref(c, a)
    make_ref(draft, a)
    return a, b, c, draft


def _parse(client, url, fmt):
    response = client.get(url)
    assert response.status_code == 200
    graph = Graph()
    graph.parse(data=response.content.decode("utf-8"), format=fmt)
    return response, graph


@pytest.mark.parametrize("url, fmt, mime", [
    ("/export/lexicon.ttl", "turtle", "text/turtle"),
    ("/export/lexicon.jsonld", "json-ld", "application/ld+json"),
])
def test_export_parses_back_with_the_whole_lexicon(client, lexicon, url, fmt, mime):
    response, g = _parse(client, url, fmt)
    assert response["Content-Type"].startswith(mime)
    schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == 3  # published lemmas only
    assert all((c, SKOS.inScheme, schemes[0]) in g for c in concepts)
    labels = {str(g.value(c, SKOS.prefLabel)) for c in concepts}
    assert labels == {"Sociale basis", "Vertrouwen", "Leefbaarheid"}
    assert all(g.value(c, SKOS.prefLabel).language == "nl" for c in concepts)
    assert len(set(g.subjects(RDF.type, SKOS.Collection))) == 4
    members = {str(g.value(coll, SKOS.prefLabel)): len(list(g.objects(coll, SKOS.member)))
               for coll in g.subjects(RDF.type, SKOS.Collection)}
    assert members["Sociale nabijheid"] == 2 and members["Geografische nabijheid"] == 1
    related_pairs = {frozenset((s, o)) for s, o in g.subject_objects(SKOS.related)}
    assert len(related_pairs) == 2  # basis<->vertrouwen, leefbaarheid<->basis; not the draft
    # symmetric, so tools without inference see both directions
    assert all((o, SKOS.related, s) in g for s, o in g.subject_objects(SKOS.related))
    assert not any("geheim" in str(node) for node in g.all_nodes())


def test_definition_is_the_lead_or_the_first_paragraph(client, lexicon):
    _, g = _parse(client, "/export/lexicon.ttl", "turtle")
    by_label = {str(g.value(c, SKOS.prefLabel)): c for c in g.subjects(RDF.type, SKOS.Concept)}
    assert g.value(by_label["Sociale basis"], SKOS.definition) == Literal("Een beleidsconcept.", lang="nl")
    assert str(g.value(by_label["Vertrouwen"], SKOS.definition)).startswith("Dit is de tekst van Vertrouwen")
    assert g.value(by_label["Sociale basis"], SKOS.altLabel) == Literal("basisvoorziening", lang="nl")


def test_empty_lexicon_still_exports_a_scheme(client):
    _, g = _parse(client, "/export/lexicon.ttl", "turtle")
    assert len(list(g.subjects(RDF.type, SKOS.ConceptScheme))) == 1
    assert not list(g.subjects(RDF.type, SKOS.Concept))
