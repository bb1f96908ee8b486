"""Unpublishing a lemma that published lemmas link to asks first, naming those lemmas."""
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from lexicon.content.models import Lemma
from lexicon.editorial import workflow
from tests.helpers.editorial import make_user
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    client.force_login(make_user("hoofd1", "hoofdredacteur"))
    return client


def unpublish(client, lemma, **extra):
    return client.post("/beheer/lexicon/lemma/", {"action": "unpublish", ACTION_CHECKBOX_NAME: [lemma.pk], **extra})


def test_unpublishing_a_linked_lemma_lists_the_linking_lemmas_and_needs_a_confirmation(chief):
    target = make_lemma("Vertrouwen", slug="vertrouwen")
    source = make_lemma("Buurt", slug="buurt", body="Zonder [[vertrouwen]] geen buurt.")
    workflow.sync_mentions(source)
    response = unpublish(chief, target)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurt" in html and "Ja, depubliceren" in html
    assert Lemma.objects.get(pk=target.pk).status == Lemma.Status.PUBLISHED  # nothing happened yet
    assert unpublish(chief, target, bevestigd="1").status_code == 302
    assert Lemma.objects.get(pk=target.pk).status == Lemma.Status.DRAFT


def test_unpublishing_an_unlinked_lemma_needs_no_confirmation(chief):
    lonely = make_lemma("Eenzaamheid", slug="eenzaamheid")
    assert unpublish(chief, lonely).status_code == 302
    assert Lemma.objects.get(pk=lonely.pk).status == Lemma.Status.DRAFT


def test_unpublishing_from_the_form_asks_the_same(chief):
    from tests.helpers.editorial import form_data

    target = make_lemma("Vertrouwen", slug="vertrouwen")
    source = make_lemma("Buurt", slug="buurt", body="Zonder [[vertrouwen]] geen buurt.")
    workflow.sync_mentions(source)
    url = f"/beheer/lexicon/lemma/{target.pk}/change/"
    data = form_data(chief.get(url))
    data["status"] = Lemma.Status.DRAFT
    refused = chief.post(url, data)
    assert refused.status_code == 200 and "Buurt" in refused.content.decode()
    assert "Depubliceren bevestigen" in refused.content.decode()
    assert Lemma.objects.get(pk=target.pk).status == Lemma.Status.PUBLISHED
    data["confirm_unpublish"] = "on"
    assert chief.post(url, data).status_code == 302
    assert Lemma.objects.get(pk=target.pk).status == Lemma.Status.DRAFT
