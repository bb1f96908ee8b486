"""Which version of the published lexicon a built file shows: a fingerprint of everything a reader
can see in the book.

Not the page cache's generation (lexicon.web.caching): that one lives in the cache, restarts at a
cache flush and moves on every draft save, which would throw away a minute of PDF work for nothing;
and exports sits below web. This key is computed from the published rows themselves, so every process
(a gunicorn worker, the build command) finds the same files for the same content.
"""
import hashlib
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache

from lexicon.content.models import Cluster, Lemma, LemmaAuthor, Page
from lexicon.routes.models import Route, RouteStep

# Bump when the layout of the files changes (templates, CSS), so the next build replaces them.
FORMAT_VERSION = 1
MEMO_KEY = "lexicon:exports:generation"
MEMO_SECONDS = 30  # cleared on every content change; the timeout covers changes made past the ORM


class Generation(NamedTuple):
    key: str  # 12 hex characters, the folder name in the file cache and the "versie" readers see
    changed: object  # datetime of the latest change to published content (or None)


def _rows():
    lemmas = list(
        Lemma.objects.published().order_by("pk").values_list(
            "pk", "slug", "title", "subtitle", "version", "updated", "order", "cluster_id", "published_at"
        )
    )
    authors = list(
        LemmaAuthor.objects.filter(lemma__in=Lemma.objects.published())
        .order_by("lemma_id", "position", "pk").values_list("lemma_id", "author__name", "position")
    )
    pages = list(Page.objects.order_by("pk").values_list("pk", "slug", "title", "updated", "order"))
    clusters = list(Cluster.objects.order_by("pk").values_list("pk", "name", "slug", "order"))
    # A route's PDF changes with its steps (its lemmas' texts are in the rows above).
    routes = list(Route.objects.published().order_by("pk").values_list("pk", "slug", "title", "updated"))
    steps = list(RouteStep.objects.filter(route__in=Route.objects.published()).order_by("route_id", "order", "pk")
                 .values_list("route_id", "lemma_id", "section_anchor", "order"))
    return lemmas, authors, pages, clusters, routes, steps


def compute():
    lemmas, authors, pages, clusters, routes, steps = _rows()
    digest = hashlib.sha256(
        repr((FORMAT_VERSION, settings.LEXICON, settings.SITE_URL, lemmas, authors, pages, clusters, routes,
              steps)).encode()
    ).hexdigest()
    stamps = [row[5] for row in lemmas] + [row[3] for row in pages]
    return Generation(digest[:12], max(stamps) if stamps else None)


def current():
    """The generation of the content as it is now (memoised briefly in the shared cache)."""
    found = cache.get(MEMO_KEY)
    if found is None:
        found = compute()
        cache.set(MEMO_KEY, found, MEMO_SECONDS)
    return Generation(*found)


def forget():
    cache.delete(MEMO_KEY)
