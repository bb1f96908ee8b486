"""The index follows the database: publish, unpublish, delete, concurrent saves from several processes."""
import multiprocessing
import os
import threading
import time

import pytest
from django.db import connections as db_connections
from haystack import connections

from lexicon.content.models import Lemma, LemmaAuthor
from lexicon.search.signals import reindex_lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db


def found(client, q):
    return [r["title"] for r in client.get("/api/zoeken", {"q": q}).json()["results"]]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit index updates the way a real request's commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publish_unpublish_and_delete_update_the_index(client, commit):
    with commit():
        lemma = make_lemma("Wijkteam", slug="wijkteam", status=Lemma.Status.DRAFT, body="Het wijkteam werkt dichtbij.")
    assert found(client, "wijkteam") == []  # drafts are never in the index
    with commit():
        lemma.status = Lemma.Status.PUBLISHED
        lemma.save()
    assert found(client, "wijkteam") == ["Wijkteam"]
    with commit():
        lemma.body = "Het wijkteam werkt dichtbij.\n\n## Outreachend werken\n\nAchter de voordeur."
        lemma.save()
    data = client.get("/api/zoeken", {"q": "voordeur"}).json()
    assert data["results"][0]["section"] == "Outreachend werken"
    with commit():
        lemma.status = Lemma.Status.REVIEW
        lemma.save()
    assert found(client, "wijkteam") == [] and found(client, "voordeur") == []
    with commit():
        lemma.status = Lemma.Status.PUBLISHED
        lemma.save()
    with commit():
        lemma.delete()
    assert found(client, "wijkteam") == [] and found(client, "voordeur") == []


def test_deleting_in_the_admin_removes_the_lemma(admin_client, client, commit):
    with commit():
        lemma = make_lemma("Mantelzorg", slug="mantelzorg", body="Over mantelzorgers.")
    assert found(client, "mantelzorg") == ["Mantelzorg"]
    with commit():
        response = admin_client.post(f"/beheer/lexicon/lemma/{lemma.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert found(client, "mantelzorg") == []


def test_author_added_after_the_lemma_is_searchable_and_filterable(client, commit):
    with commit():
        lemma = make_lemma("Buurtwerk", slug="buurtwerk", body="Buurtwerk in de wijk.")
        author = make_author("Evelien Tonkens", slug="evelien-tonkens")
        LemmaAuthor.objects.create(lemma=lemma, author=author, position=0)
    assert found(client, "tonkens") == ["Buurtwerk"]
    data = client.get("/api/zoeken", {"q": "buurtwerk", "auteur": "evelien-tonkens"}).json()
    assert data["total"] == 1


def test_a_writer_waits_for_the_whoosh_lock_instead_of_failing(client, commit):
    with commit():
        lemma = make_lemma("Vertrouwen", slug="vertrouwen", body="Vertrouwen groeit langzaam.")
    backend = connections["default"].get_backend()
    blocker = backend.index.writer()  # someone else (another worker) holds Whoosh's write lock
    released = threading.Event()

    def release_later():
        time.sleep(0.5)
        released.set()
        blocker.cancel()

    threading.Thread(target=release_later).start()
    lemma.title = "Vertrouwen en wantrouwen"
    lemma.save()
    reindex_lemma(lemma.pk)  # the commit hook: must wait for the lock, not raise LockError
    assert released.is_set()
    assert found(client, "wantrouwen") == ["Vertrouwen en wantrouwen"]


def _save_many(pks, barrier, failures):
    """Child process: save lemmas concurrently with the other children (forked DB copy)."""
    from django.db import connection

    try:
        connections.thread_local.connections = {}
        barrier.wait(30)
        for pk in pks:
            lemma = Lemma.objects.get(pk=pk)
            lemma.body += f"\n\nUniek woord zoekwoord{pk}x."
            lemma.save()
            reindex_lemma(pk)  # what the commit hook runs after a real request's commit
    except Exception as error:
        failures.put(f"{os.getpid()}: {error!r}")
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_concurrent_saves_from_several_processes_are_all_indexed(transactional_db, client, commit):
    cluster = make_clusters()[0]
    with commit():
        lemmas = [make_lemma(f"Lemma {i}", cluster=cluster, body=f"Tekst {i}.") for i in range(16)]
    pks = [lemma.pk for lemma in lemmas]
    # This process now holds a cached searcher; it must notice the other processes' commits.
    assert found(client, "zoekwoord%sx" % pks[0]) == []
    # Children must not inherit this process's database socket (PostgreSQL would see two clients
    # talking over one connection); SQLite's in-memory test database ignores the close.
    db_connections.close_all()
    ctx = multiprocessing.get_context("fork")
    workers = 4
    barrier, failures = ctx.Barrier(workers), ctx.Queue()
    procs = [ctx.Process(target=_save_many, args=(pks[i::workers], barrier, failures)) for i in range(workers)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert problems == [] and all(proc.exitcode == 0 for proc in procs)
    for pk in pks:
        titles = found(client, f"zoekwoord{pk}x")
        assert titles == [Lemma.objects.get(pk=pk).title], pk
    # Nothing was duplicated either: each lemma is in the index exactly once.
    assert client.get("/api/zoeken", {"q": "uniek"}).json()["total"] == len(pks)
