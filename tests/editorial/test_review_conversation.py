"""Review as a conversation, driven through the admin as editors would: a request with a reviewer and
a note, comments on the draft and on a paragraph, edit summaries in the history and as the public
change note, the dashboard, and the e-mails (Django's locmem backend in tests: mail.outbox)."""
import pytest
from django.core import mail

from lexicon.content.models import Lemma
from lexicon.editorial.review import services
from lexicon.editorial.review.models import EditSummary, ReviewComment, ReviewRequest
from tests.helpers.editorial import form_data, make_user
from tests.helpers.factories import make_clusters, make_lemma

# Real commits: the e-mails go out on commit (transaction.on_commit), as in production.
pytestmark = pytest.mark.django_db(transaction=True)

DASHBOARD = "/beheer/redactie/"
BODY = "Inleidende alinea.\n\n## Buurthuizen\n\nBuurthuizen zijn plekken van ontmoeting.\n\nNog een alinea."


def change_url(lemma):
    return f"/beheer/lexicon/lemma/{lemma.pk}/change/"


@pytest.fixture
def people():
    return {"editor": make_user("redacteur1", "redacteur"), "chief": make_user("hoofd1", "hoofdredacteur"),
            "chief2": make_user("hoofd2", "hoofdredacteur")}


@pytest.fixture
def draft():
    make_clusters()
    make_lemma("Sociale basis", slug="sociale-basis", order=1)
    return make_lemma("Buurtkracht", slug="buurtkracht", order=2, status=Lemma.Status.DRAFT, body=BODY)


