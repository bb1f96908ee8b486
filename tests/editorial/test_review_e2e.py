"""The whole review path in headless Chromium: an editor submits with a note, the editor-in-chief
comments on a paragraph, the editor revises, the chief publishes with a change note; and an outside
reviewer's invitation link (used, expired, revoked). With LEXICON_SHOTS=<dir> the pages are also
saved as screenshots at 390x844 and 1280x900, for a person to look at."""
import os
from datetime import timedelta

import pytest

from tests.helpers.browser import needs_chromium

pytestmark = [*needs_chromium, pytest.mark.django_db(transaction=True)]
PASSWORD = "een-lang-testwachtwoord-42"
BODY = ("Buurtkracht is wat buren samen kunnen.\n\n## In de praktijk\n\nIn de praktijk begint het klein.\n\n"
        "Een tweede alinea over de wijk.")


@pytest.fixture
def newsroom(settings):
    from lexicon.content.models import Lemma
    from tests.helpers.editorial import make_user
    from tests.helpers.factories import make_clusters, make_lemma

    settings.PAGE_CACHE_ENABLED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_clusters()
    make_lemma("Sociale basis", slug="sociale-basis", order=1)
    make_user("redacteur1", "redacteur", password=PASSWORD)
    make_user("hoofd1", "hoofdredacteur", password=PASSWORD)
    return make_lemma("Buurtkracht", slug="buurtkracht", order=2, status=Lemma.Status.DRAFT, body=BODY)


