"""The outbox: index work is recorded with the change, survives a crash before the index write,
and several servers with their own index directory converge from one database log."""
import io
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from haystack import connections

from lexicon.content.models import Lemma
from lexicon.search import outbox
from lexicon.search.models import IndexChange
from tests.helpers.factories import make_lemma


def titles(q):
    from lexicon.search import queries

    return [hit.title for hit in queries.search(q).results]


@contextmanager
def server(path):
    """Act as the app server whose local index is ``path`` (its own directory and marker)."""
    from django.test import override_settings

    saved_info, saved = connections.connections_info, connections.thread_local.connections
    info = {"default": {**saved_info["default"], "PATH": str(path)}}
    connections.connections_info, connections.thread_local.connections = info, {}
    try:
        with override_settings(HAYSTACK_CONNECTIONS=info):  # haystack's engines read the settings
            yield
    finally:
        connections.connections_info, connections.thread_local.connections = saved_info, saved


@contextmanager
def crash_before_index_write(monkeypatch):
    """The worker dies after the commit, before its index write (what SIGKILL did)."""
    with monkeypatch.context() as patch:
        patch.setattr(outbox, "drain_quietly", lambda: None)
        yield


@pytest.mark.django_db(transaction=True)  # real commits: on PostgreSQL in the PostgreSQL run
def test_two_servers_with_their_own_index_converge_from_one_database(tmp_path):
    a, b = tmp_path / "server-a" / "whoosh", tmp_path / "server-b" / "whoosh"
    lemma = make_lemma("Wijkteam", slug="wijkteam", body="Het wijkteam werkt dichtbij.")
    gone = make_lemma("Straatwerk", slug="straatwerk", body="Straatwerkers op het plein.")
    for path in (a, b):
        with server(path):
            call_command("rebuild_index", "--noinput", verbosity=0)
            assert titles("wijkteam") == ["Wijkteam"] and titles("plein") == ["Straatwerk"]

    with server(a):  # an editor saves on server A: A's index follows at commit
        lemma.body = "Het wijkteam gaat achter de voordeur."
        lemma.save()
        gone.status = Lemma.Status.DRAFT
        gone.save()
        assert titles("voordeur") == ["Wijkteam"] and titles("plein") == []

    with server(b):  # B has not applied the log yet, then drains and agrees with A
        assert titles("voordeur") == [] and titles("plein") == ["Straatwerk"]
        assert outbox.pending().count() >= 2
        out = io.StringIO()
        call_command("drain_index", stdout=out)
        assert "2 objecten bijgewerkt" in out.getvalue()
        assert titles("voordeur") == ["Wijkteam"] and titles("plein") == []
        assert outbox.pending().count() == 0

    with server(a):  # nothing left for A either, and applying again changes nothing
        assert outbox.pending().count() == 0
        assert outbox.drain() == 0


@pytest.mark.django_db(transaction=True)
def test_a_crash_between_commit_and_index_write_is_caught_up_by_the_next_drain(monkeypatch):
    call_command("rebuild_index", "--noinput", verbosity=0)
    lemma = make_lemma("Mantelzorg", slug="mantelzorg", body="Over mantelzorgers.")
    assert titles("mantelzorgers") == ["Mantelzorg"]
    with crash_before_index_write(monkeypatch):
        lemma.body = "Over informele zorg."
        lemma.save()
        published = make_lemma("Buurtcoach", slug="buurtcoach", body="De buurtcoach helpt.")
        lemma.status = Lemma.Status.DRAFT
        lemma.save()
    assert titles("mantelzorgers") == ["Mantelzorg"]  # the index is behind: withdrawn lemma still found
    assert titles("buurtcoach") == []
    assert IndexChange.objects.filter(object_id__in=[lemma.pk, published.pk]).count() >= 3
    from lexicon.search.heal import at_startup

    at_startup()  # what a restarted server does first
    assert titles("mantelzorgers") == [] and titles("informele") == []
    assert titles("buurtcoach") == ["Buurtcoach"]


@pytest.mark.django_db(transaction=True)
def test_rebuild_sets_the_marker_so_the_log_is_not_replayed(tmp_path):
    make_lemma("Wijkteam", slug="wijkteam")
    IndexChange.objects.update(created=timezone.now() - timedelta(minutes=5))
    call_command("rebuild_index", "--noinput", verbosity=0)
    assert outbox.pending().count() == 0


def test_the_marker_waits_for_an_unseen_id_until_it_is_old():
    now = timezone.now()
    marker = outbox.advance(outbox.Marker(10), [(11, now), (13, now)], now)
    assert marker.upto == 11 and marker.applied == {13}  # 12 may still commit
    assert not marker.has(12) and marker.has(13)
    later = outbox.advance(marker, [(13, now)], now + outbox.GRACE * 2)
    assert later.upto == 13 and later.applied == set()  # 12 was rolled back


@pytest.mark.django_db
def test_reconcile_finds_and_repairs_what_bypassed_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stale = make_lemma("Wijkteam", slug="wijkteam", body="Het wijkteam werkt dichtbij.")
        leaked = make_lemma("Straatwerk", slug="straatwerk", body="Straatwerkers op het plein.")
        missing = make_lemma("Buurtcoach", slug="buurtcoach", body="De buurtcoach helpt.")
    # Changes past the ORM's signals (raw SQL, a restored database, an old index copy):
    Lemma.objects.filter(pk=stale.pk).update(body="Het wijkteam gaat achter de voordeur.")
    Lemma.objects.filter(pk=leaked.pk).update(status=Lemma.Status.DRAFT)
    connections["default"].get_backend().replace_group("lemma_id", missing.pk, [])
    assert titles("plein") == ["Straatwerk"] and titles("voordeur") == [] and titles("buurtcoach") == []

    out = io.StringIO()
    call_command("reconcile_index", stdout=out)
    printed = out.getvalue()
    assert "verouderd: lexicon.lemma." in printed and "te veel: lexicon.lemma." in printed
    assert "ontbreekt: lexicon.lemma." in printed and "Buurtcoach" in printed
    assert titles("plein") == [] and titles("voordeur") == ["Wijkteam"] and titles("buurtcoach") == ["Buurtcoach"]

    again = io.StringIO()
    call_command("reconcile_index", stdout=again)
    assert "0 verschillen hersteld" in again.getvalue()
