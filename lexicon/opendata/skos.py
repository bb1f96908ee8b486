"""The whole lexicon as a SKOS thesaurus (rdflib Graph), for Skosmos and other thesaurus tools.

One skos:ConceptScheme; a skos:Concept per published lemma (prefLabel and definition in Dutch,
altLabels from the alternative terms, skos:related both ways for cross-references); a
skos:Collection per cluster. There is no hierarchy in the book, so every concept is a top
concept. URIs are built from settings.SITE_URL so they do not depend on the request's host.
"""
from django.conf import settings
from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from lexicon.content import rendering
from lexicon.content.models import Cluster, CrossReference, Lemma

LANG = "nl"
SCHEMA = Namespace("https://schema.org/")


def scheme_uri(base):
    return URIRef(f"{base}/export/lexicon")


def lemma_uri(base, lemma):
    return URIRef(base + lemma.get_absolute_url())


def cluster_uri(base, cluster):
    return URIRef(base + cluster.get_absolute_url())


def definition(lemma):
    """The lead is the definition; without one, the first paragraph of the body."""
    text = lemma.lead.strip()
    if not text:
        first = next((p for p in (lemma.body or "").split("\n\n") if p.strip() and not p.lstrip().startswith("#")), "")
        text = rendering.plain_text(first).strip()
    return " ".join(text.split())


def build_graph(base=None):
    base = (base or settings.SITE_URL).rstrip("/")
    book = settings.LEXICON
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("dct", DCTERMS)
    scheme = scheme_uri(base)
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal(book["TITLE"], lang=LANG)))
    g.add((scheme, DCTERMS.title, Literal(book["TITLE"], lang=LANG)))
    g.add((scheme, DCTERMS.publisher, Literal(book["PUBLISHER"])))
    g.add((scheme, DCTERMS.issued, Literal(str(book["YEAR"]), datatype=XSD.gYear)))
    g.add((scheme, DCTERMS.language, Literal(LANG)))
    g.add((scheme, SCHEMA.url, URIRef(base + "/")))
    for editor in book["EDITORS"]:
        g.add((scheme, DCTERMS.contributor, Literal(editor)))

    lemmas = list(Lemma.objects.published().for_listing().order_by("order", "title"))
    for lemma in lemmas:
        concept = lemma_uri(base, lemma)
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.inScheme, scheme))
        g.add((concept, SKOS.topConceptOf, scheme))
        g.add((scheme, SKOS.hasTopConcept, concept))
        g.add((concept, SKOS.prefLabel, Literal(lemma.title, lang=LANG)))
        g.add((concept, SKOS.notation, Literal(lemma.slug)))
        text = definition(lemma)
        if text:
            g.add((concept, SKOS.definition, Literal(text, lang=LANG)))
        if lemma.subtitle:
            g.add((concept, SKOS.scopeNote, Literal(lemma.subtitle, lang=LANG)))
        for term in lemma.alternative_terms_list:
            if term.casefold() != lemma.title.casefold():
                g.add((concept, SKOS.altLabel, Literal(term, lang=LANG)))
        for author in lemma.ordered_authors:
            g.add((concept, DCTERMS.creator, Literal(author.name)))
        if lemma.updated:
            g.add((concept, DCTERMS.modified, Literal(lemma.updated.isoformat(), datatype=XSD.dateTime)))

    published = {lemma.pk: lemma for lemma in lemmas}
    for cluster in Cluster.objects.all():
        collection = cluster_uri(base, cluster)
        g.add((collection, RDF.type, SKOS.Collection))
        g.add((collection, SKOS.prefLabel, Literal(cluster.name, lang=LANG)))
        if cluster.description:
            g.add((collection, SKOS.definition, Literal(cluster.description, lang=LANG)))
        for lemma in lemmas:
            if lemma.cluster_id == cluster.pk:
                g.add((collection, SKOS.member, lemma_uri(base, lemma)))

    refs = CrossReference.objects.filter(source__in=published.keys(), target__in=published.keys())
    for source_id, target_id in refs.values_list("source_id", "target_id"):
        a, b = lemma_uri(base, published[source_id]), lemma_uri(base, published[target_id])
        # skos:related is symmetric; state both directions so tools need no inference.
        g.add((a, SKOS.related, b))
        g.add((b, SKOS.related, a))
    return g


def serialize(fmt, base=None):
    """'turtle' or 'json-ld' text of the whole lexicon."""
    graph = build_graph(base)
    if fmt == "json-ld":
        context = {"skos": str(SKOS), "dct": str(DCTERMS), "schema": str(SCHEMA)}
        return graph.serialize(format="json-ld", context=context, indent=2, auto_compact=True)
    return graph.serialize(format="turtle")
