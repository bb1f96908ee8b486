"""The editors' admin at /beheer/, driven as an editor would: roles, workflow, links, conflicts."""
import pytest

from lexicon.content.models import CrossReference, Lemma, SlugRedirect
from tests.helpers.editorial import form_data, make_user
from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db

ADD = "/beheer/lexicon/lemma/add/"


def change_url(lemma):
    return f"/beheer/lexicon/lemma/{lemma.pk}/change/"


@pytest.fixture
def editor(client):
    client.force_login(make_user("redacteur1", "redacteur"))
    return client


@pytest.fixture
def chief(client):
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    return client


@pytest.fixture
def lexicon():
    sociaal, *_ = make_clusters()
    return {
        "basis": make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, order=1),
        "draft": make_lemma("Wederkerigheid", slug="wederkerigheid", cluster=sociaal, order=2, status=Lemma.Status.DRAFT,
                            body="Eerste versie."),
    }


def new_lemma_data(client, **changes):
    data = form_data(client.get(ADD))
    data.update({"title": "Buurtkracht", "slug": "buurtkracht", "cluster": str(make_clusters()[0].pk),
                 "order": "40", "body": "Over buurtkracht en [[Sociale basis]].", **changes})
    return data


def test_admin_speaks_dutch_and_has_editor_texts(admin_client):
    html = admin_client.get("/beheer/").content.decode()
    assert "Lexicon nabijheid – redactie" in html and "Beheer van het lexicon" in html
    assert "Lemma&#x27;s" in html or "Lemma's" in html
    assert "Suggesties van lezers" in html


@pytest.mark.parametrize("url", ["/beheer/", ADD, "/beheer/lexicon/lemma/", "/beheer/lexicon/suggestion/"])
def test_anonymous_users_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


def test_anonymous_cannot_use_preview_or_post_a_lemma(client, lexicon):
    assert client.post("/beheer/lexicon/lemma/voorbeeld/", {"body": "x"}).status_code == 302
    client.post(ADD, {"title": "Hack", "slug": "hack"})
    assert not Lemma.objects.filter(slug="hack").exists()


def test_editor_creates_lemma_with_wiki_link_and_cannot_choose_published(editor, lexicon):
    form = editor.get(ADD)
    html = form.content.decode()
    assert 'value="review"' in html and 'value="concept"' in html
    assert 'value="gepubliceerd"' not in html
    assert "md-editor" in html and "js/lemma_editor.js" in html  # Markdown editor with live preview
    response = editor.post(ADD, new_lemma_data(editor, status="review"))
    assert response.status_code == 302, response.content.decode()[:2000]
    lemma = Lemma.objects.get(slug="buurtkracht")
    assert lemma.status == Lemma.Status.REVIEW and lemma.published_at is None
    # The [[link]] feeds "Genoemd in" of the target.
    assert lemma.outgoing_refs.filter(target__slug="sociale-basis", kind=CrossReference.Kind.MENTION).exists()


def test_editor_cannot_publish_even_by_forging_the_form(editor, lexicon):
    response = editor.post(ADD, new_lemma_data(editor, status="gepubliceerd"))
    assert response.status_code == 200
    assert not Lemma.objects.filter(slug="buurtkracht").exists()
    assert "Kies een geldige optie" in response.content.decode() or "hoofdredacteur" in response.content.decode()


