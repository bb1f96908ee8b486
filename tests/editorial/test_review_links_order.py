"""Links and order without memory: the [[...]] picker's search, links between drafts (checked again at
publication), a new lemma at the end of its cluster, and scheduled publication."""
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from lexicon.content.models import Lemma
from lexicon.editorial.review.models import ScheduledPublication
from tests.helpers.editorial import form_data, make_user
from tests.helpers.factories import make_clusters, make_lemma

pytestmark = pytest.mark.django_db

ADD = "/beheer/lexicon/lemma/add/"
PICKER = "/beheer/redactie/lemmas.json"
DRAFT = Lemma.Status.DRAFT


def change_url(lemma):
    return f"/beheer/lexicon/lemma/{lemma.pk}/change/"


@pytest.fixture
def chief(client):
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    return client


@pytest.fixture
def editor(client):
    client.force_login(make_user("redacteur1", "redacteur"))
    return client


@pytest.fixture
def book():
    """Two clusters in book order: 1-3 in the first, 4-5 in the second."""
    first, second, *_ = make_clusters()
    lemmas = [make_lemma(f"Lemma {n}", slug=f"l{n}", cluster=first if n <= 3 else second, order=n) for n in range(1, 6)]
    return {"first": first, "second": second, "lemmas": lemmas}


def post_form(client, url, **changes):
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


# --- the picker -------------------------------------------------------------------------------------

def test_picker_finds_titles_and_alternative_terms_drafts_included(editor):
    make_clusters()
    make_lemma("Sociale basis", slug="sociale-basis", alternative_terms="basisvoorziening, nulde lijn")
    make_lemma("Wederkerigheid", slug="wederkerigheid", status=DRAFT)
    rows = editor.get(PICKER, {"q": "nulde"}).json()["resultaten"]
    assert [r["titel"] for r in rows] == ["Sociale basis"] and rows[0]["wikilink"] == "[[Sociale basis]]"
    rows = editor.get(PICKER, {"q": "wederk"}).json()["resultaten"]
    assert [(r["titel"], r["status_label"]) for r in rows] == [("Wederkerigheid", "concept")]
    assert editor.get(PICKER, {"q": "bestaat-niet"}).json()["resultaten"] == []


def test_picker_is_not_public(client):
    assert client.get(PICKER, {"q": "a"}).status_code == 302


def test_the_editor_toolbar_has_the_picker(editor):
    html = editor.get(ADD).content.decode()
    assert f'data-picker-url="{PICKER}"' in html and "js/lemma_picker.js" in html


# --- links between drafts -------------------------------------------------------------------------

@pytest.fixture
def drafts():
    make_clusters()
    make_lemma("Sociale basis", slug="sociale-basis", order=1)
    a = make_lemma("Buurtkracht", slug="buurtkracht", order=2, status=DRAFT, body="Zie [[Wederkerigheid]].")
    b = make_lemma("Wederkerigheid", slug="wederkerigheid", order=3, status=DRAFT, body="Zie [[Buurtkracht]].")
    return a, b


def test_a_draft_may_link_to_a_draft(editor, drafts):
    a, _b = drafts
    response = post_form(editor, change_url(a), body="Zie [[Wederkerigheid]] en [[Sociale basis]].")
    assert response.status_code == 302
    a.refresh_from_db()
    assert "[[Wederkerigheid]]" in a.body


def test_publishing_a_lemma_that_links_to_a_draft_is_refused_with_a_clear_message(chief, drafts):
    a, _b = drafts
    response = post_form(chief, change_url(a), status="gepubliceerd")
    assert response.status_code == 200
    html = response.content.decode()
    assert "‘Wederkerigheid’, dat nog niet gepubliceerd is" in html and "Publiceer beide lemma" in html
    a.refresh_from_db()
    assert a.status == DRAFT


