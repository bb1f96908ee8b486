"""The relation map: every published lemma a keyboard-reachable node, edges from cross-references."""
import re

import pytest

from lexicon.opendata import relation_map
from lexicon.content.models import Lemma
from tests.helpers.factories import make_clusters, make_lemma, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon():
    sociaal, geo, prof, _ = make_clusters()
    a = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal)
    b = make_lemma("Leefbaarheid", slug="leefbaarheid", cluster=geo)
    c = make_lemma("Presentie", slug="presentie", cluster=prof)
    d = make_lemma("Een heel lange titel die niet helemaal op de kaart past", slug="lang", cluster=prof)
    draft = make_lemma("Geheim", slug="geheim", cluster=geo, status=Lemma.Status.DRAFT)
    make_ref(a, b)
    make_ref(b, a)
    make_ref(c, a)
    make_ref(draft, a)
    make_ref(a, draft)
    return a, b, c, d, draft


def _map_html(html):
    return html[html.index('class="relation-map'):]


def test_home_map_links_every_published_lemma_with_cluster_colours(client, lexicon):
    html = _map_html(client.get("/").content.decode())
    nodes = re.findall(r'<a class="rm-node cluster-([\w-]+)"[^>]*? href="([^"]+)"', html)
    assert sorted(href for _, href in nodes) == sorted(
        ["/lemma/sociale-basis/", "/lemma/leefbaarheid/", "/lemma/presentie/", "/lemma/lang/"])
    assert ("geografisch", "/lemma/leefbaarheid/") in nodes
    assert "/lemma/geheim/" not in html
    assert html.count('<path class="rm-edge ') == 3  # a->b, b->a, c->a; none with the draft
    # the long title is shortened on the map but complete for screen readers and as tooltip
    assert 'aria-label="Een heel lange titel die niet helemaal op de kaart past (Professionele nabijheid)"' in html
    assert "…</text>" in html
    # legend and text alternative
    assert "Sociale nabijheid</li>" in html and "<details" in html
    assert re.search(r'Presentie</a> → <a href="/lemma/sociale-basis/">Sociale basis</a>', html)


def test_svg_coordinates_are_not_localised(client, lexicon):
    html = _map_html(client.get("/").content.decode())
    for value in re.findall(r'\b(?:cx|cy|x|y)="([^"]+)"', html):
        float(value)  # a Dutch decimal comma would break the drawing


def test_layout_is_deterministic(lexicon):
    first, second = relation_map.lexicon_map(), relation_map.lexicon_map()
    assert [(n.x, n.y) for n in first.nodes] == [(n.x, n.y) for n in second.nodes]
    positions = {(n.x, n.y) for n in first.nodes}
    assert len(positions) == len(first.nodes)  # no two nodes on top of each other


def test_lemma_page_shows_its_neighbourhood_with_directions(client, lexicon):
    html = _map_html(client.get("/lemma/sociale-basis/").content.decode())
    assert "Omgeving van dit lemma" in html
    hrefs = set(re.findall(r'<a class="rm-node[^"]*"[^>]*? href="([^"]+)"', html))
    assert hrefs == {"/lemma/leefbaarheid/", "/lemma/presentie/"}
    assert 'class="rm-edge rm-both' in html and 'class="rm-edge rm-in' in html
    assert "/lemma/geheim/" not in html


def test_lemma_without_relations_shows_no_empty_map(client, lexicon):
    html = client.get("/lemma/lang/").content.decode()
    assert "Omgeving van dit lemma" not in html


def test_empty_lexicon_home_has_no_map(client):
    assert "rm-svg" not in client.get("/").content.decode()


def test_home_page_stays_light_when_the_lexicon_grows(client, db, settings):
    """Thousands of lemmas: no whole-lexicon map, a bounded term set, the page still small."""
    from lexicon.opendata import relation_map, structured_data
    from lexicon.content.models import Lemma
    from tests.helpers.factories import make_clusters

    clusters = make_clusters()
    n = relation_map.MAX_LEXICON_MAP_NODES + 1
    Lemma.objects.bulk_create([
        Lemma(title=f"Term {i:04d}", slug=f"term-{i:04d}", order=i, cluster=clusters[i % 4], status=Lemma.Status.PUBLISHED)
        for i in range(n + structured_data.MAX_TERMS_IN_SET)
    ])
    html = client.get("/").content.decode()
    assert "Relatiekaart" not in html
    assert html.count('"@type": "DefinedTerm"') <= structured_data.MAX_TERMS_IN_SET
