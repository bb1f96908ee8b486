"""The durable path from the database to the search index: an outbox and a marker per index.

A save writes ``IndexChange`` rows in its own transaction (lexicon.search.signals), so no commit
can happen without its index work recorded. ``drain()`` applies the rows this index has not yet
applied: after each commit in the saving process, at start-up (config/wsgi.py) and from
``manage.py drain_index`` (cron or a worker). A ``kill -9`` between commit and index write only
delays the work until the next drain.

How far an index has got is stored *beside* that index directory (``<path>.applied``, JSON), not in
the database: every app server with its own local index keeps its own marker and catches up from
the one shared log; that is how the site runs on several machines without a search server.

The marker is ``{"upto": N, "applied": [ids above N]}``. Ids are handed out when a row is inserted,
not when it commits, so on PostgreSQL row 11 can be visible before row 10 commits. ``upto`` only
moves over an unseen id once a later row is ``GRACE`` old (the unseen one was rolled back); the
rows seen above ``upto`` are remembered so they are not applied twice. Applying twice would do no
harm (each apply re-reads the database), it only costs time.
"""
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from haystack import connections

from lexicon.search.locks import index_lock

log = logging.getLogger(__name__)

GRACE = timedelta(seconds=60)  # longer than any content transaction takes


@dataclass
class Marker:
    upto: int = 0
    applied: set = field(default_factory=set)

    def has(self, change_id):
        return change_id <= self.upto or change_id in self.applied


def index_path(using="default"):
    """The index directory of ``using`` (Whoosh), or None for a shared search server."""
    return getattr(connections[using].get_backend(), "path", None) or None


def marker_path(using="default"):
    path = index_path(using)
    if path:
        return os.path.abspath(path).rstrip(os.sep) + ".applied"
    return os.path.join(settings.BASE_DIR, "var", f"search-{using}.applied")


def lock_path(using="default"):
    return index_path(using) or marker_path(using)


def read_marker(using="default"):
    try:
        with open(marker_path(using), encoding="utf-8") as handle:
            data = json.load(handle)
        return Marker(int(data.get("upto", 0)), {int(i) for i in data.get("applied", [])})
    except (OSError, ValueError, TypeError, AttributeError):
        return Marker()  # no marker (or an unreadable one): replay the log; applying is idempotent


def write_marker(marker, using="default"):
    path = marker_path(using)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"upto": marker.upto, "applied": sorted(marker.applied)}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)  # atomic: a crash leaves the old marker or the new one


def advance(marker, rows, now=None):
    """The marker after applying ``rows`` ((id, created) of every row above ``marker.upto``)."""
    now = now or timezone.now()
    upto, applied = marker.upto, set(marker.applied) | {row_id for row_id, _created in rows}
    for row_id, created in sorted(rows):
        if row_id == upto + 1 or created < now - GRACE:
            upto = row_id
        else:
            break
    return Marker(upto, {i for i in applied if i > upto})


def record(kind, object_id):
    """Write one outbox row in the current transaction and drain once it commits."""
    from lexicon.search.models import IndexChange

    IndexChange.objects.create(kind=kind, object_id=object_id)
    # One drain per row; the first applies all rows of the transaction, the others find nothing.
    transaction.on_commit(drain_quietly)


def baseline():
    """Id up to which a full rebuild starting now covers the log (read *before* the rebuild).

    Rows of the last ``GRACE`` may belong to transactions still open, so they are replayed."""
    from lexicon.search.models import IndexChange

    old = IndexChange.objects.filter(created__lt=timezone.now() - GRACE).order_by("-id").values_list("id", flat=True)
    return old.first() or 0


def pending(using="default"):
    """Outbox rows this index has not applied yet (a queryset)."""
    from lexicon.search.models import IndexChange

    marker = read_marker(using)
    return IndexChange.objects.filter(id__gt=marker.upto).exclude(id__in=marker.applied)


def drain(using="default"):
    """Apply what this index has not yet applied; returns the number of objects re-indexed.

    Does nothing when the index is missing or unreadable: writing into it would create an empty
    index that looks healthy. ``rebuild_index`` (or the start-up heal) makes a new one."""
    from lexicon.search import state
    from lexicon.search.models import IndexChange
    from lexicon.search.reindex import APPLY

    if state.index_state(using).status != state.OK:
        return 0
    with index_lock(lock_path(using)):
        marker = read_marker(using)
        rows = list(IndexChange.objects.filter(id__gt=marker.upto).order_by("id")
                    .values_list("id", "kind", "object_id", "created"))
        targets = list(dict.fromkeys((kind, oid) for row_id, kind, oid, _c in rows if not marker.has(row_id)))
        for kind, oid in targets:
            APPLY[kind](oid, using)
        if rows:
            write_marker(advance(marker, [(row_id, created) for row_id, _k, _o, created in rows]), using)
    return len(targets)


def drain_quietly():
    """drain() of every index after a commit: the data is saved, a failed index write must not
    become an error page; the rows stay in the outbox for the next drain."""
    for using in connections.connections_info:
        try:
            drain(using)
        except Exception:
            log.exception("Search index drain failed; the changes stay in the outbox (manage.py drain_index)")


def prune(days):
    """Delete outbox rows older than ``days`` (every server must have drained them by then)."""
    from lexicon.search.models import IndexChange

    return IndexChange.objects.filter(created__lt=timezone.now() - timedelta(days=days)).delete()[0]
