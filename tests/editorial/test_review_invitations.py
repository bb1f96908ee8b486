"""Invitation links for outside reviewers: signed, expiring, revocable, read-only plus comments, never
cached or indexed; an expired, revoked or altered link is a clear Dutch page, never a 500."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from lexicon.content.models import Lemma
from lexicon.editorial.review import invitations
from lexicon.editorial.review.models import Invitation, ReviewComment
from tests.helpers.editorial import make_user
from tests.helpers.factories import make_clusters, make_lemma

pytestmark = pytest.mark.django_db(transaction=True)  # mails go out on commit


@pytest.fixture
def draft():
    make_clusters()
    return make_lemma("Buurtkracht", slug="buurtkracht", status=Lemma.Status.DRAFT,
                      body="Eerste alinea over buurtkracht.\n\n## Praktijk\n\nTweede alinea, geheim concept.")


@pytest.fixture
def chief():
    return make_user("hoofd1", "hoofdredacteur")


def invite_by_admin(client, chief, draft, **data):
    client.force_login(chief)
    response = client.post(f"/beheer/redactie/lemma/{draft.pk}/uitnodigen/",
                           {"name": "Prof. Gast", "email": "gast@example.org", "days": "7", **data})
    assert response.status_code == 302
    client.logout()
    return Invitation.objects.get(lemma=draft)


def test_chief_makes_a_link_that_is_mailed_and_shown_on_the_review_page(client, chief, draft):
    invitation = invite_by_admin(client, chief, draft)
    assert invitation.name == "Prof. Gast" and invitation.created_by == chief
    assert 6 <= (invitation.expires - timezone.now()).days <= 7
    path = invitations.path_for(invitation)
    assert mail.outbox[-1].to == ["gast@example.org"] and path in mail.outbox[-1].body
    client.force_login(chief)
    assert path in client.get(f"/beheer/redactie/lemma/{draft.pk}/").content.decode()


def test_an_editor_cannot_make_invitations(client, draft):
    client.force_login(make_user("redacteur1", "redacteur"))
    response = client.post(f"/beheer/redactie/lemma/{draft.pk}/uitnodigen/", {"name": "X", "days": "7"})
    assert response.status_code == 403 and not Invitation.objects.exists()


def test_guest_reads_the_draft_privately_and_comments(client, chief, draft):
    invitation = invite_by_admin(client, chief, draft)
    mail.outbox.clear()
    path = invitations.path_for(invitation)
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200 and "geheim concept" in html and "Welkom Prof. Gast" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="_save"' not in html and 'name="body"' not in html  # read-only: no lemma form

    response = client.post(path, {"paragraph": "2", "text": "Kan hier een voorbeeld uit Gent bij?"})
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    comment = ReviewComment.objects.get()
    assert comment.invitation == invitation and comment.author is None and comment.heading == "Praktijk"
    assert mail.outbox[-1].to == ["hoofd1@example.org"] and "Prof. Gast (gastlezer)" in mail.outbox[-1].body
    assert "Kan hier een voorbeeld uit Gent bij?" in client.get(path).content.decode()  # their own comment

    # The comment lands in the admin and on the dashboard.
    client.force_login(chief)
    assert "Kan hier een voorbeeld" in client.get("/beheer/lexicon_editorial/reviewcomment/").content.decode()
    dashboard = client.get("/beheer/redactie/").content.decode()
    assert "Prof. Gast (gastlezer)" in dashboard.split('id="gastlezers"')[1]


def test_guest_sees_only_their_own_comments(client, chief, draft):
    invitation = invite_by_admin(client, chief, draft)
    ReviewComment.objects.create(lemma=draft, author=chief, paragraph=0, text="Interne notitie van de redactie.")
    assert "Interne notitie" not in client.get(invitations.path_for(invitation)).content.decode()


def test_expired_link_is_410_with_a_dutch_explanation(client, chief, draft):
    invitation = invite_by_admin(client, chief, draft)
    Invitation.objects.filter(pk=invitation.pk).update(expires=timezone.now() - timedelta(minutes=1))
    response = client.get(invitations.path_for(invitation))
    assert response.status_code == 410 and "Deze link is verlopen" in response.content.decode()
    assert "geheim concept" not in response.content.decode() and "no-store" in response["Cache-Control"]
    assert client.post(invitations.path_for(invitation), {"text": "Te laat"}).status_code == 410
    assert not ReviewComment.objects.exists()


def test_revoked_link_is_403_at_once(client, chief, draft):
    invitation = invite_by_admin(client, chief, draft)
    path = invitations.path_for(invitation)
    assert client.get(path).status_code == 200
    client.force_login(chief)
    assert client.post(f"/beheer/redactie/uitnodiging/{invitation.pk}/intrekken/").status_code == 302
    client.logout()
    response = client.get(path)
    assert response.status_code == 403 and "ingetrokken" in response.content.decode()


@pytest.mark.parametrize("token", ["1", "bogus:signature", "MQ:1tAmpered0000000000000000000000000"])
def test_altered_link_is_a_clear_page(client, chief, draft, token):
    invite_by_admin(client, chief, draft)
    response = client.get(f"/meelezen/{token}/")
    assert response.status_code == 403 and "Deze link is ongeldig" in response.content.decode()


def test_the_link_of_one_invitation_cannot_be_turned_into_another(client, chief, draft):
    first = invite_by_admin(client, chief, draft)
    token = invitations.token_for(first)
    forged = token.replace(token.split(":")[0], "Mg", 1)  # "2" in base64, with the first one's signature
    assert client.get(f"/meelezen/{forged}/").status_code == 403


def test_invitation_page_is_not_cached_nor_in_the_sitemap(client, chief, draft, settings):
    settings.PAGE_CACHE_ENABLED = True
    invitation = invite_by_admin(client, chief, draft)
    path = invitations.path_for(invitation)
    assert client.get(path).status_code == 200
    invitations.revoke(invitation)
    assert client.get(path).status_code == 403  # a cached copy would still say 200
    make_lemma("Sociale basis", slug="sociale-basis")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/lemma/sociale-basis/" in sitemap and "/meelezen/" not in sitemap and "buurtkracht" not in sitemap


def test_a_leaked_link_cannot_flood_the_editors(client, chief, draft, monkeypatch):
    from django.core.cache import cache

    from lexicon.editorial.review import views

    cache.clear()
    monkeypatch.setattr(views, "GUEST_RATE", "2/h")
    path = invitations.path_for(invite_by_admin(client, chief, draft))
    for n in range(2):
        assert client.post(path, {"paragraph": "", "text": f"Opmerking {n}"}).status_code == 302
    response = client.post(path, {"paragraph": "", "text": "Nog een"})
    assert response.status_code == 200 and "probeer het over een uur opnieuw" in response.content.decode()
    assert ReviewComment.objects.count() == 2
