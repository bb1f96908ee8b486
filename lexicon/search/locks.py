"""An inter-process lock around index writes.

Whoosh allows one writer at a time and raises LockError at the second; several gunicorn
workers saving lemmas at once would show that error to an editor or silently drop an update
(haystack's stock AsyncWriter). Writers here queue on an fcntl lock next to the index
directory (not inside it: ``rebuild_index`` deletes that directory).
"""
import fcntl
import os
import threading
from contextlib import contextmanager

_local = threading.local()


@contextmanager
def index_lock(index_path):
    path = os.path.abspath(index_path).rstrip(os.sep) + ".lock"
    held = getattr(_local, "held", None)
    if held is None:
        held = _local.held = {}
    if held.get(path):
        # Re-entrant within a thread (e.g. clear() calling setup()).
        held[path] += 1
        try:
            yield
        finally:
            held[path] -= 1
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # blocks until the other writer is done
        held[path] = 1
        try:
            yield
        finally:
            held[path] = 0
            fcntl.flock(handle, fcntl.LOCK_UN)