def log_in(browser, base, username, width=1280, height=900):
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(base + "/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("[type=submit]")
    page.wait_for_url(base + "/beheer/")
    return page


def shoot(page, name):
    """Full-page screenshots at phone and desktop width when LEXICON_SHOTS names a directory."""
    folder = os.environ.get("LEXICON_SHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    size = page.viewport_size
    for width, height in [(390, 844), (1280, 900)]:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=os.path.join(folder, f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def test_submit_comment_revise_publish(live_server, newsroom, browser):
    from django.core import mail

    from lexicon.content.models import Lemma
    from lexicon.editorial.review import services

    base, lemma = live_server.url, newsroom
    # The editor submits the draft for review with a note and an edit summary.
    editor = log_in(browser, base, "redacteur1")
    editor.goto(f"{base}/beheer/lexicon/lemma/{lemma.pk}/change/")
    editor.select_option("#id_status", "review")
    editor.fill("#id_review_note", "Klopt het voorbeeld in de praktijk-sectie?")
    editor.fill("#id_edit_summary", "Eerste versie klaar voor review")
    editor.click("input[name=_save]")
    editor.locator(".messagelist .success").wait_for()
    assert any("Review gevraagd: Buurtkracht" in m.subject for m in mail.outbox)

    # The chief sees it waiting, opens it and comments on a paragraph.
    chief = log_in(browser, base, "hoofd1")
    chief.click("#user-tools a:has-text('Redactie-overzicht')")
    waiting = chief.locator("#wacht-op-mij")
    assert "Klopt het voorbeeld" in waiting.inner_text()
    shoot(chief, "dashboard-wacht-op-mij")
    waiting.locator("a.review-title:has-text('Buurtkracht')").click()
    chief.locator("#alinea-2 a:has-text('Reageer op deze alinea')").click()
    assert chief.input_value("#id_paragraph") == "2"
    chief.fill("#id_text", "Noem hier een concreet voorbeeld uit een wijk.")
    chief.click(".review-comment-form button[type=submit]")
    chief.locator("#alinea-2 .review-comment").wait_for()
    assert "concreet voorbeeld" in chief.locator("#alinea-2").inner_text()
    shoot(chief, "review-pagina")
    assert any(m.to == ["redacteur1@example.org"] and "concreet voorbeeld" in m.body for m in mail.outbox)

    # The editor reads the comment from the dashboard and revises.
    editor.goto(base + "/beheer/redactie/")
    row = editor.locator("#mijn-concepten tr:has-text('Buurtkracht')")
    assert row.locator(".review-count").inner_text() == "1"
    row.locator("a:has-text('review')").click()
    assert "concreet voorbeeld" in editor.locator("#alinea-2").inner_text()
    editor.goto(f"{base}/beheer/lexicon/lemma/{lemma.pk}/change/")
    editor.fill("#id_body", BODY.replace("begint het klein.", "begint het klein, bij de buurtkamer in Oost."))
    editor.fill("#id_edit_summary", "Voorbeeld uit Oost toegevoegd")
    editor.select_option("#id_status", "review")
    editor.click("input[name=_save]")
    editor.locator(".messagelist .success").wait_for()

    # The chief publishes with a change note; it is in the history and in the public change note.
    chief.goto(base + "/beheer/redactie/")
    chief.locator("#wacht-op-mij a:has-text('Bewerken')").click()
    chief.select_option("#id_status", "gepubliceerd")
    chief.fill("#id_edit_summary", "Gepubliceerd na review")
    chief.click("input[name=_save]")
    chief.locator(".messagelist .success").wait_for()
    lemma.refresh_from_db()
    assert lemma.status == Lemma.Status.PUBLISHED and "buurtkamer in Oost" in lemma.body
    assert services.public_change_note(lemma) == "Gepubliceerd na review"
    chief.goto(f"{base}/beheer/lexicon/lemma/{lemma.pk}/history/")
    history = chief.locator("#change-history").inner_text()
    for summary in ["Gepubliceerd na review", "Voorbeeld uit Oost toegevoegd", "Eerste versie klaar voor review"]:
        assert summary in history
    chief.goto(base + "/beheer/redactie/")
    assert "Gepubliceerd na review" in chief.locator("#recent-gepubliceerd").inner_text()
    assert "Er wacht niets op jou." in chief.locator("#wacht-op-mij").inner_text()
    shoot(chief, "dashboard-na-publicatie")
    reader = browser.new_context().new_page()
    reader.goto(base + "/lemma/buurtkracht/")
    assert "buurtkamer in Oost" in reader.locator("main").inner_text()


def test_invitation_link_used_expired_revoked(live_server, newsroom, browser):
    from django.utils import timezone

    from lexicon.editorial.review.models import Invitation, ReviewComment

    base, lemma = live_server.url, newsroom
    chief = log_in(browser, base, "hoofd1")
    chief.goto(f"{base}/beheer/redactie/lemma/{lemma.pk}/")
    chief.fill("#gastlezers #id_name", "Prof. Gast")
    chief.fill("#gastlezers #id_email", "gast@example.org")
    chief.click("#gastlezers button:has-text('Link maken')")
    link = chief.locator("#gastlezers input.review-link").first.input_value()
    assert "/meelezen/" in link

    # Used: the guest reads the draft and comments on a paragraph.
    guest = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    response = guest.goto(link)
    assert response.status == 200 and "noindex" in response.headers["x-robots-tag"]
    assert "no-store" in response.headers["cache-control"]
    assert "Welkom Prof. Gast" in guest.locator(".review-banner").inner_text()
    shoot(guest, "uitnodiging-gastlezer")
    guest.locator("#alinea-1 a:has-text('Reageer op deze alinea')").click()
    guest.fill("#id_text", "Mooie definitie, misschien een bron erbij?")
    guest.click(".review-comment-form button[type=submit]")
    guest.locator("#opmerkingen .review-comment-guest").wait_for()
    assert ReviewComment.objects.get().invitation.name == "Prof. Gast"
    chief.goto(base + "/beheer/lexicon_editorial/reviewcomment/")
    assert "Mooie definitie" in chief.locator("#result_list").inner_text()

    # Expired: a clear Dutch page with 410.
    Invitation.objects.update(expires=timezone.now() - timedelta(minutes=1))
    response = guest.goto(link)
    assert response.status == 410 and guest.locator("h1").inner_text() == "Deze link is verlopen"
    shoot(guest, "uitnodiging-verlopen")

    # Revoked: a new link works, until the chief revokes it.
    chief.goto(f"{base}/beheer/redactie/lemma/{lemma.pk}/")
    chief.fill("#gastlezers #id_name", "Dr. Tweede")
    chief.click("#gastlezers button:has-text('Link maken')")
    second = chief.locator("#gastlezers tr:has-text('Dr. Tweede') input.review-link").input_value()
    assert guest.goto(second).status == 200
    chief.click("#gastlezers button:has-text('Link van Dr. Tweede intrekken')")
    chief.locator(".messagelist .success").wait_for()
    response = guest.goto(second)
    assert response.status == 403 and guest.locator("h1").inner_text() == "Deze link is ingetrokken"
    shoot(guest, "uitnodiging-ingetrokken")


def test_lemma_picker_inserts_a_link_to_a_draft(live_server, newsroom, browser):
    base = live_server.url
    page = log_in(browser, base, "redacteur1")
    page.goto(f"{base}/beheer/lexicon/lemma/add/")
    page.fill("#id_body", "Zie ook ")
    page.locator("#id_body").press("End")
    page.click(".md-toolbar button[data-md=wikilink]")
    page.locator(".md-picker-input").press_sequentially("buurt")
    page.locator(".md-picker-option:has-text('Buurtkracht (concept)')").wait_for()
    shoot(page, "lemma-kiezer")
    page.click(".md-picker-option:has-text('Buurtkracht')")
    assert page.input_value("#id_body") == "Zie ook [[Buurtkracht]]"
    assert page.locator(".md-picker").is_hidden()


def test_review_pages_have_no_serious_accessibility_violations(live_server, newsroom, browser):
    from lexicon.editorial.review import invitations, services
    from lexicon.editorial.review.models import Invitation
    from tests.helpers.browser import blocking_violations

    from django.contrib.auth.models import User

    chief_user = User.objects.get(username="hoofd1")
    services.submit_for_review(newsroom, User.objects.get(username="redacteur1"), note="Graag kijken.")
    services.add_comment(newsroom, "Opmerking bij alinea 1.", user=chief_user, paragraph=0)
    invitation = invitations.invite(newsroom, "Prof. Gast", created_by=chief_user)
    revoked = invitations.revoke(Invitation.objects.create(lemma=newsroom, name="Oud", expires=invitation.expires))
    page = log_in(browser, live_server.url, "hoofd1")
    for path in ["/beheer/redactie/", f"/beheer/redactie/lemma/{newsroom.pk}/", invitations.path_for(invitation),
                 invitations.path_for(revoked)]:
        page.goto(live_server.url + path)
        assert blocking_violations(page) == [], path
