"""Readers looking up a term land on the lemmas before the long source chapters that mention it."""
import pytest

from lexicon.content.models import Source, SourceSection
from tests.helpers.factories import make_clusters, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(django_capture_on_commit_callbacks):
    sociaal = make_clusters()[0]
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(12):
            make_lemma(f"Sociale teams {i}", cluster=sociaal,
                       body="Sociale teams voeren het keukentafelgesprek met inwoners.\n\n## Werkwijze\n\nDichtbij.")
        source = Source.objects.create(title="De verhuizing van de verzorgingsstaat", slug="verhuizing",
                                       authors="Duyvendak en Tonkens")
        for i in range(14):
            SourceSection.objects.create(
                source=source, order=i, title=f"Emotiemanagement {i}", anchor=f"hoofdstuk-{i}",
                body=" ".join(["Het keukentafelgesprek is een gesprek aan de keukentafel."] * 8),
            )


def pages(client, n):
    return [client.get("/api/zoeken", {"q": "keukentafelgesprek", "page": p}).json() for p in range(1, n + 1)]


def test_lemmas_come_before_sources_that_match_more_often(client, mixed):
    first, second, third = pages(client, 3)
    assert first["total"] == 26 and first["num_pages"] == 3
    assert [r["kind"] for r in first["results"]] == ["lemma"] * 10
    assert [r["kind"] for r in second["results"]] == ["lemma"] * 2 + ["bron"] * 8
    assert [r["kind"] for r in third["results"]] == ["bron"] * 6
    urls = [r["url"] for page in (first, second, third) for r in page["results"]]
    assert len(urls) == len(set(urls)) == 26  # every result once, the pages do not overlap


def test_search_page_labels_sources_after_the_lemmas(client, mixed):
    html = client.get("/zoeken/", {"q": "keukentafelgesprek", "page": 2}).content.decode()
    assert html.index("Sociale teams") < html.index("Emotiemanagement")
    assert "Bron" in html


def test_a_lead_that_opens_the_body_is_not_shown_twice_in_a_snippet(client, django_capture_on_commit_callbacks):
    lead = "Er zijn de afgelopen jaren talloze keukentafelgesprekken gevoerd."
    with django_capture_on_commit_callbacks(execute=True):
        make_lemma("Verhuiselijking", slug="verhuiselijking", lead=lead,
                   body=lead + "\n\nSinds de gemeenten verantwoordelijk zijn, gaat het anders.")
    [hit] = client.get("/api/zoeken", {"q": "keukentafelgesprek"}).json()["results"]
    assert hit["text"].count("talloze") == 1



@pytest.mark.parametrize("query", ["buurten", "keukentafelgesprek", "eenzaamheid", "sociale basis"])
def test_searching_the_whole_book_works(client, query):
    """The real lexicon and its sources, indexed as `make run` does."""
    from django.core.management import call_command

    call_command("load_lexicon", verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    data = client.get("/api/zoeken", {"q": query}).json()
    assert data["total"] >= len(data["results"]) > 0
    assert data["results"][0]["kind"] == "lemma"
