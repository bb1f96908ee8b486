"""A lemma's text is rendered once per version and stored; every change a reader could see in
it (its own text, a renamed, published or deleted link target, a bulk change) shows at once."""
from unittest import mock

import pytest
from django.core.cache import cache

from lexicon.content import rendering
from lexicon.content.models import renderings as stored_renderings
from lexicon.content.models import Lemma, LemmaRendering
from lexicon.content.signals import content_changed
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page(client, lemma):
    cache.clear()  # the page cache is not what is tested here
    response = client.get(lemma.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_saving_stores_the_rendering_and_readers_reuse_it(client, commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Het **wijkteam** werkt dichtbij.")
    stored = LemmaRendering.objects.get(lemma=lemma)
    assert "<strong>wijkteam</strong>" in stored.html
    with mock.patch.object(rendering, "render_markdown", side_effect=AssertionError("rendered again")):
        assert "<strong>wijkteam</strong>" in page(client, lemma)


def test_an_edited_text_shows_at_once(client, commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Eerste versie.")
    page(client, lemma)
    with commit():
        lemma.body = "Tweede versie."
        lemma.save()
    assert "Tweede versie." in page(client, lemma) and "Eerste versie." not in page(client, lemma)


def test_a_text_changed_past_the_signals_is_not_served_stale(client, commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Eerste versie.")
    page(client, lemma)
    Lemma.objects.filter(pk=lemma.pk).update(body="Bijgewerkt in bulk.")
    assert "Bijgewerkt in bulk." in page(client, lemma)


def test_renaming_a_link_target_updates_the_links_to_it(client, commit):
    with commit():
        target = make_lemma("Buurtwerk", slug="buurtwerk", body="Over buurtwerk.")
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Zie [[buurtwerk]] voor meer.")
    assert 'href="/lemma/buurtwerk/"' in page(client, lemma)
    with commit():
        target.title, target.slug = "Opbouwwerk", "opbouwwerk"
        target.save()
    html = page(client, lemma)
    assert 'href="/lemma/opbouwwerk/"' in html


def test_publishing_or_deleting_a_target_changes_the_link(client, commit):
    with commit():
        target = make_lemma("Buurtwerk", slug="buurtwerk", status=Lemma.Status.DRAFT, body="Over buurtwerk.")
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Zie [[buurtwerk]] voor meer.")
    assert 'href="/lemma/buurtwerk/"' not in page(client, lemma)  # no links to drafts
    with commit():
        target.status = Lemma.Status.PUBLISHED
        target.save()
    assert 'href="/lemma/buurtwerk/"' in page(client, lemma)
    with commit():
        target.delete()
    assert 'href="/lemma/buurtwerk/"' not in page(client, lemma)


def test_a_bulk_change_makes_every_rendering_stale(client, commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Tekst.")
    page(client, lemma)
    before = stored_renderings.current_epoch()
    content_changed.send(sender=Lemma)
    assert stored_renderings.current_epoch() > before
    with mock.patch.object(stored_renderings, "render_live", wraps=stored_renderings.render_live) as render:
        page(client, lemma)
    assert render.called


def test_a_rendering_made_during_a_rename_is_never_served(client, commit):
    """A reader that read the epoch before a rename commits stores its rendering under the old
    epoch; the next reader renders again."""
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Tekst.")
    stale = Lemma.objects.with_rendering().get(pk=lemma.pk)  # epoch read now
    stored_renderings.bump_epoch()  # someone renames a lemma meanwhile
    stored_renderings.rendered_for(stale)
    with mock.patch.object(stored_renderings, "render_live", wraps=stored_renderings.render_live) as render:
        stored_renderings.rendered_for(Lemma.objects.with_rendering().get(pk=lemma.pk))
    assert render.called


def test_word_count_comes_with_the_rendering(commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="een twee drie vier")
    fresh = Lemma.objects.with_rendering().get(pk=lemma.pk)
    with mock.patch.object(rendering, "plain_text", side_effect=AssertionError("counted again")):
        assert fresh.word_count == 4
