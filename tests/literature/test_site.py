"""Works and citations on the site: the Literatuur section, links in the text, downloads, the
works page, the admin and the API. SQLite and PostgreSQL alike."""
import pytest
from django.urls import reverse

from lexicon.literature.models import Citation, Work
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db
BODY = ("Er zijn pleidooien voor basisbanen (WRR, 2020) en een basisinkomen (Bregman, 2019).\n\n"
        "Zo beschrijven Kampen, Bredewold en Tonkens (2018) de participatiesamenleving.")


@pytest.fixture
def cited(settings):
    """A lemma saved with three citations in its text: saving it made the works and citations."""
    settings.PAGE_CACHE_ENABLED = False
    lemma = make_lemma("Sociale basis", slug="sociale-basis", body=BODY)
    Work.objects.filter(key="wrr-2020").update(title="Het betere werk", publisher="WRR", url="https://www.wrr.nl/")
    wrr, bregman, kampen = (Work.objects.get(key=key) for key in
                            ("wrr-2020", "bregman-2019", "kampen-bredewold-tonkens-2018"))
    return lemma, wrr, bregman, kampen


def test_saving_a_lemma_keeps_its_citations_in_step_with_the_text(cited):
    lemma, wrr, bregman, kampen = cited
    assert [c.work for c in lemma.citations.order_by("position")] == [wrr, bregman, kampen]
    manual = Work.objects.create(key="schout-2011", authors="Schout, G.", cited_as="Schout", year="2011")
    Citation.objects.create(lemma=lemma, work=manual)  # an editor's addition, not in the text
    lemma.body = "Basisbanen (WRR, 2020; Tonkens, 2009) en nog eens basisbanen (WRR, 2020)."
    lemma.save()
    works = {c.work.key: c for c in Citation.objects.filter(lemma=lemma)}
    assert set(works) == {"wrr-2020", "tonkens-2009", "schout-2011"}
    assert works["wrr-2020"].times == 2 and works["wrr-2020"].work.title == "Het betere werk"
    assert Work.objects.filter(key="bregman-2019").exists()  # the work stays for other lemmas


def test_complete_is_title_and_a_place_to_find_it(cited):
    _, wrr, bregman, _ = cited
    assert wrr.complete and not bregman.complete
    assert set(Work.objects.incomplete()) == {bregman, cited[3]}
    bregman.title = "Gratis geld voor iedereen"
    assert not bregman.complete  # a title alone does not tell a student where to find it
    bregman.publisher = "De Correspondent"
    assert bregman.complete


def test_lemma_page_lists_works_and_links_each_citation(client, cited):
    html = client.get("/lemma/sociale-basis/").content.decode()
    assert '<h2 id="literatuur">Literatuur</h2>' in html
    assert '<a class="cite-ref" href="#lit-wrr-2020">WRR, 2020</a>' in html
    assert '<a class="cite-ref" href="#lit-bregman-2019">Bregman, 2019</a>' in html
    assert '<a class="cite-ref" href="#lit-kampen-bredewold-tonkens-2018">Kampen, Bredewold en Tonkens (2018)</a>' in html
    assert 'id="lit-wrr-2020"' in html and "<cite>Het betere werk</cite>" in html
    assert html.count("nog aan te vullen") >= 2  # Bregman and Kampen are shown honestly incomplete


