"""Readers' suggestions: public forms, spam protection, moderation queue; never published."""
import pytest
from django.core.cache import cache

from lexicon.content.models import Lemma

from lexicon.editorial.suggestions.models import Suggestion
from tests.helpers.editorial import make_user
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def basis():
    return make_lemma("Sociale basis", slug="sociale-basis")


def test_lemma_page_links_to_its_suggestion_page_without_a_form(client, basis):
    html = client.get("/lemma/sociale-basis/").content.decode()
    assert 'href="/lemma/sociale-basis/suggestie/"' in html
    assert "csrfmiddlewaretoken" not in html  # the lemma page stays cacheable
    assert 'href="/suggestie/"' in html and "Stel een lemma voor" in html  # footer


def test_reader_sends_a_suggestion_about_a_lemma(client, basis):
    page = client.get("/lemma/sociale-basis/suggestie/")
    assert page.status_code == 200
    assert "Wat hebben we gemist bij ‘Sociale basis’?" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "private" in page["Cache-Control"]
    response = client.post("/lemma/sociale-basis/suggestie/", {"text": "Voeg iets toe over buurthuizen.", "name": "", "email": ""})
    assert response.status_code == 302 and response["Location"] == "/lemma/sociale-basis/suggestie/"
    thanks = client.get(response["Location"]).content.decode()
    assert "Dank je wel" in thanks
    suggestion = Suggestion.objects.get()
    assert suggestion.lemma == basis and suggestion.status == Suggestion.Status.NEW
    # Never published: the lemma page does not show it.
    assert "buurthuizen" not in client.get("/lemma/sociale-basis/").content.decode()


def test_general_suggestion_for_a_new_lemma(client):
    page = client.get("/suggestie/").content.decode()
    assert "Stel een lemma voor" in page and "Welk begrip ontbreekt?" in page
    client.post("/suggestie/", {"proposed_title": "Buurtpastoraat", "text": "Mist nog.", "name": "Els", "email": "els@example.org"})
    suggestion = Suggestion.objects.get()
    assert (suggestion.lemma, suggestion.proposed_title, suggestion.name, suggestion.email) == (
        None, "Buurtpastoraat", "Els", "els@example.org")


@pytest.mark.parametrize("data, message", [
    ({"text": ""}, "Schrijf je suggestie op"),
    ({"text": "   "}, "Schrijf je suggestie op"),
    ({"text": "Goed", "email": "geen-adres"}, "geen geldig e-mailadres"),
    ({"text": "x" * 6000}, "te lang"),
])
def test_invalid_input_is_shown_again_with_dutch_errors(client, basis, data, message):
    response = client.post("/lemma/sociale-basis/suggestie/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert not Suggestion.objects.exists()


def test_honeypot_hits_look_normal_but_are_not_saved(client, basis):
    response = client.post("/lemma/sociale-basis/suggestie/", {"text": "Koop nu!", "website": "http://spam.example"})
    assert response.status_code == 302
    assert "Dank je wel" in client.get(response["Location"]).content.decode()
    assert not Suggestion.objects.exists()


def test_rate_limit_per_ip_keeps_the_text_and_saves_nothing_more(client):
    for i in range(5):
        assert client.post("/suggestie/", {"text": f"Suggestie {i}"}).status_code == 302
    response = client.post("/suggestie/", {"text": "Nummer zes"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Probeer het later nog eens" in html and "Nummer zes" in html
    assert Suggestion.objects.count() == 5
    # Another address is not affected.
    assert client.post("/suggestie/", {"text": "Van elders"}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_behind_the_proxy_each_reader_has_their_own_limit(client, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"  # every request arrives from the proxy's 127.0.0.1
    for i in range(5):
        assert client.post("/suggestie/", {"text": f"Lezer A {i}"}, HTTP_X_REAL_IP="203.0.113.7").status_code == 302
    assert client.post("/suggestie/", {"text": "Lezer A 6"}, HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert client.post("/suggestie/", {"text": "Lezer B"}, HTTP_X_REAL_IP="2001:db8::5").status_code == 302
    # A missing or garbled header counts as the proxy's own address: no error, still limited.
    assert client.post("/suggestie/", {"text": "Zonder kop"}, HTTP_X_REAL_IP="<script>").status_code == 302
    assert Suggestion.objects.count() == 7


def test_without_the_setting_the_address_header_is_ignored(client):
    for i in range(5):
        client.post("/suggestie/", {"text": f"Suggestie {i}"}, HTTP_X_REAL_IP=f"203.0.113.{i}")
    assert client.post("/suggestie/", {"text": "Nog een"}, HTTP_X_REAL_IP="198.51.100.1").status_code == 429


def test_no_suggestion_page_for_drafts_or_unknown_lemmas(client):
    make_lemma("Geheim", slug="geheim", status=Lemma.Status.DRAFT)
    assert client.get("/lemma/geheim/suggestie/").status_code == 404
    assert client.get("/lemma/bestaat-niet/suggestie/").status_code == 404


def test_moderation_queue_for_editors(client, basis):
    Suggestion.objects.create(lemma=basis, text="Meer over de wijk.")
    Suggestion.objects.create(proposed_title="Buurtpastoraat", text="Nieuw lemma graag.")
    client.force_login(make_user("redacteur1", "redacteur"))
    queue = client.get("/beheer/lexicon/suggestion/")
    assert queue.status_code == 200
    html = queue.content.decode()
    assert "Meer over de wijk." in html and "Buurtpastoraat" in html
    # An editor reads; only the editor-in-chief moderates.
    pks = list(Suggestion.objects.values_list("pk", flat=True))
    client.post("/beheer/lexicon/suggestion/", {"action": "mark_rejected", "_selected_action": pks})
    assert set(Suggestion.objects.values_list("status", flat=True)) == {"nieuw"}
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    client.post("/beheer/lexicon/suggestion/", {"action": "mark_accepted", "_selected_action": pks[:1]})
    assert Suggestion.objects.get(pk=pks[0]).status == "overgenomen"
    filtered = client.get("/beheer/lexicon/suggestion/?status__exact=nieuw").content.decode()
    assert "Buurtpastoraat" in filtered or "Meer over de wijk." in filtered


def test_anonymous_cannot_see_the_moderation_queue(client):
    response = client.get("/beheer/lexicon/suggestion/")
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
