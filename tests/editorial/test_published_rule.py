"""Every change to a published page follows the publish right and leaves a revision: cross-
references and authors too, not only the lemma text (issue 17.4)."""
import pytest
from reversion.models import Version

from lexicon.content.models import Author, CrossReference, Lemma
from tests.helpers.editorial import make_user
from tests.helpers.factories import make_author, make_lemma, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon():
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    live = make_lemma("Buurt", slug="buurt", authors=[author])
    other = make_lemma("Wijk", slug="wijk")
    draft = make_lemma("Concept", slug="concept", status=Lemma.Status.DRAFT)
    draft_author = make_author("Nog Onbekend", slug="nog-onbekend")
    draft.lemma_authors.create(author=draft_author, position=0)
    ref = make_ref(live, other)
    return {"author": author, "live": live, "other": other, "draft": draft, "draft_author": draft_author, "ref": ref}


@pytest.fixture
def editor(client):
    client.force_login(make_user("redacteur1", "redacteur"))
    return client


@pytest.fixture
def chief(client):
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    return client


def page(client, slug):
    return client.get(f"/lemma/{slug}/").content.decode()


def test_an_editor_cannot_change_the_references_of_a_published_lemma(editor, lexicon, client):
    ref = lexicon["ref"]
    url = f"/beheer/lexicon/crossreference/{ref.pk}/"
    assert editor.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    response = editor.post(f"{url}change/", {"source": lexicon["live"].pk, "target": lexicon["draft"].pk,
                                             "kind": ref.kind, "note": ""})
    assert response.status_code == 403
    response = editor.post("/beheer/lexicon/crossreference/add/", {
        "source": lexicon["live"].pk, "target": lexicon["draft"].pk, "kind": CrossReference.Kind.SEE_ALSO, "note": ""})
    assert response.status_code == 200 and "alleen de hoofdredacteur" in response.content.decode()
    assert list(CrossReference.objects.values_list("pk", flat=True)) == [ref.pk]
    assert "alleen de hoofdredacteur" in editor.get(f"{url}change/").content.decode()  # read-only view
    assert not Version.objects.get_for_object(lexicon["live"]).exists()


def test_an_editor_may_change_the_references_of_a_draft(editor, lexicon):
    response = editor.post("/beheer/lexicon/crossreference/add/", {
        "source": lexicon["draft"].pk, "target": lexicon["live"].pk, "kind": CrossReference.Kind.SEE_ALSO, "note": ""})
    assert response.status_code == 302
    assert CrossReference.objects.filter(source=lexicon["draft"]).exists()


def test_the_chief_changes_a_reference_and_the_lemma_history_shows_it(chief, lexicon, client):
    ref = lexicon["ref"]
    assert "/lemma/wijk/" in page(client, "buurt")
    assert chief.post(f"/beheer/lexicon/crossreference/{ref.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not CrossReference.objects.filter(pk=ref.pk).exists()
    versions = Version.objects.get_for_object(lexicon["live"])
    assert versions.count() == 1 and "Kruisverwijzing" in versions[0].revision.comment
    assert "verwijderd" in versions[0].revision.comment
    history = chief.get(f"/beheer/lexicon/lemma/{lexicon['live'].pk}/history/").content.decode()
    assert "Kruisverwijzing" in history


def test_an_editor_cannot_rename_an_author_of_a_published_lemma(editor, lexicon, client):
    author = lexicon["author"]
    response = editor.post(f"/beheer/lexicon/author/{author.pk}/change/", {
        "name": "Iemand Anders", "slug": author.slug, "sort_name": "", "affiliation": "", "bio": ""})
    assert response.status_code == 403
    assert Author.objects.get(pk=author.pk).name == "Jos van der Lans"
    assert "Jos van der Lans" in page(client, "buurt")


def test_an_editor_may_rename_an_author_of_drafts_only(editor, lexicon):
    author = lexicon["draft_author"]
    response = editor.get(f"/beheer/lexicon/author/{author.pk}/change/")
    assert response.status_code == 200 and "alleen de hoofdredacteur" not in response.content.decode()


def test_the_chief_renames_an_author_and_each_published_lemma_gets_a_revision(chief, lexicon, client):
    from tests.helpers.editorial import form_data

    author = lexicon["author"]
    url = f"/beheer/lexicon/author/{author.pk}/change/"
    data = form_data(chief.get(url), "author_form")
    data["name"] = "J. van der Lans"
    assert chief.post(url, data).status_code == 302
    assert "J. van der Lans" in page(client, "buurt")
    versions = Version.objects.get_for_object(lexicon["live"])
    assert versions.count() == 1 and "Auteur" in versions[0].revision.comment
    assert not Version.objects.get_for_object(lexicon["draft"]).exists()
