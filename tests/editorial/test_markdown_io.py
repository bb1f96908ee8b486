"""Lemmas as Markdown files with front matter: export, import, and a lossless round trip."""
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from lexicon.editorial import markdown_io
from lexicon.content.models import Author, CrossReference, Lemma, LemmaAuthor, SlugRedirect
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_ref

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"
FIELDS = ["title", "slug", "subtitle", "cluster_id", "order", "lead", "body", "alternative_terms", "status", "published_at"]


def snapshot():
    """Everything an editor can set, for every lemma, keyed by slug."""
    lemmas = {}
    for lemma in Lemma.objects.all():
        lemmas[lemma.slug] = {
            **{f: getattr(lemma, f) for f in FIELDS},
            "authors": [(la.author.name, la.position) for la in LemmaAuthor.objects.filter(lemma=lemma).order_by("position")],
            "refs": sorted(lemma.outgoing_refs.values_list("target__slug", "kind", "note")),
            "old_slugs": sorted(lemma.old_slugs.values_list("old_slug", flat=True)),
        }
    return lemmas


def wipe_lemmas():
    Lemma.objects.all().delete()
    assert not CrossReference.objects.exists() and not LemmaAuthor.objects.exists()


def assert_round_trip(tmp_path):
    before = snapshot()
    assert before
    call_command("export_lexicon", str(tmp_path / "export"))
    wipe_lemmas()
    call_command("import_markdown", str(tmp_path / "export"))
    after = snapshot()
    assert after.keys() == before.keys()
    for slug in before:
        assert after[slug] == before[slug], slug


@pytest.fixture
def small_lexicon():
    sociaal, geo, *_ = make_clusters()
    a = make_author("Radboud Engbersen", slug="radboud-engbersen")
    b = make_author("Jos van der Lans", slug="jos-van-der-lans")
    basis = make_lemma(
        "Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[b, a], order=1,
        subtitle="Een beleidsconcept: ‘nabij’ & dichtbij", lead="Eerste regel.\nTweede regel: met dubbelepunt.",
        alternative_terms="basisvoorzieningen, sociale infrastructuur",
        published_at=datetime(2022, 6, 1, 12, 30, tzinfo=timezone.utc),
        body="Tekst met [[Vertrouwen]], een voetnoot[^1] en een regel met ---\n\n---\n\n## Kop\n\n[^1]: Noot.\n",
    )
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, authors=[a], order=2,
                            body="Windows-regeleinden\r\nblijven\r\n", lead="")
    draft = make_lemma("No", slug="no", cluster=geo, order=3, status=Lemma.Status.DRAFT, body="")
    make_ref(basis, vertrouwen)
    make_ref(basis, vertrouwen, kind=CrossReference.Kind.MENTION)
    CrossReference.objects.create(source=draft, target=basis, kind=CrossReference.Kind.EDITOR, note="Zie vooral §2")
    SlugRedirect.objects.create(old_slug="oude-basis", lemma=basis)
    return {"basis": basis, "vertrouwen": vertrouwen, "draft": draft}