def test_completing_a_work_in_the_admin_changes_the_cached_page(client, cited, admin_client, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert "Gratis geld voor iedereen" not in client.get("/lemma/sociale-basis/").content.decode()
    bregman = cited[2]
    response = admin_client.post(reverse("admin:lexicon_literature_work_change", args=[bregman.pk]), {
        "authors": "Bregman, R.", "cited_as": "Bregman", "year": "2019", "title": "Gratis geld voor iedereen",
        "publisher": "De Correspondent", "doi": "", "url": "", "note": "",
        "citations-TOTAL_FORMS": "1", "citations-INITIAL_FORMS": "1", "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000", "citations-0-id": str(bregman.citations.get().pk),
        "citations-0-work": str(bregman.pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "<cite>Gratis geld voor iedereen</cite>" in client.get("/lemma/sociale-basis/").content.decode()


def test_admin_filters_incomplete_works_and_searches(admin_client, cited):
    url = reverse("admin:lexicon_literature_work_changelist")
    incomplete = admin_client.get(url, {"volledig": "nee"}).content.decode()
    assert "Bregman" in incomplete and "Het betere werk" not in incomplete
    assert "onvolledig" in incomplete
    found = admin_client.get(url, {"q": "betere"}).content.decode()
    assert "Het betere werk" in found and "Kampen" not in found


def test_bibtex_and_ris_of_a_lemmas_literature(client, cited):
    bib = client.get("/lemma/sociale-basis/literatuur.bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    text = bib.content.decode()
    assert "@book{wrr-2020," in text and "title = {{Het betere werk}}" in text
    assert "@misc{bregman-2019," in text and "nog aan te vullen" in text
    assert "author = {{Kampen} and {Bredewold} and {Tonkens}}" in text
    ris = client.get("/lemma/sociale-basis/literatuur.ris").content.decode()
    assert ris.count("TY  - ") == 3 and ris.count("ER  - ") == 3 and "UR  - https://www.wrr.nl/" in ris


def test_downloads_of_a_missing_or_draft_lemma_are_404(client, cited):
    make_lemma("Concept", slug="concept", status="concept")
    assert client.get("/lemma/bestaat-niet/literatuur.bib").status_code == 404
    assert client.get("/lemma/concept/literatuur.ris").status_code == 404


def test_works_page_lists_works_a_to_z_with_citing_lemmas(client, cited):
    make_lemma("Wederkerigheid", slug="wederkerigheid", body="Zie ook (WRR, 2020).")
    html = client.get("/literatuur/").content.decode()
    assert html.index("Bregman") < html.index("Kampen") < html.index("WRR")
    assert 'href="/lemma/wederkerigheid/#lit-wrr-2020"' in html and 'href="/lemma/sociale-basis/#lit-wrr-2020"' in html


def test_api_lists_works_with_the_citing_sentences(client, cited):
    data = client.get("/api/literatuur/", {"lemma": "sociale-basis"}).json()
    assert data["count"] == 3
    wrr = next(w for w in data["results"] if w["key"] == "wrr-2020")
    assert wrr["complete"] is True and wrr["cited_in"][0]["lemma"]["slug"] == "sociale-basis"
    assert wrr["cited_in"][0]["url"].endswith("/lemma/sociale-basis/#lit-wrr-2020")
    assert wrr["cited_in"][0]["sentences"] == ["Er zijn pleidooien voor basisbanen (WRR, 2020) en een basisinkomen (Bregman, 2019)."]
    assert client.get("/api/literatuur/", {"onvolledig": "true"}).json()["count"] == 2
    assert client.get("/api/literatuur/", {"lemma": "bestaat-niet"}).json()["count"] == 0


def test_quality_report_counts_incomplete_works(cited):
    from lexicon.importer.quality import literature_report

    report = literature_report()
    assert (report.works, report.incomplete, report.citations) == (3, 2, 3)
    assert report.lemmas_all_incomplete == []


def test_a_redacteur_completes_a_work_in_the_admin(client, cited):
    from tests.helpers.editorial import make_user

    client.force_login(make_user("redacteur1", "redacteur"))
    listing = client.get(reverse("admin:lexicon_literature_work_changelist"), {"volledig": "nee"})
    assert listing.status_code == 200 and "Bregman" in listing.content.decode()
    bregman = cited[2]
    page = client.get(reverse("admin:lexicon_literature_work_change", args=[bregman.pk]))
    assert page.status_code == 200 and 'name="title"' in page.content.decode()


def test_works_page_is_in_the_sitemap(client, cited):
    assert b"<loc>http://testserver/literatuur/</loc>" in client.get("/sitemap.xml").content
