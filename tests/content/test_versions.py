"""Citable versions: frozen copies of published texts, never of drafts; citations carry the version."""
from datetime import datetime, timezone as tz

import pytest
from django.test import override_settings

from lexicon.content import citation
from lexicon.content.models import Lemma, LemmaVersion
from lexicon.content.models.versions import ensure_first_versions, freeze, with_last_change
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db
BOOK_DATE = datetime(2022, 1, 1, tzinfo=tz.utc)


@pytest.fixture
def lemma():
    author = make_author("Jos van der Lans", slug="jos")
    return make_lemma("Presentie", slug="presentie", authors=[author], lead="Erbij zijn.", published_at=BOOK_DATE)


def test_book_text_is_version_one_dated_the_book(lemma):
    make_lemma("Concept", slug="concept", status=Lemma.Status.DRAFT)
    assert ensure_first_versions() == 1  # the draft gets none
    version = lemma.versions.get()
    assert (version.number, version.published_at, version.author_names) == (1, BOOK_DATE, ["Jos van der Lans"])
    assert version.body == lemma.body and "boek" in version.note
    assert ensure_first_versions() == 0  # idempotent


def test_a_version_is_frozen_while_the_lemma_changes(lemma):
    ensure_first_versions()
    old_body = lemma.body
    lemma.body = "Een heel andere tekst."
    lemma.save()
    assert lemma.versions.get(number=1).body == old_body
    second = freeze(lemma, "Herschreven.")
    assert (second.number, second.body, second.note) == (2, "Een heel andere tekst.", "Herschreven.")


def test_unchanged_text_makes_no_new_version(lemma):
    first = freeze(lemma, "Eerste publicatie.")
    assert freeze(lemma, "Nog eens gepubliceerd.") == first
    assert lemma.versions.count() == 1


def test_a_draft_never_becomes_a_version():
    draft = make_lemma("Concept", slug="concept", status=Lemma.Status.DRAFT)
    with pytest.raises(ValueError):
        freeze(draft, "")
    assert not LemmaVersion.objects.exists()


def test_last_change_is_the_latest_version_date(lemma):
    ensure_first_versions()
    assert with_last_change(Lemma.objects.all()).get().last_change == BOOK_DATE
    lemma.body += " Meer."
    lemma.save()
    later = freeze(lemma, "Aangevuld.", published_at=datetime(2026, 12, 3, 10, tzinfo=tz.utc))
    assert with_last_change(Lemma.objects.all()).get().last_change == later.published_at


@override_settings(TIME_ZONE="Europe/Amsterdam")
def test_citations_name_the_version_and_its_date(lemma):
    ensure_first_versions()
    lemma.body += " Meer."
    lemma.save()
    version = freeze(lemma, "Aangevuld.", published_at=datetime(2026, 12, 3, 10, tzinfo=tz.utc))
    url = "https://lexicon.example/lemma/presentie/versies/2/"
    apa = citation.apa(version, url)
    assert apa["before"].startswith("Lans, J. van der (2026, 3 december). Presentie (versie 2). In ")
    assert apa["after"].endswith(url)
    bib = citation.bibtex(version, url)
    assert "@incollection{presentie-v2," in bib and "version = {2}" in bib and "date = {2026-12-03}" in bib
    ris = citation.ris(version, url)
    assert "ET  - versie 2\r\n" in ris and "DA  - 2026/12/03\r\n" in ris and f"UR  - {url}\r\n" in ris
    first = lemma.versions.get(number=1)
    assert citation.apa(first, url)["before"].startswith("Lans, J. van der (2022). Presentie (versie 1).")
    # The living lemma is cited as before.
    assert "versie" not in citation.apa(lemma, url)["before"]
