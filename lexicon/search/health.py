"""/gezondheid/ and /api/gezondheid: is the site able to serve (database, search index)?

503 when it cannot (database down, index missing or unreadable), so a load balancer or monitor can
act on the status alone; 200 otherwise, with "waarschuwing" in the body when the index is empty
while lemmas are published or behind the outbox. The body says what is wrong in Dutch (and the
index state in the keys of lexicon.search.state). Never cached.
"""
from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lexicon.search import freshness, state

LABELS = {
    state.OK: "in orde",
    state.MISSING: "ontbreekt",
    state.UNREADABLE: "onleesbaar (beschadigd)",
    state.EMPTY: "leeg, terwijl er gepubliceerde lemma's zijn",
    state.OUT_OF_DATE: "loopt achter op de database",
}


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def report():
    """(healthy, dict) for both the page and the API."""
    database = _database_ok()
    found = freshness.full_state() if database else state.index_state()
    # 503 only when the site cannot serve (a load balancer may act on it); an index that is empty
    # or behind still answers searches: a warning in the body.
    healthy = database and found.searchable
    status = "ok" if healthy and found.status == state.OK else "waarschuwing" if healthy else "fout"
    return healthy, {
        "status": status,
        "database": "ok" if database else "fout",
        "zoekindex": {
            "status": found.status,
            "omschrijving": _(LABELS.get(found.status, found.status)),
            # Counts only: a missing or unreadable index's detail names server paths and errors.
            "detail": found.detail if found.status in (state.EMPTY, state.OUT_OF_DATE) else "",
            "documenten": found.documents,
            "lemmas": found.lemmas,
            "open_wijzigingen": found.pending,
        },
    }


@never_cache
def health_page(request):
    healthy, data = report()
    return render(request, "lexicon/health.html", {"healthy": healthy, "report": data},
                  status=200 if healthy else 503)