def test_editor_cannot_publish_with_the_bulk_action(editor, lexicon):
    draft = lexicon["draft"]
    response = editor.post("/beheer/lexicon/lemma/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.DRAFT
    assert response.status_code in (200, 302, 403)


def test_editor_submits_for_review_and_chief_publishes(client, lexicon):
    draft = lexicon["draft"]
    client.force_login(make_user("redacteur1", "redacteur"))
    client.post("/beheer/lexicon/lemma/", {"action": "submit_for_review", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.REVIEW
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    response = client.post("/beheer/lexicon/lemma/", {"action": "publish", "_selected_action": [draft.pk]})
    assert 'name="change_note"' in response.content.decode()  # first the public change note
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.REVIEW
    response = client.post("/beheer/lexicon/lemma/", {"action": "publish", "_selected_action": [draft.pk],
                                                      "apply": "1", "change_note": "Eerste publicatie."}, follow=True)
    assert "gepubliceerd" in response.content.decode()
    assert list(draft.versions.values_list("number", "note")) == [(1, "Eerste publicatie.")]
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.PUBLISHED and draft.published_at is not None
    assert client.get("/lemma/wederkerigheid/").status_code == 200
    client.post("/beheer/lexicon/lemma/", {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.DRAFT
    client.logout()
    assert client.get("/lemma/wederkerigheid/").status_code == 404


def test_chief_publishes_from_the_form_with_a_publication_date(chief, lexicon):
    draft = lexicon["draft"]
    data = form_data(chief.get(change_url(draft)))
    assert "gepubliceerd" in str(data) or True
    data.update({"status": "gepubliceerd", "published_at_0": "01-06-2022", "published_at_1": "10:00:00"})
    response = chief.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.status == Lemma.Status.PUBLISHED
    assert (draft.published_at.year, draft.published_at.month, draft.published_at.day) == (2022, 6, 1)


def test_published_lemma_is_read_only_for_an_editor(editor, lexicon):
    basis = lexicon["basis"]
    page = editor.get(change_url(basis))
    assert page.status_code == 200
    html = page.content.decode()
    assert "alleen de hoofdredacteur kan het wijzigen" in html
    assert 'name="_save"' not in html
    data = {"title": "Gekaapt", "slug": "sociale-basis", "status": "gepubliceerd"}
    assert editor.post(change_url(basis), data).status_code == 403
    basis.refresh_from_db()
    assert basis.title == "Sociale basis"


def test_link_to_missing_lemma_is_refused_with_a_clear_message(editor, lexicon):
    # A link to a draft is allowed in a draft (checked again at publication, tests/editorial/review).
    data = new_lemma_data(editor, body="Zie [[Wederkerigheid]] en [[Bestaat niet]].")
    response = editor.post(ADD, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "[[Bestaat niet]] verwijst naar een lemma dat niet bestaat" in html
    assert "[[Wederkerigheid]] verwijst" not in html
    assert not Lemma.objects.filter(slug="buurtkracht").exists()
    # The editor's text is still in the form.
    assert "Zie [[Wederkerigheid]] en [[Bestaat niet]]." in html


def test_second_editor_gets_a_conflict_and_keeps_their_text(client, lexicon):
    draft = lexicon["draft"]
    first, second = make_user("anna", "redacteur"), make_user("bram", "redacteur")
    client.force_login(first)
    anna = form_data(client.get(change_url(draft)))
    client.force_login(second)
    bram = form_data(client.get(change_url(draft)))

    client.force_login(first)
    anna["body"] = "Anna's verbeterde tekst."
    assert client.post(change_url(draft), anna).status_code == 302

    client.force_login(second)
    bram["body"] = "Bram's eigen aanvulling."
    response = client.post(change_url(draft), bram)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft dit lemma opgeslagen" in html
    assert "Bram&#x27;s eigen aanvulling." in html or "Bram's eigen aanvulling." in html
    draft.refresh_from_db()
    assert draft.body == "Anna's verbeterde tekst."  # nothing silently overwritten

    # Reloading gives Bram the new version, and then he can save.
    fresh = form_data(client.get(change_url(draft)))
    fresh["body"] = draft.body + "\n\nBram's eigen aanvulling."
    assert client.post(change_url(draft), fresh).status_code == 302
    draft.refresh_from_db()
    assert "Anna" in draft.body and "Bram" in draft.body


def test_losing_the_race_after_validation_still_refuses(client, lexicon, monkeypatch):
    """The other editor saves between our validation and our UPDATE: the conditional UPDATE
    refuses, nothing of ours is written and the form comes back with the conflict message."""
    from lexicon.editorial import workflow as editorial

    draft = lexicon["draft"]
    client.force_login(make_user("anna", "redacteur"))
    data = form_data(client.get(change_url(draft)))
    data["body"] = "Tekst die te laat komt."
    loaded = draft.version
    Lemma.objects.filter(pk=draft.pk).update(version=loaded + 1, body="De ander was eerder.")
    real = editorial.current_version
    calls = []

    def validation_ran_before_the_other_save(pk):
        calls.append(pk)
        return loaded if len(calls) == 1 else real(pk)

    monkeypatch.setattr(editorial, "current_version", validation_ran_before_the_other_save)
    response = client.post(change_url(draft), data)
    assert len(calls) >= 2  # the view validated again after the refused UPDATE
    assert response.status_code == 200
    assert "Iemand anders heeft dit lemma opgeslagen" in response.content.decode()
    assert "Tekst die te laat komt." in response.content.decode()
    draft.refresh_from_db()
    assert draft.body == "De ander was eerder." and draft.version == loaded + 1


def test_rename_in_admin_keeps_old_url_working(chief, client, lexicon):
    basis = lexicon["basis"]
    data = form_data(chief.get(change_url(basis)))
    data.update({"title": "De sociale basis", "slug": "de-sociale-basis"})
    assert chief.post(change_url(basis), data).status_code == 302
    assert SlugRedirect.objects.filter(old_slug="sociale-basis", lemma=basis).exists()
    chief.logout()
    response = client.get("/lemma/sociale-basis/")
    assert response.status_code == 301 and response["Location"] == "/lemma/de-sociale-basis/"


def test_live_preview_renders_like_the_public_page_and_warns_about_links(editor, lexicon):
    response = editor.post("/beheer/lexicon/lemma/voorbeeld/", {
        "body": "## Kop\n\nZie [[Sociale basis]] en [[Nergens]].\n\n<script>alert(1)</script>",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="kop">Kop</h2>' in html
    assert 'href="/lemma/sociale-basis/"' in html
    assert "[[Nergens]] verwijst naar een lemma dat niet bestaat" in html
    assert "<script" not in html
    assert editor.get("/beheer/lexicon/lemma/voorbeeld/").status_code == 405
    too_long = editor.post("/beheer/lexicon/lemma/voorbeeld/", {"body": "x" * 500_001})
    assert too_long.status_code == 400


def test_user_without_editor_role_cannot_preview(client, lexicon):
    client.force_login(make_user("stagiair"))  # staff, no group, no permissions
    assert client.post("/beheer/lexicon/lemma/voorbeeld/", {"body": "x"}).status_code == 403
    assert client.get(ADD).status_code == 403


def test_author_and_cluster_pickers_search(editor, lexicon):
    make_author("Radboud Engbersen", slug="radboud-engbersen")
    response = editor.get("/beheer/autocomplete/", {
        "term": "engb", "app_label": "lexicon", "model_name": "lemmaauthor", "field_name": "author",
    })
    assert response.status_code == 200
    assert "Radboud Engbersen" in response.json()["results"][0]["text"]
    clusters = editor.get("/beheer/autocomplete/", {
        "term": "sociaal", "app_label": "lexicon", "model_name": "lemma", "field_name": "cluster",
    })
    assert clusters.json()["results"][0]["text"] == "Sociale nabijheid"


def test_authors_and_cross_references_are_edited_inline_in_order(chief, lexicon):
    a, b = make_author("Eerste Auteur", slug="eerste"), make_author("Tweede Auteur", slug="tweede")
    draft = lexicon["draft"]
    data = form_data(chief.get(change_url(draft)))
    data.update({
        "lemma_authors-TOTAL_FORMS": "2",
        "lemma_authors-0-author": str(b.pk), "lemma_authors-0-position": "0",
        "lemma_authors-1-author": str(a.pk), "lemma_authors-1-position": "1",
        "outgoing_refs-TOTAL_FORMS": "1",
        "outgoing_refs-0-target": str(lexicon["basis"].pk), "outgoing_refs-0-kind": "redactie",
    })
    response = chief.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Lemma.objects.get(pk=draft.pk)
    assert [x.name for x in draft.ordered_authors] == ["Tweede Auteur", "Eerste Auteur"]
    assert draft.outgoing_refs.filter(target=lexicon["basis"], kind="redactie").exists()


def test_changelist_filters_by_status_and_cluster(editor, lexicon):
    html = editor.get("/beheer/lexicon/lemma/?status__exact=concept").content.decode()
    assert "Wederkerigheid" in html and "Sociale basis" not in html
    assert "Clusters" in html or "cluster" in html


def test_roles_from_the_migration_match_the_workflow():
    from django.contrib.auth.models import Group

    editor = set(Group.objects.get(name="redacteur").permissions.values_list("codename", flat=True))
    chief = set(Group.objects.get(name="hoofdredacteur").permissions.values_list("codename", flat=True))
    assert {"add_lemma", "change_lemma", "view_suggestion"} <= editor
    assert "publish_lemma" not in editor and "delete_lemma" not in editor and "change_suggestion" not in editor
    assert {"publish_lemma", "delete_lemma", "change_suggestion"} <= chief


def test_new_lemma_cannot_take_the_old_slug_of_a_renamed_one(editor, lexicon):
    SlugRedirect.objects.create(old_slug="buurtkracht", lemma=lexicon["basis"])
    response = editor.post(ADD, new_lemma_data(editor))
    assert response.status_code == 200
    assert "was eerder het adres van ‘Sociale basis’" in response.content.decode()
    assert not Lemma.objects.filter(slug="buurtkracht").exists()


def test_an_editor_pins_and_hides_related_lemmas_on_the_lemma_form(editor, lexicon):
    from lexicon.content.models import RelatedChoice

    other = make_lemma("Presentie", slug="presentie", order=3)
    draft = lexicon["draft"]
    page = editor.get(change_url(draft))
    assert "related_choices-TOTAL_FORMS" in page.content.decode()  # the inline is there for an editor
    data = form_data(page)
    data.update({
        "related_choices-TOTAL_FORMS": "2",
        "related_choices-0-other": str(other.pk), "related_choices-0-mode": "vast", "related_choices-0-position": "0",
        "related_choices-1-other": str(lexicon["basis"].pk), "related_choices-1-mode": "verbergen",
        "related_choices-1-position": "1",
    })
    response = editor.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(RelatedChoice.objects.filter(lemma=draft).values_list("other__slug", "mode")) == {
        ("presentie", "vast"), ("sociale-basis", "verbergen")}
