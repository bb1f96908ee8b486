"""Citations a reader can paste or import: APA on the page, BibTeX and RIS downloads."""
from datetime import datetime, timezone

import pytest
from django.conf import settings

from lexicon.content import citation
from lexicon.content.models import Lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def lemma():
    make_clusters()
    authors = [make_author("Jos van der Lans", slug="jos-van-der-lans"), make_author("Radboud Engbersen", slug="re")]
    return make_lemma(
        "Sociale basis", slug="sociale-basis", subtitle="Wijk & 100% buurt_werk", authors=authors,
        lead="Sociale basis is een beleidsconcept.", published_at=datetime(2022, 6, 1, tzinfo=timezone.utc),
    )


def test_bibtex_entry_names_and_escaping(lemma):
    entry = citation.bibtex(lemma, "https://example.org/lemma/sociale-basis/")
    assert entry.startswith("@incollection{sociale-basis-2022,")
    # BibTeX's "von Last, First": sorts under L, prints "van der Lans"
    assert "author = {van der Lans, Jos and Engbersen, Radboud}" in entry
    assert r"title = {{Sociale basis: Wijk \& 100\% buurt\_werk}}" in entry
    assert "editor = {Veldboer, L. and Engbersen, R." in entry
    assert "year = {2022}" in entry
    assert entry.count("{") == entry.count("}")


def test_ris_record_is_a_book_section_with_crlf(lemma):
    record = citation.ris(lemma, "https://example.org/lemma/sociale-basis/")
    lines = record.split("\r\n")
    assert lines[0] == "TY  - CHAP"
    assert "AU  - Lans, Jos van der" in lines and "AU  - Engbersen, Radboud" in lines
    assert f"T2  - {settings.LEXICON['TITLE']}" in lines
    assert "A2  - Rözer, J." in lines
    assert "PY  - 2022" in lines and "UR  - https://example.org/lemma/sociale-basis/" in lines
    assert lines[-2] == "ER  - " and lines[-1] == ""
    assert all(line == "" or line[2:6] == "  - " for line in lines)


@pytest.mark.parametrize("suffix, mime, marker", [
    ("bib", "application/x-bibtex", "@incollection{"),
    ("ris", "application/x-research-info-systems", "TY  - CHAP"),
])
def test_downloads_are_utf8_attachments(client, lemma, suffix, mime, marker):
    response = client.get(f"/lemma/sociale-basis/citeer.{suffix}")
    assert response.status_code == 200
    assert response["Content-Type"] == f"{mime}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="sociale-basis.{suffix}"'
    text = response.content.decode("utf-8")
    assert marker in text and "Rözer" in text and "http://testserver/lemma/sociale-basis/" in text


def test_draft_citation_is_404_for_the_public(client, lemma):
    Lemma.objects.filter(pk=lemma.pk).update(status=Lemma.Status.DRAFT)
    assert client.get("/lemma/sociale-basis/citeer.bib").status_code == 404
    assert client.get("/lemma/onbekend/citeer.ris").status_code == 404


def test_lemma_page_links_the_downloads(client, lemma):
    html = client.get("/lemma/sociale-basis/").content.decode()
    assert 'href="/lemma/sociale-basis/citeer.bib"' in html
    assert 'href="/lemma/sociale-basis/citeer.ris"' in html
