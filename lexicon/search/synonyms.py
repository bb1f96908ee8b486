"""The synonym list as the query understanding reads it, cached per process.

Every save or delete of a synonym bumps a version in the shared cache, so all workers reread
the (small) list on their next search; no reindex is needed.
"""
import threading
import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "search:synonyms-version"
_lock = threading.Lock()
_cached = (None, [])


def version():
    """Changes on every synonym edit (for anything that caches what synonyms decide).

    A random token, not a counter: after a cache flush a counter would start again at a value
    a worker may still hold."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(VERSION_KEY)
    return token


def groups():
    """[(terms tuple, lemma id or 0)] of all synonym rows whose lemma (if any) is published."""
    global _cached
    current = version()
    if _cached[0] == current:
        return _cached[1]
    from lexicon.content.models import Lemma

    from lexicon.search.models import Synonym, split_terms

    try:
        rows = list(Synonym.objects.values_list("terms", "lemma_id", "lemma__status"))
    except Exception:  # not migrated yet: no synonyms
        return []
    out = []
    for terms, lemma_id, status in rows:
        lemma_id = lemma_id if status == Lemma.Status.PUBLISHED else 0  # drafts never leak
        terms = tuple(split_terms(terms))
        if len(terms) >= 2 or (terms and lemma_id):
            out.append((terms, lemma_id or 0))
    with _lock:
        _cached = (current, out)
    return out


def invalidate(**kwargs):
    global _cached
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    with _lock:
        _cached = (None, [])


def connect_signals():
    from django.apps import apps

    from lexicon.search.models import Synonym

    post_save.connect(invalidate, sender=Synonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(invalidate, sender=Synonym, dispatch_uid="search-synonym-deleted")
    # A lemma that is (un)published changes which synonyms may point at it.
    post_save.connect(invalidate, sender=apps.get_model("lexicon", "Lemma"), dispatch_uid="search-synonym-lemma")
