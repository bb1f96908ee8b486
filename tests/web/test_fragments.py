"""Stored fragments (lexicon.web.fragments): with the page cache off, a page assembles the parts
it rendered before, and still shows every change at once, to the right reader."""
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lexicon.content.models import Lemma
from lexicon.reading import page as reading_page
from tests.helpers.factories import make_author, make_lemma, make_pages, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False  # every request reaches the view: fragments only


@pytest.fixture
def lemmas():
    make_pages()
    author = make_author("Ada Nabij")
    first = make_lemma("Buurtwerk", authors=[author], body="Over **buurten**.\n\n## Geschiedenis\n\nVroeger.")
    second = make_lemma("Presentie", authors=[author])
    make_ref(first, second)
    return first, second


def test_a_page_read_again_does_not_compute_its_related_lists_or_render_its_article(client, lemmas):
    first, _second = lemmas
    with CaptureQueriesContext(connection) as cold:
        assert client.get(first.get_absolute_url()).status_code == 200
    with mock.patch.object(reading_page, "lemma_page_context", side_effect=AssertionError("computed again")):
        with CaptureQueriesContext(connection) as warm:
            response = client.get(first.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>buurten</strong>" in html and "Presentie" in html and "Ada Nabij" in html
    assert len(warm.captured_queries) < len(cold.captured_queries) / 2


def test_a_change_to_another_lemma_shows_at_once_on_this_page(client, lemmas):
    first, second = lemmas
    assert "Presentie" in client.get(first.get_absolute_url()).content.decode()
    second.title = "Presentiebenadering"
    second.save()
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Presentiebenadering" in html  # in "Zie ook", not the old stored list


def test_an_edit_of_the_body_shows_at_once(client, lemmas):
    first, _second = lemmas
    client.get(first.get_absolute_url())
    first.body = "Een nieuwe alinea over **nabijheid**."
    first.save()
    html = client.get(first.get_absolute_url()).content.decode()
    assert "<strong>nabijheid</strong>" in html and "buurten" not in html


def test_an_editors_preview_of_a_draft_is_never_what_readers_get(client, lemmas):
    draft = make_lemma("Geheim concept", status=Lemma.Status.DRAFT, body="Nog niet af.")
    editor = User.objects.create_user("redacteur", password="x", is_staff=True)
    client.force_login(editor)
    preview = client.get(draft.get_absolute_url()).content.decode()
    assert "Voorvertoning" in preview and "Nog niet af." in preview
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    draft.status = Lemma.Status.PUBLISHED
    draft.save()
    published = client.get(draft.get_absolute_url()).content.decode()
    assert "Nog niet af." in published and "Voorvertoning" not in published


def test_home_page_counts_a_newly_published_lemma_at_once(client, lemmas):
    assert "Buurtwerk" in client.get("/").content.decode()
    make_lemma("Wijkverpleging")
    assert "Wijkverpleging" in client.get("/").content.decode()


@pytest.mark.parametrize("page_cache", [False, True])
def test_an_unreachable_shared_cache_renders_the_page_instead(client, lemmas, settings, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    first, _second = lemmas
    from lexicon.web import caching

    with mock.patch.object(caching, "content_state", side_effect=ConnectionError("redis down")):
        response = client.get(first.get_absolute_url())
    assert response.status_code == 200 and "Presentie" in response.content.decode()
