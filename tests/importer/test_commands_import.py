"""manage.py import_lexicon and lexicon_quality: good input, determinism, and bad input."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lexicon.content.models import Author, CrossReference, Lemma, LemmaAuthor, Page
from tests.helpers.factories import make_lemma

from tests.helpers.importer import FIXTURE, SEED, TOC, needs_wordlist

pytestmark = [needs_wordlist, pytest.mark.django_db]


def run_import(seed=SEED, toc=TOC, fixture=None, database=True):
    args = [str(seed), "--toc", str(toc)]
    if fixture:
        args += ["--fixture", str(fixture)]
    if not database:
        args.append("--no-database")
    call_command("import_lexicon", *args, stdout=StringIO())


def snapshot():
    return (
        sorted(Lemma.objects.values_list("slug", "title", "body")),
        sorted(Author.objects.values_list("slug", "name")),
        sorted(LemmaAuthor.objects.values_list("lemma__slug", "author__slug", "position")),
        sorted(CrossReference.objects.values_list("source__slug", "target__slug", "kind")),
        sorted(Page.objects.values_list("slug", "body")),
    )


def test_regenerated_fixture_is_byte_identical_to_the_committed_one(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run_import(fixture=first, database=False)
    run_import(fixture=second, database=False)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == FIXTURE.read_bytes(), "fixtures/lexicon.json is stale: run `make fixture`"


def test_import_writes_the_lexicon_to_the_database():
    run_import()
    assert Lemma.objects.published().count() == 33
    assert Page.objects.filter(slug__in=["voorwoord", "inleiding", "colofon"]).count() == 3
    assert Lemma.objects.get(slug="menselijk-en-sociaal-kapitaal").ordered_authors[1].name == "Jesper Rözer"
    # running it again changes nothing
    before = snapshot()
    run_import()
    assert snapshot() == before


def test_loaddata_of_the_committed_fixture_gives_the_same_rows_as_the_import():
    call_command("loaddata", str(FIXTURE), stdout=StringIO())
    loaded = snapshot()
    run_import()
    assert snapshot() == loaded


def test_lexicon_quality_reports_totals():
    call_command("loaddata", str(FIXTURE), stdout=StringIO())
    out = StringIO()
    call_command("lexicon_quality", stdout=out)
    text = out.getvalue()
    assert "Totaal: 33 lemma's, 32 met auteurs, 4 clusters" in text
    assert "resterende paginakoppen: 0" in text
    assert "ë-for-é" in text


def test_lexicon_quality_on_an_empty_database_says_what_to_do():
    with pytest.raises(CommandError, match="loaddata"):
        call_command("lexicon_quality", stdout=StringIO())


# --- bad input: a clear error naming file and line, non-zero exit, the database untouched ---

@pytest.fixture
def existing():
    make_lemma("Bestaand lemma", slug="bestaand")
    return snapshot()


def assert_refused(seed, toc, match, existing):
    with pytest.raises(CommandError, match=match) as info:
        run_import(seed, toc)
    assert snapshot() == existing
    return str(info.value)


def test_truncated_seed(tmp_path, existing):
    seed = tmp_path / "afgekapt.txt"
    seed.write_text("\n".join(SEED.read_text(encoding="utf-8").split("\n")[:5000]), encoding="utf-8")
    message = assert_refused(seed, TOC, "afgekapt", existing)
    assert str(seed) in message and "regel 5000" in message


def test_unknown_cluster_in_toc(tmp_path, existing):
    toc = tmp_path / "toc.tsv"
    toc.write_text(TOC.read_text(encoding="utf-8").replace("\tgeografisch\thigh\t1981", "\tstedelijk\thigh\t1981"),
                   encoding="utf-8")
    message = assert_refused(SEED, toc, "onbekend cluster 'stedelijk'", existing)
    assert f"{toc}, regel 9" in message


def test_title_not_found_in_text(tmp_path, existing):
    toc = tmp_path / "toc.tsv"
    toc.write_text(TOC.read_text(encoding="utf-8").replace("\tVertrouwen\t", "\tWantrouwen\t"), encoding="utf-8")
    message = assert_refused(SEED, toc, "'Wantrouwen' niet gevonden", existing)
    assert f"{toc}, regel 4" in message


def test_empty_seed(tmp_path, existing):
    seed = tmp_path / "leeg.txt"
    seed.write_text("\n\n", encoding="utf-8")
    assert str(seed) in assert_refused(seed, TOC, "leeg", existing)


def test_seed_in_another_encoding(tmp_path, existing):
    seed = tmp_path / "latin1.txt"
    seed.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    message = assert_refused(seed, TOC, "UTF-8", existing)
    assert f"{seed}, regel 12" in message  # 'één' on line 12 is the first non-ASCII character


def test_binary_toc(tmp_path, existing):
    toc = tmp_path / "toc.tsv"
    toc.write_bytes(b"\x00\x01\x02binary")
    assert_refused(SEED, toc, str(toc), existing)


def test_missing_file(tmp_path, existing):
    assert_refused(tmp_path / "bestaat-niet.txt", TOC, "bestaat-niet.txt", existing)


def test_missing_word_list_is_a_clear_error(monkeypatch, tmp_path, existing):
    monkeypatch.setenv("LEXICON_WORDLIST", str(tmp_path / "geen-woordenlijst"))
    assert_refused(SEED, TOC, "wdutch", existing)


def test_new_rows_after_the_import_get_fresh_primary_keys():
    run_import()
    lemma = make_lemma("Nieuw lemma na de import", slug="nieuw-na-import")
    assert lemma.pk > 33
