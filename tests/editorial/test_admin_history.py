"""Revision history of a lemma: who changed what when, a readable diff, restoring an old version."""
import re

import pytest
import reversion
from reversion.models import Version

from lexicon.content.models import Lemma
from tests.helpers.editorial import form_data, make_user
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db


def change_url(lemma):
    return f"/beheer/lexicon/lemma/{lemma.pk}/change/"


@pytest.fixture
def edited(client):
    """A draft edited twice in the admin by two editors."""
    lemma = make_lemma("Wederkerigheid", slug="wederkerigheid", status=Lemma.Status.DRAFT,
                       body="Wederkerigheid is geven en nemen.\n\nTweede alinea.")
    with reversion.create_revision():  # as the import does: the first version in the history
        lemma.save()
    anna, bram = make_user("anna", "redacteur"), make_user("bram", "redacteur")
    anna.first_name, anna.last_name = "Anna", "de Vries"
    anna.save()
    author = make_author("Femmianne Bredewold", slug="femmianne-bredewold")
    client.force_login(anna)
    data = form_data(client.get(change_url(lemma)))
    data.update({"body": "Wederkerigheid is geven en nemen, ook in de buurt.\n\nTweede alinea.",
                 "lemma_authors-TOTAL_FORMS": "1", "lemma_authors-0-author": str(author.pk),
                 "lemma_authors-0-position": "0"})
    assert client.post(change_url(lemma), data).status_code == 302
    client.force_login(bram)
    data = form_data(client.get(change_url(lemma)))
    data.update({"title": "Wederkerigheid <script>", "body": data["body"] + "\n\nDerde alinea van Bram."})
    assert client.post(change_url(lemma), data).status_code == 302
    return lemma


def test_history_lists_who_changed_what_when(client, edited):
    html = client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/").content.decode()
    assert "Anna de Vries" in html and "bram" in html
    assert "Vergelijk de gekozen versies" in html
    assert html.count('name="van"') == 3


def test_diff_between_two_revisions_is_readable_and_escaped(client, edited):
    newer, older = Version.objects.get_for_object(edited)[:2]
    response = client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/vergelijk/", {"van": older.pk, "naar": newer.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Titel" in html and "<ins>Derde alinea van Bram.</ins>" not in html  # a whole added line is a row
    assert re.search(r'<tr class="diff-added"><td></td><td>Derde alinea van Bram.</td></tr>', html)
    assert "&lt;script&gt;" in html and "<script>" not in html.split("</head>")[1].replace('<script src', '')
    # The first edit: word-level change and the new author.
    first = Version.objects.get_for_object(edited).last()
    earliest_pair = client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/vergelijk/", {"van": first.pk, "naar": older.pk})
    html = earliest_pair.content.decode()
    assert "<ins>, ook in de buurt</ins>" in html.replace("<ins>,</ins><ins>", "<ins>,")
    assert "Femmianne Bredewold" in html and "Auteurs" in html


def test_compare_with_bad_parameters_is_a_clear_400(client, edited):
    response = client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/vergelijk/", {"van": "abc"})
    assert response.status_code == 400
    assert "Kies twee versies" in response.content.decode()


def test_restore_an_earlier_revision(client, edited):
    first = Version.objects.get_for_object(edited).last()
    url = f"/beheer/lexicon/lemma/{edited.pk}/history/{first.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    # The restore form shows the old text, and the database is untouched until saved.
    assert data["body"] == "Wederkerigheid is geven en nemen.\n\nTweede alinea."
    assert "Derde alinea" in Lemma.objects.get(pk=edited.pk).body
    version_before = Lemma.objects.get(pk=edited.pk).version
    assert client.post(url, data).status_code == 302
    restored = Lemma.objects.get(pk=edited.pk)
    assert restored.title == "Wederkerigheid" and "Derde alinea" not in restored.body
    assert restored.version > version_before  # open forms of the newer text are now stale
    assert restored.body == "Wederkerigheid is geven en nemen.\n\nTweede alinea."
    assert restored.ordered_authors == []  # authorships are part of a revision too
    # The restore is itself a new revision, so it can be undone.
    assert Version.objects.get_for_object(restored).count() == 4


def test_anonymous_cannot_see_history(client, edited):
    client.logout()
    assert client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/").status_code == 302
    assert client.get(f"/beheer/lexicon/lemma/{edited.pk}/history/vergelijk/").status_code == 302


def test_same_moment_saved_with_another_offset_is_not_a_change(client, edited):
    from datetime import datetime, timedelta, timezone

    lemma = Lemma.objects.get(pk=edited.pk)
    with reversion.create_revision():
        lemma.published_at = datetime(2022, 1, 1, 0, 0, tzinfo=timezone.utc)
        lemma.save()
    with reversion.create_revision():
        lemma.published_at = datetime(2022, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=1)))
        lemma.save()
    newer, older = Version.objects.get_for_object(lemma)[:2]
    html = client.get(f"/beheer/lexicon/lemma/{lemma.pk}/history/vergelijk/", {"van": older.pk, "naar": newer.pk}).content.decode()
    assert "Er is niets veranderd tussen deze twee versies." in html


def test_history_names_only_the_fields_the_editor_changed(client):
    """A browser posts the body with CRLF line ends; saving only the subtitle must not
    record the body (or the hidden version stamp) as changed."""
    from django.contrib.admin.models import LogEntry

    lemma = make_lemma("Vertrouwen", slug="vertrouwen", status=Lemma.Status.DRAFT,
                       body="Eerste alinea.\n\nTweede alinea.")
    client.force_login(make_user("carla", "redacteur"))
    data = form_data(client.get(change_url(lemma)))
    data.update({"subtitle": "Een nieuwe ondertitel", "body": data["body"].replace("\n", "\r\n")})
    assert client.post(change_url(lemma), data).status_code == 302
    message = LogEntry.objects.filter(object_id=str(lemma.pk)).latest("action_time").get_change_message()
    assert "Ondertitel" in message
    assert "Tekst" not in message and "loaded_version" not in message
    assert Lemma.objects.get(pk=lemma.pk).body == "Eerste alinea.\n\nTweede alinea."
