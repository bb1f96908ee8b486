"""Stored fragments: the parts of a page that depend on content only, rendered once per content
generation and then assembled, so a page that misses the page cache (another query string, a
reader with a cookie, the cache off) does not render its lists, relation map and body again.

A fragment's key is its name, what it varies on (a lemma's pk and its save time, ...), the
template being rendered and the content generation of ``lexicon.web.caching``: any content change
makes every fragment stale at once, by the same rule as the page cache (always right, because a
lemma page shows other lemmas). Kept in this process (a bounded LRU: no round trip, no copy of
a 40 KB string) and in the shared cache (the other workers). What a fragment holds must not
depend on the request or the user: it is used for every reader.
"""
import hashlib
import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.utils.safestring import mark_safe

from lexicon.web import caching

log = logging.getLogger(__name__)
LOCAL_ENTRIES = 512  # about 20 MB for lemma-sized fragments
_local = OrderedDict()
_lock = threading.Lock()


def enabled():
    return getattr(settings, "STORED_FRAGMENTS", True)


def generation():
    """The current content generation, or None when the shared cache cannot be reached (then
    fragments are rendered, not stored: a page without its cache is slower, never an error)."""
    try:
        return caching.content_state()[0]
    except Exception:  # noqa: BLE001 - e.g. Redis down
        log.warning("Shared cache unreachable: rendering fragments", exc_info=True)
        return None


def fetch(parts, compute, generation):
    """The fragment for ``parts`` stored under content ``generation``, else ``compute()`` stored:
    in this process first, then in the shared cache (``caching.shared``)."""
    digest = hashlib.sha1("\0".join(str(p) for p in parts).encode("utf-8", "surrogateescape")).hexdigest()
    key = f"lexicon:fragment:{digest}:{generation}"
    with _lock:
        html = _local.get(key)
        if html is not None:
            _local.move_to_end(key)
            return mark_safe(html)
    html = caching.shared(key, lambda: str(compute()))
    with _lock:
        _local[key] = html
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return mark_safe(html)


def clear_local():
    with _lock:
        _local.clear()
