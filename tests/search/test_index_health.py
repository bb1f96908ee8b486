"""A missing or corrupt index: search says so (503, Dutch, JSON on the API), the rest of the
site works, the state is reported, and rebuild_index recovers (or fails loudly)."""
import glob
import os
import shutil

import pytest
from django.core.management import CommandError, call_command
from haystack import connections

from lexicon.content.models import Lemma
from lexicon.search import freshness, state
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(django_capture_on_commit_callbacks, settings):
    settings.SEARCH_SELF_HEAL = False  # the tests heal by hand
    with django_capture_on_commit_callbacks(execute=True):
        lemma = make_lemma("Wijkteam", slug="wijkteam", body="Het wijkteam werkt dichtbij in de buurt.")
    return lemma


def index_path():
    return connections["default"].get_backend().path


def truncate_toc():
    toc = sorted(glob.glob(os.path.join(index_path(), "*.toc")))[-1]
    with open(toc, "r+b") as handle:
        handle.truncate(os.path.getsize(toc) // 2)


def test_a_healthy_index_answers_searches(client, indexed):
    assert client.get("/zoeken/", {"q": "wijkteam"}).status_code == 200
    assert freshness.full_state().status == state.OK


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_a_broken_index_gives_a_dutch_503_and_the_rest_of_the_site_works(client, indexed, damage):
    shutil.rmtree(index_path()) if damage == "delete" else truncate_toc()
    page = client.get("/zoeken/", {"q": "wijkteam"})
    assert page.status_code == 503
    assert "niet beschikbaar" in page.content.decode()
    api = client.get("/api/zoeken", {"q": "wijkteam"})
    assert api.status_code == 503 and api["Content-Type"].startswith("application/json")
    assert api.json()["status"] == 503 and "niet beschikbaar" in api.json()["fout"]
    assert client.get("/lemma/wijkteam/").status_code == 200
    assert client.get("/api/suggest", {"q": "wijk"}).status_code == 200  # titles still suggested
    expected = state.MISSING if damage == "delete" else state.UNREADABLE
    assert freshness.full_state().status == expected
    health = client.get("/api/gezondheid")
    assert health.status_code == 503 and health.json()["zoekindex"]["status"] == expected
    assert index_path() not in health.content.decode()  # no server paths for the public
    assert not os.path.exists(index_path()) or damage == "truncate"  # a search never recreates it empty


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_rebuild_index_recovers_a_broken_index(client, indexed, damage):
    shutil.rmtree(index_path()) if damage == "delete" else truncate_toc()
    call_command("rebuild_index", "--noinput", verbosity=0)
    assert client.get("/zoeken/", {"q": "wijkteam"}).status_code == 200
    assert client.get("/api/zoeken", {"q": "wijkteam"}).json()["results"][0]["title"] == "Wijkteam"


def test_rebuild_index_fails_loudly_when_it_cannot(indexed, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    backend = connections["default"].get_backend()
    backend.path = str(blocker / "whoosh")  # cannot be created: a file is in the way
    backend.setup_complete = False
    with pytest.raises(CommandError):
        call_command("rebuild_index", "--noinput", verbosity=0)


def test_empty_while_published_and_out_of_date_are_reported(client, indexed):
    from datetime import timedelta

    from lexicon.search.models import IndexChange

    call_command("clear_index", "--noinput", verbosity=0)
    assert freshness.full_state().status == state.EMPTY
    health = client.get("/gezondheid/")  # searches still answer: a warning, not an outage
    assert health.status_code == 200 and "leeg" in health.content.decode()
    assert client.get("/api/gezondheid").json()["status"] == "waarschuwing"
    call_command("rebuild_index", "--noinput", verbosity=0)
    assert freshness.full_state().status == state.OK
    change = IndexChange.objects.create(kind="lemma", object_id=indexed.pk)
    IndexChange.objects.filter(pk=change.pk).update(created=change.created - timedelta(minutes=5))
    assert freshness.full_state().status == state.OUT_OF_DATE
    call_command("drain_index", verbosity=0)
    assert freshness.full_state().status == state.OK


def test_the_system_check_reports_a_missing_index(indexed):
    from django.core import checks

    shutil.rmtree(index_path())
    messages = [m for m in checks.run_checks(tags=["search"]) if m.id.startswith("lexicon_search.")]
    assert messages and "missing" in messages[0].msg
    call_command("rebuild_index", "--noinput", verbosity=0)
    assert not [m for m in checks.run_checks(tags=["search"]) if m.id.startswith("lexicon_search.")]


@pytest.mark.django_db(transaction=True)  # the rebuild thread reads committed data
def test_a_missing_index_heals_itself_in_the_background(client, indexed, settings):
    import time

    settings.SEARCH_SELF_HEAL = True
    shutil.rmtree(index_path())
    assert client.get("/zoeken/", {"q": "wijkteam"}).status_code == 503
    for _ in range(100):
        if state.index_state().status == state.OK and Lemma.objects.exists():
            break
        time.sleep(0.1)
    assert client.get("/zoeken/", {"q": "wijkteam"}).status_code == 200


@pytest.mark.django_db
def test_the_check_does_not_stop_migrate_when_the_outbox_table_is_not_there_yet(monkeypatch):
    """An existing site upgraded to the outbox: `migrate` runs the system checks before it makes
    the table, so the check must not crash there (it did, and the upgrade could not be migrated)."""
    from django.db import OperationalError

    from lexicon.search.checks import search_index_state

    make_lemma("Presentie", slug="presentie", status=Lemma.Status.PUBLISHED)

    def missing_table():
        raise OperationalError("no such table: lexicon_search_indexchange")

    monkeypatch.setattr(freshness, "full_state", missing_table)
    assert search_index_state() == []