def test_export_writes_one_markdown_file_per_lemma_with_front_matter(tmp_path, small_lexicon):
    paths = markdown_io.export_lexicon(tmp_path)
    assert sorted(p.name for p in paths) == ["no.md", "sociale-basis.md", "vertrouwen.md"]
    text = (tmp_path / "sociale-basis.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    header = yaml.safe_load(text.split("---\n")[1])
    assert header["title"] == "Sociale basis"
    assert header["authors"] == ["Jos van der Lans", "Radboud Engbersen"]  # in book order, not alphabetical
    assert header["cluster"] == "sociaal" and header["status"] == "gepubliceerd"
    assert {"target": "vertrouwen", "kind": "zie-ook"} in header["cross_references"]
    assert text.endswith("[^1]: Noot.\n")
    # A title YAML would read as a boolean stays a string.
    assert yaml.safe_load((tmp_path / "no.md").read_text().split("---\n")[1])["title"] == "No"


def test_round_trip_small_lexicon_loses_nothing(tmp_path, small_lexicon):
    assert_round_trip(tmp_path)


def test_round_trip_whole_lexicon_loses_nothing(tmp_path):
    if not FIXTURE.exists():
        pytest.skip("fixtures/lexicon.json does not exist yet (produced by the importer task)")
    call_command("loaddata", str(FIXTURE), verbosity=0)
    assert Lemma.objects.count() >= 30
    assert_round_trip(tmp_path)


def test_import_updates_existing_lemmas_and_creates_new_ones(tmp_path, small_lexicon):
    markdown_io.export_lexicon(tmp_path)
    path = tmp_path / "vertrouwen.md"
    path.write_text(path.read_text().replace("title: Vertrouwen", "title: Vertrouwen in de wijk"), encoding="utf-8")
    (tmp_path / "buurtkracht.md").write_text(
        "---\ntitle: Buurtkracht\nslug: buurtkracht\ncluster: geografisch\nauthors: [Nieuwe Auteur]\n---\nTekst.\n",
        encoding="utf-8",
    )
    version = Lemma.objects.get(slug="vertrouwen").version
    created, updated = markdown_io.import_directory(tmp_path)
    assert (created, updated) == (1, 3)
    changed = Lemma.objects.get(slug="vertrouwen")
    assert changed.title == "Vertrouwen in de wijk" and changed.version > version
    new = Lemma.objects.get(slug="buurtkracht")
    assert new.status == Lemma.Status.DRAFT and new.body == "Tekst.\n"
    assert [a.name for a in new.ordered_authors] == ["Nieuwe Auteur"]
    assert Author.objects.filter(name="Nieuwe Auteur", slug="nieuwe-auteur").exists()


@pytest.mark.parametrize("content, message", [
    ("geen front matter\n", "begint niet met front matter"),
    ("---\ntitle: X\nslug: x\n", "niet afgesloten"),
    ("---\ntitle: [kapot\n---\n", "ongeldige YAML"),
    ("---\n- een\n- lijst\n---\n", "geen lijst van velden"),
    ("---\ntitle: X\nslug: x\n---\n", "verplicht veld ‘cluster’"),
    ("---\ntitle: X\nslug: x\ncluster: maan\n---\n", "onbekend cluster ‘maan’"),
    ("---\ntitle: X\nslug: Met Spatie\ncluster: sociaal\n---\n", "geen geldige slug"),
    ("---\ntitle: X\nslug: x\ncluster: sociaal\nstatus: klaar\n---\n", "onbekende status ‘klaar’"),
    ("---\ntitle: X\nslug: x\ncluster: sociaal\norder: veel\n---\n", "order moet een geheel getal"),
    ("---\ntitle: X\nslug: x\ncluster: sociaal\npublished_at: gisteren\n---\n", "geen datum"),
    ("---\ntitle: X\nslug: x\ncluster: sociaal\ncross_references: [{target: nergens}]\n---\n", "onbekend lemma ‘nergens’"),
    ("---\ntitle: X\nslug: x\ncluster: sociaal\nauthors: Jan\n---\n", "lijst van namen"),
])
def test_malformed_file_names_the_file_and_changes_nothing(tmp_path, small_lexicon, content, message):
    markdown_io.export_lexicon(tmp_path)
    edited = tmp_path / "vertrouwen.md"
    edited.write_text(edited.read_text().replace("title: Vertrouwen", "title: Gewijzigd"), encoding="utf-8")
    (tmp_path / "zz-kapot.md").write_text(content, encoding="utf-8")
    before = snapshot()
    with pytest.raises(markdown_io.MarkdownImportError) as exc:
        markdown_io.import_directory(tmp_path)
    assert "zz-kapot.md" in str(exc.value) and message in str(exc.value)
    assert snapshot() == before


def test_binary_file_is_refused_clearly(tmp_path, small_lexicon):
    (tmp_path / "plaatje.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    with pytest.raises(markdown_io.MarkdownImportError, match="plaatje.md: geen UTF-8"):
        markdown_io.import_directory(tmp_path)


def test_import_is_one_revision_with_authors_and_references(tmp_path, small_lexicon):
    from reversion.models import Version

    markdown_io.export_lexicon(tmp_path)
    wipe_lemmas()
    markdown_io.import_directory(tmp_path)
    basis = Lemma.objects.get(slug="sociale-basis")
    version = Version.objects.get_for_object(basis).get()
    models = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"lemma", "lemmaauthor", "crossreference"} <= models
    assert version.revision.comment == "Geïmporteerd uit Markdown."
