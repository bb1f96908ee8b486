"""Publishing writes citable versions: the chief's change note, no version for an unchanged text or a
draft, and a Markdown import that changes a published text makes a new version too."""
import pytest

from lexicon.content.models import Lemma
from lexicon.editorial import markdown_io, workflow
from tests.helpers.editorial import make_user
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return make_user("hoofd1", workflow.CHIEF_GROUP)


def test_publishing_writes_a_version_with_the_note_and_republishing_unchanged_does_not(chief):
    lemma = make_lemma("Presentie", slug="presentie", status=Lemma.Status.REVIEW, authors=[make_author("Jos Lans")])
    assert not lemma.versions.exists()
    workflow.set_status(lemma, Lemma.Status.PUBLISHED, chief, note="Eerste publicatie.")
    assert list(lemma.versions.values_list("number", "note", "author_names")) == [(1, "Eerste publicatie.", ["Jos Lans"])]
    workflow.set_status(lemma, Lemma.Status.DRAFT, chief)
    lemma.body += "\n\nNieuwe alinea in concept."
    lemma.save()
    assert lemma.versions.count() == 1  # a draft is never a version
    workflow.set_status(lemma, Lemma.Status.PUBLISHED, chief, note="Alinea toegevoegd.")
    workflow.set_status(lemma, Lemma.Status.PUBLISHED, chief, note="Nog eens.")
    assert list(lemma.versions.values_list("number", "note")) == [(1, "Eerste publicatie."), (2, "Alinea toegevoegd.")]
    assert lemma.versions.get(number=2).body.endswith("Nieuwe alinea in concept.")


def test_an_editor_cannot_publish_so_writes_no_version():
    editor = make_user("redacteur1", workflow.EDITOR_GROUP)
    lemma = make_lemma("Presentie", slug="presentie", status=Lemma.Status.REVIEW)
    with pytest.raises(PermissionError):
        workflow.set_status(lemma, Lemma.Status.PUBLISHED, editor, note="Mag niet.")
    assert not lemma.versions.exists()


def test_a_markdown_import_that_changes_a_published_text_makes_a_version(tmp_path, chief):
    lemma = make_lemma("Presentie", slug="presentie", status=Lemma.Status.REVIEW)
    workflow.set_status(lemma, Lemma.Status.PUBLISHED, chief, note="Eerste publicatie.")
    (path,) = markdown_io.export_lexicon(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "\nEen alinea uit de Markdown.\n", encoding="utf-8")
    markdown_io.import_directory(tmp_path)
    latest = lemma.versions.order_by("-number").first()
    assert latest.number == 2 and "Een alinea uit de Markdown." in latest.body and "Markdown" in latest.note
    markdown_io.import_directory(tmp_path)  # the same files again: nothing new
    assert lemma.versions.count() == 2