def test_publishing_both_together_is_allowed(chief, drafts):
    a, b = drafts
    response = chief.post("/beheer/lexicon/lemma/", {"action": "publish", "_selected_action": [a.pk, b.pk],
                                                     "apply": "1", "change_note": "Samen gepubliceerd."})
    assert response.status_code == 302
    assert set(Lemma.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {"gepubliceerd"}
    page = chief.get("/lemma/buurtkracht/").content.decode()
    assert 'href="/lemma/wederkerigheid/"' in page  # the link works for readers now


def test_publishing_one_of_them_alone_by_the_action_is_refused(chief, drafts):
    a, _b = drafts
    response = chief.post("/beheer/lexicon/lemma/", {"action": "publish", "_selected_action": [a.pk], "apply": "1"},
                          follow=True)
    html = response.content.decode()
    assert "Er is niets gepubliceerd" in html and "Wederkerigheid" in html
    a.refresh_from_db()
    assert a.status == DRAFT


# --- book order -----------------------------------------------------------------------------------

def new_lemma(client, cluster, order=""):
    data = form_data(client.get(ADD))
    data.update({"title": "Nieuwkomer", "slug": "nieuwkomer", "cluster": str(cluster.pk), "order": order,
                 "body": "Nieuw.", "status": "concept"})
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return Lemma.objects.get(slug="nieuwkomer")


def test_new_lemma_goes_to_the_end_of_its_cluster(editor, book):
    lemma = new_lemma(editor, book["first"])
    order = list(Lemma.objects.order_by("order").values_list("slug", flat=True))
    assert order == ["l1", "l2", "l3", "nieuwkomer", "l4", "l5"]
    assert len(set(Lemma.objects.values_list("order", flat=True))) == 6  # no two share a place
    assert lemma.order == 4


def test_new_lemma_in_the_last_cluster_and_placed_lemmas(editor, book):
    assert new_lemma(editor, book["second"]).order == 6
    Lemma.objects.filter(slug="nieuwkomer").delete()
    assert new_lemma(editor, book["first"], order="0").order == 0  # placed by hand: kept


def test_previous_of_the_first_lemma_of_a_cluster_is_unchanged(editor, book, settings):
    settings.PAGE_CACHE_ENABLED = False
    new_lemma(editor, book["second"])
    Lemma.objects.filter(slug="nieuwkomer").update(status="gepubliceerd")
    html = editor.get("/lemma/l4/").content.decode()
    assert "/lemma/l3/" in html and "/lemma/nieuwkomer/" in editor.get("/lemma/l5/").content.decode()


def test_editing_keeps_the_order(chief, book):
    lemma = book["lemmas"][1]
    data = form_data(chief.get(change_url(lemma)))
    data["order"] = ""
    assert chief.post(change_url(lemma), data).status_code == 302
    lemma.refresh_from_db()
    assert lemma.order == 2


# --- scheduled publication ------------------------------------------------------------------------

def schedule(client, lemma, when, **changes):
    local = timezone.localtime(when)
    return post_form(client, change_url(lemma), publish_at_0=local.strftime("%Y-%m-%d"),
                     publish_at_1=local.strftime("%H:%M"), **changes)


def test_chief_schedules_and_the_command_publishes_when_due(chief, drafts):
    _a, b = drafts
    b.body = "Geen links."
    b.save()
    when = timezone.now() + timedelta(days=2)
    assert schedule(chief, b, when, edit_summary="Nieuw lemma").status_code == 302
    entry = ScheduledPublication.objects.get(lemma=b)
    assert abs((entry.publish_at - when).total_seconds()) < 60 and entry.change_note == "Nieuw lemma"
    scheduled = chief.get("/beheer/redactie/").content.decode().split('id="gepland"')[1].split("</section>")[0]
    assert "Wederkerigheid" in scheduled

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    b.refresh_from_db()
    assert b.status == DRAFT and "0 gepubliceerd" in out.getvalue()  # not yet due

    ScheduledPublication.objects.filter(pk=entry.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=out)
    b.refresh_from_db()
    assert b.status == Lemma.Status.PUBLISHED and "gepubliceerd: Wederkerigheid" in out.getvalue()
    assert "Nieuw lemma" in chief.get(f"/beheer/lexicon/lemma/{b.pk}/history/").content.decode()
    assert "Niets gepland" in chief.get("/beheer/redactie/").content.decode()


def test_scheduled_lemma_linking_to_a_draft_waits_with_the_reason(chief, drafts):
    from django.contrib.auth.models import User

    a, _b = drafts
    ScheduledPublication.objects.create(lemma=a, publish_at=timezone.now() - timedelta(minutes=1),
                                        created_by=User.objects.get(username="hoofd1"))
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    a.refresh_from_db()
    assert a.status == DRAFT and "1 wachten nog" in out.getvalue()
    scheduled = chief.get("/beheer/redactie/").content.decode().split('id="gepland"')[1].split("</section>")[0]
    assert "Nog niet gepubliceerd" in scheduled and "Wederkerigheid" in scheduled


def test_drafts_scheduled_together_are_published_together(chief, drafts):
    from django.contrib.auth.models import User

    user = User.objects.get(username="hoofd1")
    for lemma in drafts:
        ScheduledPublication.objects.create(lemma=lemma, publish_at=timezone.now() - timedelta(minutes=1), created_by=user)
    call_command("publish_scheduled", stdout=StringIO())
    assert set(Lemma.objects.filter(pk__in=[d.pk for d in drafts]).values_list("status", flat=True)) == {"gepubliceerd"}


def test_an_editor_cannot_schedule(editor, drafts):
    _a, b = drafts
    assert 'name="publish_at_0"' not in editor.get(change_url(b)).content.decode()
    schedule(editor, b, timezone.now() + timedelta(days=1))  # forged: the field is ignored
    assert not ScheduledPublication.objects.exists()


def test_a_time_in_the_past_is_refused(chief, drafts):
    _a, b = drafts
    response = schedule(chief, b, timezone.now() - timedelta(days=1))
    assert response.status_code == 200 and "in de toekomst" in response.content.decode()


def test_publishing_by_hand_before_the_time_ends_the_schedule(chief, drafts):
    _a, b = drafts
    b.body = "Geen links."
    b.save()
    schedule(chief, b, timezone.now() + timedelta(days=2))
    assert post_form(chief, change_url(b), status="gepubliceerd", publish_at_0="", publish_at_1="").status_code == 302
    assert not ScheduledPublication.objects.filter(done__isnull=True).exists()
