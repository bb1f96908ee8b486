"""A reader's view of citable versions: the list, one version with its banner and citation, what
changed, the lemma page's true date, the home page's recent list, the API; never a draft."""
from datetime import datetime, timezone as tz

import pytest

from lexicon.content.models import Lemma
from lexicon.content.models.versions import ensure_first_versions, freeze
from tests.helpers.editorial import form_data, make_user
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db
BOOK_DATE = datetime(2022, 1, 1, tzinfo=tz.utc)
LATER = datetime(2026, 11, 20, 12, tzinfo=tz.utc)


@pytest.fixture
def presentie(settings):
    settings.PAGE_CACHE_ENABLED = False
    author = make_author("Jos van der Lans", slug="jos")
    lemma = make_lemma("Presentie", slug="presentie", authors=[author], lead="Erbij zijn.",
                       body="Eerste alinea over presentie.\n\nTweede alinea, ongewijzigd.", published_at=BOOK_DATE)
    make_lemma("Buurtteams", slug="buurtteams", published_at=BOOK_DATE)
    ensure_first_versions()
    lemma.body = "Eerste alinea over presentie en nabijheid.\n\nTweede alinea, ongewijzigd."
    lemma.save()
    freeze(lemma, "Eerste alinea aangevuld.", published_at=LATER)
    return lemma


def test_versions_page_lists_each_version_with_date_and_note(client, presentie):
    html = client.get("/lemma/presentie/versies/").content.decode()
    assert html.index("Versie 2") < html.index("Versie 1")
    assert "20 november 2026" in html and "Eerste alinea aangevuld." in html
    assert "1 januari 2022" in html and "Tekst uit het boek (2022)." in html
    assert 'href="/lemma/presentie/versies/1/"' in html and 'href="/lemma/presentie/versies/2/wijzigingen/"' in html


def test_an_old_version_shows_its_own_text_a_banner_and_how_to_cite_it(client, presentie):
    html = client.get("/lemma/presentie/versies/1/").content.decode()
    assert "U leest versie 1 van 1 januari 2022." in html
    assert 'Lees de huidige versie</a>' in html and 'href="/lemma/presentie/"' in html
    assert "Eerste alinea over presentie." in html and "nabijheid" not in html.split("lemma-body")[1].split("</div>")[0]
    assert "Citeer deze versie" in html
    assert "Lans, J. van der (2022). Presentie (versie 1)." in html
    assert "http://testserver/lemma/presentie/versies/1/" in html
    assert "@incollection{presentie-v1," in html and "ET  - versie 1" in html
    current = client.get("/lemma/presentie/versies/2/").content.decode()
    assert "Dit is de huidige versie." in current and "(2026, 20 november)" in current


def test_version_citation_downloads(client, presentie):
    bib = client.get("/lemma/presentie/versies/2/citeer.bib")
    assert bib["Content-Disposition"] == 'attachment; filename="presentie-versie-2.bib"'
    assert "date = {2026-11-20}" in bib.content.decode()
    assert "DA  - 2026/11/20" in client.get("/lemma/presentie/versies/2/citeer.ris").content.decode()


def test_what_changed_shows_only_the_changed_paragraph(client, presentie):
    html = client.get("/lemma/presentie/versies/2/wijzigingen/").content.decode()
    assert "<ins> en nabijheid</ins>" in html
    assert "Tweede alinea" not in html
    assert client.get("/lemma/presentie/versies/1/wijzigingen/").status_code == 404


def test_lemma_page_shows_the_true_last_update_and_links_the_versions(client, presentie):
    html = client.get("/lemma/presentie/").content.decode()
    assert "Laatst bijgewerkt" in html and '<time datetime="2026-11-20' in html
    assert 'href="/lemma/presentie/versies/"' in html
    assert 'href="/lemma/presentie/versies/2/#cite-title"' in html


def test_home_recent_list_uses_version_dates_not_row_saves(client, presentie):
    Lemma.objects.get(slug="buurtteams").save()  # a save publishes nothing new
    html = client.get("/").content.decode()
    recent = html.split('id="recent-title"')[1]
    assert recent.index("Presentie") < recent.index("Buurtteams")
    assert "20 november 2026" in recent and "1 januari 2022" in recent


def test_no_version_of_a_draft_or_of_a_withdrawn_lemma_is_public(client, presentie):
    draft = make_lemma("Concept", slug="concept", status=Lemma.Status.DRAFT)
    assert not draft.versions.exists()
    assert client.get("/lemma/concept/versies/").status_code == 404
    Lemma.objects.filter(slug="presentie").update(status=Lemma.Status.DRAFT)
    for url in ["/lemma/presentie/versies/", "/lemma/presentie/versies/1/", "/api/lemmas/presentie/versies/"]:
        assert client.get(url).status_code == 404, url
    assert client.get("/lemma/presentie/versies/9/").status_code == 404


def test_missing_version_is_a_clear_404(client, presentie):
    response = client.get("/lemma/presentie/versies/9/")
    assert response.status_code == 404 and "geen versie 9" in response.content.decode()


def test_api_lists_and_serves_versions(client, presentie):
    data = client.get("/api/lemmas/presentie/versies/").json()
    assert data["count"] == 2 and [v["number"] for v in data["results"]] == [2, 1]
    assert data["results"][0]["note"] == "Eerste alinea aangevuld."
    assert data["results"][1]["url"] == "http://testserver/lemma/presentie/versies/1/"
    one = client.get("/api/lemmas/presentie/versies/1/").json()
    assert one["body_markdown"].startswith("Eerste alinea over presentie.\n") and one["authors"] == ["Jos van der Lans"]
    assert "(versie 1)" in one["citation"]["apa"]
    assert client.get("/api/lemmas/presentie/versies/7/").json()["status"] == 404
    assert client.get("/api/lemmas/presentie/").status_code == 200  # the lemma route still answers
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/lemmas/{slug}/versies/{number}/" in paths


def test_chief_publishing_an_edit_from_the_form_writes_a_version_with_the_note(client, presentie):
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    url = f"/beheer/lexicon/lemma/{presentie.pk}/change/"
    data = form_data(client.get(url))
    data.update(body=presentie.body + "\n\nDerde alinea.", change_note="Derde alinea toegevoegd.")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = presentie.versions.order_by("-number").first()
    assert (latest.number, latest.note) == (3, "Derde alinea toegevoegd.")
    assert latest.body.endswith("Derde alinea.")
    client.post(url, form_data(client.get(url)))  # saved again unchanged: no new version
    assert presentie.versions.count() == 3



def test_structured_data_dates_the_lemma_by_its_latest_version(client, presentie):
    Lemma.objects.filter(pk=presentie.pk).update(updated=BOOK_DATE)  # a row date that says nothing
    html = client.get("/lemma/presentie/").content.decode()
    assert '"dateModified": "2026-11-20T12:00:00+00:00"' in html and '"version": "2"' in html
    assert '<meta property="article:modified_time" content="2026-11-20T13:00:00+01:00">' in html


def test_absurd_version_numbers_are_a_plain_404(client, presentie):
    for url in ["/lemma/presentie/versies/99999999999999999999999/", "/lemma/presentie/versies/0/",
                "/lemma/presentie/versies/99999999999999999999999/citeer.bib",
                "/api/lemmas/presentie/versies/99999999999999999999999/", "/api/lemmas/presentie/versies/-1/",
                "/api/lemmas/presentie/versies/een/", "/api/lemmas/bestaat-niet/versies/"]:
        response = client.get(url)
        assert response.status_code in (400, 404), (url, response.status_code)
