"""Start-up and self-healing: drain the outbox when a server starts; rebuild a missing or
unreadable index in the background (one rebuild per machine at a time, at most one attempt per
``RETRY`` seconds per process) while the search pages answer 503 with a Dutch message."""
import fcntl
import logging
import threading
import time

from django.conf import settings
from django.db import connections as db_connections
from haystack import connections

from lexicon.search import outbox, state

log = logging.getLogger(__name__)
RETRY = 30.0
_last_attempt = {}
_guard = threading.Lock()


def at_startup():
    """Called from config/wsgi.py: catch up with the log, or heal a broken index. Never raises."""
    for using in connections.connections_info:
        try:
            found = state.index_state(using)
            if found.searchable:
                outbox.drain(using)
            else:
                log.error("Search index %s is %s at start-up (%s)", using, found.status, found.detail)
                schedule_rebuild(using)
        except Exception:
            log.exception("Start-up drain of the search index failed; manage.py drain_index catches up")


def schedule_rebuild(using="default"):
    """Rebuild ``using`` in a background thread, unless switched off or tried just now."""
    if not getattr(settings, "SEARCH_SELF_HEAL", True):
        return False
    with _guard:
        now = time.monotonic()
        if now - _last_attempt.get(using, -RETRY) < RETRY:
            return False
        _last_attempt[using] = now
    threading.Thread(target=_rebuild, args=(using,), name=f"rebuild-index-{using}", daemon=True).start()
    return True


def _rebuild(using):
    from django.core.management import call_command

    path = outbox.lock_path(using).rstrip("/") + ".rebuild"
    try:
        with open(path, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # another process of this machine is rebuilding
            try:
                if state.index_state(using).searchable:
                    return  # healed by someone else meanwhile
                log.warning("Rebuilding the search index %s", using)
                call_command("rebuild_index", interactive=False, using=[using], verbosity=0)
                log.warning("Search index %s rebuilt", using)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    except Exception:
        log.exception("Background rebuild of the search index failed; run manage.py rebuild_index")
    finally:
        db_connections.close_all()
