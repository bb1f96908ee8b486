"""Machine-readable page metadata: schema.org JSON-LD and OpenGraph tags."""
import json
import re

import pytest

from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def lemma():
    make_clusters()
    return make_lemma(
        "Sociale basis", slug="sociale-basis", authors=[make_author("Jos van der Lans", slug="jvdl")],
        lead="Een beleidsconcept </script><script>alert(1)</script> & meer.", alternative_terms="wijk, buurt",
    )


def _jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_lemma_page_is_a_defined_term_in_the_lexicon(client, lemma):
    html = client.get("/lemma/sociale-basis/").content.decode()
    (data,) = _jsonld(html)
    assert data["@type"] == "DefinedTerm" and data["name"] == "Sociale basis"
    assert data["url"] == "http://testserver/lemma/sociale-basis/"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert data["alternateName"] == ["wijk", "buurt"]
    assert data["subjectOf"]["author"][0]["name"] == "Jos van der Lans"
    # the lead's markup cannot break out of the script element, and survives as text
    assert "</script><script>alert(1)" not in html
    assert data["description"].startswith("Een beleidsconcept </script>")


def test_lemma_page_has_opengraph_tags(client, lemma):
    html = client.get("/lemma/sociale-basis/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Sociale basis">' in html
    assert '<meta property="og:url" content="http://testserver/lemma/sociale-basis/">' in html
    assert '<meta property="article:author" content="Jos van der Lans">' in html
    assert '<meta property="og:description" content="Een beleidsconcept &lt;/script&gt;' in html


def test_home_lists_the_defined_term_set(client, lemma):
    (data,) = _jsonld(client.get("/").content.decode())
    assert data["@type"] == "DefinedTermSet"
    assert [t["name"] for t in data["hasDefinedTerm"]] == ["Sociale basis"]


def test_pages_point_to_their_machine_readable_forms(client, lemma):
    lemma_html = client.get("/lemma/sociale-basis/").content.decode()
    api_url = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', lemma_html).group(1)
    assert client.get(api_url).json()["slug"] == "sociale-basis"
    home_html = client.get("/").content.decode()
    skos_url = re.search(r'<link rel="alternate" type="text/turtle"[^>]* href="([^"]+)"', home_html).group(1)
    assert client.get(skos_url)["Content-Type"].startswith("text/turtle")