def save(client, lemma, **changes):
    data = form_data(client.get(change_url(lemma)))
    data.update(changes)
    response = client.post(change_url(lemma), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    lemma.refresh_from_db()
    return response


def history_html(client, lemma):
    return client.get(f"/beheer/lexicon/lemma/{lemma.pk}/history/").content.decode()


def test_submitting_names_a_reviewer_and_a_note_and_mails_them(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review", reviewer=f"u:{people['chief'].pk}",
         review_note="Wil je vooral naar de tweede sectie kijken?", edit_summary="Sectie over buurthuizen")
    request = ReviewRequest.objects.get(lemma=draft)
    assert request.reviewer == people["chief"] and request.requested_by == people["editor"]
    assert [m.to for m in mail.outbox] == [["hoofd1@example.org"]]
    assert "tweede sectie" in mail.outbox[0].body and "Buurtkracht" in mail.outbox[0].subject
    assert f"/beheer/redactie/lemma/{draft.pk}/" in mail.outbox[0].body
    # The edit summary is the history line of that save.
    assert "Sectie over buurthuizen" in history_html(client, draft)


def test_without_a_named_reviewer_the_chief_editors_are_asked(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review")
    request = ReviewRequest.objects.get(lemma=draft)
    assert request.reviewer is None and request.reviewer_group.name == "hoofdredacteur"
    assert sorted(mail.outbox[0].to) == ["hoofd1@example.org", "hoofd2@example.org"]


def test_the_bulk_action_also_opens_a_request(client, people, draft):
    client.force_login(people["editor"])
    response = client.post("/beheer/lexicon/lemma/", {"action": "submit_for_review", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    assert services.open_requests(draft).count() == 1 and len(mail.outbox) == 1


def test_dashboard_shows_what_waits_for_whom(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review", review_note="Graag voor vrijdag.", reviewer=f"u:{people['chief'].pk}")
    html = client.get(DASHBOARD).content.decode()
    mine = html.split('id="mijn-concepten"')[1].split("</section>")[0]
    assert "Buurtkracht" in mine and "ter review" in mine
    assert "Er wacht niets op jou." in html

    client.force_login(people["chief"])
    waiting = client.get(DASHBOARD).content.decode().split('id="wacht-op-mij"')[1].split("</section>")[0]
    assert "Buurtkracht" in waiting and "Graag voor vrijdag." in waiting
    client.force_login(people["chief2"])  # asked by name: not waiting for the other chief
    assert "Er wacht niets op jou." in client.get(DASHBOARD).content.decode()


def test_comments_on_the_draft_and_on_a_paragraph(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review")
    mail.outbox.clear()
    client.force_login(people["chief"])
    page = client.get(f"/beheer/redactie/lemma/{draft.pk}/?alinea=2")
    assert 'value="2" selected' in page.content.decode()  # "Reageer op deze alinea" preselects it
    response = client.post(f"/beheer/redactie/lemma/{draft.pk}/", {"paragraph": "2", "text": "Noem een voorbeeld."})
    assert response.status_code == 302
    client.post(f"/beheer/redactie/lemma/{draft.pk}/", {"paragraph": "", "text": "Mooi stuk, nog wat korter."})
    on_paragraph, general = ReviewComment.objects.order_by("pk")
    assert on_paragraph.paragraph == 2 and on_paragraph.heading == "Buurthuizen"
    assert on_paragraph.excerpt.startswith("Buurthuizen zijn plekken")
    assert general.paragraph is None
    # The editor who asked for the review and the other reviewers are told, the commenter is not.
    recipients = [address for m in mail.outbox for address in m.to]
    assert "redacteur1@example.org" in recipients and "hoofd1@example.org" not in recipients
    assert "onder ‘Buurthuizen’" in mail.outbox[0].body
    html = client.get(f"/beheer/redactie/lemma/{draft.pk}/").content.decode()
    paragraph = html.split('id="alinea-2"')[1].split("</li>")[0]
    assert "Noem een voorbeeld." in paragraph and "Mooi stuk" not in paragraph
    assert "Mooi stuk" in html.split('id="opmerkingen"')[1]


def test_empty_comment_is_refused_in_dutch(client, people, draft):
    client.force_login(people["chief"])
    response = client.post(f"/beheer/redactie/lemma/{draft.pk}/", {"paragraph": "", "text": ""})
    assert response.status_code == 200 and "Dit veld is verplicht" in response.content.decode()
    assert not ReviewComment.objects.exists()


def test_published_change_keeps_its_summary_as_public_change_note(client, people, draft):
    client.force_login(people["chief"])
    save(client, draft, status="gepubliceerd", edit_summary="Eerste publicatie")
    save(client, draft, body=BODY + "\n\nEen aanvulling.", edit_summary="Alinea over de aanvulling toegevoegd")
    assert services.public_change_note(draft) == "Alinea over de aanvulling toegevoegd"
    latest = EditSummary.objects.filter(lemma=draft).first()
    assert latest.revision is not None and latest.revision.get_comment().startswith("Alinea over de aanvulling")
    assert list(EditSummary.objects.filter(lemma=draft).values_list("published", flat=True)) == [True, True]
    html = history_html(client, draft)
    assert "Alinea over de aanvulling toegevoegd" in html and "Eerste publicatie" in html


def test_draft_summary_is_not_a_public_change_note(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, body=BODY + "\n\nNieuw.", edit_summary="Werk in uitvoering")
    assert services.public_change_note(draft) is None
    assert "Werk in uitvoering" in history_html(client, draft)


def test_diff_against_the_live_version_in_one_click(client, people, draft):
    client.force_login(people["chief"])
    save(client, draft, status="gepubliceerd")
    save(client, draft, status="concept")
    client.force_login(people["editor"])
    save(client, draft, body=BODY.replace("plekken van ontmoeting", "plekken waar buren elkaar treffen"),
         status="review")
    client.force_login(people["chief"])
    waiting = client.get(DASHBOARD).content.decode().split('id="wacht-op-mij"')[1].split("</section>")[0]
    href = waiting.split('class="review-diff" href="')[1].split('"')[0].replace("&amp;", "&")
    diff = client.get(href).content.decode()
    removed = " ".join(part.split("</del>")[0] for part in diff.split("<del>")[1:])
    added = " ".join(part.split("</ins>")[0] for part in diff.split("<ins>")[1:])
    assert "ontmoeting" in removed and "treffen" in added


def test_publishing_closes_the_request(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review")
    client.force_login(people["chief"])
    save(client, draft, status="gepubliceerd", edit_summary="Gepubliceerd na review")
    assert not services.open_requests(draft).exists()
    assert "Er wacht niets op jou." in client.get(DASHBOARD).content.decode()
    recent = client.get(DASHBOARD).content.decode().split('id="recent-gepubliceerd"')[1]
    assert "Buurtkracht" in recent and "Gepubliceerd na review" in recent


def test_dashboard_is_for_staff_only(client, draft):
    assert client.get(DASHBOARD).status_code == 302
    client.force_login(make_user("lezer", staff=False))
    assert client.get(DASHBOARD).status_code == 302


def test_a_revision_in_review_tells_the_reviewer(client, people, draft):
    client.force_login(people["editor"])
    save(client, draft, status="review", reviewer=f"u:{people['chief'].pk}")
    mail.outbox.clear()
    save(client, draft, body=BODY + "\n\nHerzien.", edit_summary="Opmerkingen verwerkt")
    assert [m.to for m in mail.outbox] == [["hoofd1@example.org"]]
    assert "Opmerkingen verwerkt" in mail.outbox[0].body and "Nieuwe versie" in mail.outbox[0].subject
    assert services.open_requests(draft).count() == 1  # the same conversation goes on


def test_reviewer_choices_name_people_and_default_to_the_chief_group(client, people, draft):
    client.force_login(people["editor"])
    html = client.get(change_url(draft)).content.decode()
    select = html.split('name="reviewer"')[1].split("</select>")[0]
    assert "De hoofdredactie (groep)" in select and "hoofd1" in select and "hoofd2" in select
    assert "redacteur1" not in select  # not yourself


def test_edit_summary_is_offered_as_the_public_change_note(client, people, draft):
    client.force_login(people["chief"])
    save(client, draft, status="gepubliceerd", edit_summary="Eerste publicatie")
    save(client, draft, body=BODY + "\n\nNieuw.", edit_summary="Alinea toegevoegd")
    save(client, draft, body=BODY + "\n\nNieuwer.", edit_summary="Intern", change_note="Voor lezers: slot herschreven")
    notes = list(draft.versions.order_by("number").values_list("note", flat=True))
    assert notes[-2:] == ["Alinea toegevoegd", "Voor lezers: slot herschreven"]
