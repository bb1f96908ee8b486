"""The number of SQL queries per page does not grow with the size of the lexicon."""
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lexicon.content.models import Author, Cluster, Lemma, LemmaAuthor, Source, SourceSection
from lexicon.content.models import versions
from lexicon.literature.models import Citation, Work
from lexicon.routes.models import Route
from lexicon.web import fragments
from tests.helpers.factories import make_clusters, make_pages, make_ref
from tests.helpers.routes import make_route

pytestmark = pytest.mark.django_db

# Every public page type: reading, lists, versions, routes, literature, sources, search, feeds.
PAGES = ["/", "/lemma/lemma-0002/", "/lemma/lemma-0002/?route=de-route&stap=2", "/clusters/sociaal/",
         "/clusters/sociaal/?page=2", "/a-z/", "/a-z/?letter=L", "/auteurs/", "/auteurs/auteur-0001/",
         "/over/inleiding/", "/over/colofon/", "/bronnen/", "/bronnen/bron-1/", "/bronnen/bron-2/", "/bronnen/bron-2/deel-1/",
         "/lemma/lemma-0002/versies/", "/lemma/lemma-0002/versies/1/", "/lemma/lemma-0002/versies/2/wijzigingen/",
         "/leesroutes/", "/leesroutes/de-route/", "/leesroutes/de-route/lezen/", "/literatuur/",
         "/zoeken/?q=tekst", "/zoeken/?q=tekst&soort=lemma", "/zoeken/?q=", "/feed/", "/sitemap.xml"]


def build_lexicon(n):
    clusters = make_clusters()
    make_pages()
    authors = Author.objects.bulk_create(
        [Author(name=f"Auteur {i:04d}", slug=f"auteur-{i:04d}", sort_name=f"Auteur {i:04d}") for i in range(1, n + 1)]
    )
    lemmas = Lemma.objects.bulk_create(
        [
            Lemma(title=f"Lemma {i:04d}", slug=f"lemma-{i:04d}", order=i, cluster=clusters[i % 4],
                  status=Lemma.Status.PUBLISHED, body=f"Tekst {i}.\n\n## Sectie\n\nMeer.")
            for i in range(1, n + 1)
        ]
    )
    LemmaAuthor.objects.bulk_create(
        [LemmaAuthor(lemma=lemma, author=authors[(i + k) % n], position=k) for i, lemma in enumerate(lemmas) for k in range(2)]
    )
    for i in range(n - 1):
        make_ref(lemmas[i], lemmas[i + 1])
    for i in range(1, 3):
        source = Source.objects.create(title=f"Bron {i}", slug=f"bron-{i}", authors="Auteur", order=i)
        SourceSection.objects.bulk_create(
            # bron-2 is long: a contents page and a page per chapter.
            [SourceSection(source=source, order=k, title=f"Deel {k}", anchor=f"deel-{k}",
                           body=f"Tekst {k}. " + ("Een lange zin over nabijheid. " * 1200 if i == 2 else ""))
             for k in range(max(2, n // 20))]
        )
    # Two versions of every lemma; a route through all lemmas; each lemma cites two works.
    for lemma in lemmas:
        versions.freeze(lemma, "Eerste versie")
        lemma.body += "\n\nEen toegevoegde alinea."
        lemma.save()
        versions.freeze(lemma, "Alinea toegevoegd")
    make_route("De route", steps=lemmas)
    works = Work.objects.bulk_create(
        [Work(key=f"schrijver-{i}-2020", authors=f"Schrijver {i}", cited_as=f"Schrijver {i}", year="2020", title=f"Werk {i}")
         for i in range(n)]
    )
    Citation.objects.bulk_create(
        [Citation(lemma=lemma, work=works[(i + k) % n], times=1, position=k) for i, lemma in enumerate(lemmas) for k in range(2)]
    )
    # The author page of auteur-0001 lists all of their lemmas: give them many in the big lexicon.
    first = authors[0]
    LemmaAuthor.objects.bulk_create(
        [LemmaAuthor(lemma=lemma, author=first, position=5) for lemma in lemmas if not lemma.lemma_authors.filter(author=first).exists()]
    )


def queries_per_page(client):
    # Stored renderings are written after a save commits (never in a rolled-back test): the
    # first read of each page stores them, as the first reader after an edit does.
    for url in PAGES:
        client.get(url)
    counts = {}
    for url in PAGES:
        caches["default"].clear()  # measure rendering, not the page cache or stored fragments
        fragments.clear_local()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(ctx.captured_queries)
    return counts


def test_queries_do_not_grow_with_number_of_lemmas(client, django_db_blocker):
    build_lexicon(5)
    small = queries_per_page(client)
    Route.objects.all().delete()
    Work.objects.all().delete()
    Lemma.objects.all().delete()
    Source.objects.all().delete()
    Author.objects.all().delete()
    Cluster.objects.all().delete()
    build_lexicon(200)
    large = queries_per_page(client)
    grown = {url: (small[url], large[url]) for url in PAGES if large[url] > small[url]}
    assert not grown, grown
    # The lemma page's first read after a change also renders and stores its text (+4); its
    # versions, related choices and literature came with their own queries.
    assert max(small.values()) <= 22, small


def test_a_lemma_page_read_again_uses_its_stored_rendering(client):
    """The first reader after a change renders and stores the text; later readers read it with
    the lemma in the same query: fewer queries, and no Markdown rendering at all."""
    from unittest import mock

    from lexicon.content import rendering

    build_lexicon(5)
    caches["default"].clear()
    with CaptureQueriesContext(connection) as first:
        assert client.get("/lemma/lemma-0002/").status_code == 200
    caches["default"].clear()
    with mock.patch.object(rendering, "render_markdown", side_effect=AssertionError("rendered again")):
        with CaptureQueriesContext(connection) as again:
            response = client.get("/lemma/lemma-0002/")
    assert response.status_code == 200 and "Tekst 2." in response.content.decode()
    assert len(again.captured_queries) < len(first.captured_queries)
