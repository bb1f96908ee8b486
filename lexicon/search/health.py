"""/gezondheid/ and /api/gezondheid: is the site able to serve (database, search index)?

200 when everything works, 503 otherwise, so a load balancer or monitor can act on the status
alone; the body says what is wrong in Dutch (and, for the index, which state in the keys of
lexicon.search.state). Never cached.
"""
from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lexicon.search import state

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
    found = state.full_state() if database else state.index_state()
    healthy = database and found.status == state.OK
    return healthy, {
        "status": "ok" if healthy else "fout",
        "database": "ok" if database else "fout",
        "zoekindex": {
            "status": found.status,
            "omschrijving": _(LABELS.get(found.status, found.status)),
            "detail": found.detail,
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
