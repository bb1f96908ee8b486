"""Cache of rendered public pages, invalidated on every content change.

Every page key contains a global *content generation* kept in the shared cache. Any save or delete
of content (lemmas, authors, clusters, cross-references, pages, sources, redirects) bumps it, so all
pages rendered before are unreachable at once, in every gunicorn worker, and simply expire. A
lemma page shows other lemmas (see also, prev/next, wiki links), so invalidating everything on
every change is the only simple rule that is always right; edits are rare, reads are not.

Only anonymous GET/HEAD requests for public HTML pages are served from or stored in the cache:
- a request with a session cookie (an editor: draft previews) is never served from the cache;
- a response that sets a cookie (CSRF token, messages, session) or carries a form token is never stored;
- the admin, the API, static files and the reader-suggestion pages are never cached.

Hand-written rather than Django's UpdateCacheMiddleware/FetchFromCacheMiddleware: those key pages
by URL and headers with no way to drop every page at once on a content change, and would store
responses that set cookies or carry CSRF tokens; nginx (manage.py nginx_config) sits in front.

Code that changes content past the ORM's signals (``bulk_create``, ``QuerySet.update``, raw SQL, a
restore) sends ``lexicon.content.signals.content_changed`` (or calls ``invalidate_pages()``); ``PAGE_CACHE_TIMEOUT`` bounds the damage if it forgets.
"""
import hashlib
import logging
import re
import threading
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from lexicon.content.signals import content_changed

log = logging.getLogger(__name__)
STATE_KEY = "lexicon:content-state"  # (generation, unix time of the last change)

# Models whose change can alter some public page.
CONTENT_MODELS = [
    "lexicon.Lemma", "lexicon.LemmaAuthor", "lexicon.CrossReference", "lexicon.Cluster",
    "lexicon.Author", "lexicon.Page", "lexicon.Source", "lexicon.SourceSection",
    "lexicon.SlugRedirect", "lexicon.LemmaSection", "lexicon.LemmaVersion",
    "lexicon.RelatedChoice",  # the editors' pins and hides under "Verwant"
    "lexicon_search.Synonym",  # synonyms change search result pages
]

EXCLUDED_PREFIXES = ("/beheer/", "/api/", "/static/", "/media/")
# Reader-suggestion forms (/suggestie/, /lemma/<slug>/suggestie/) carry a CSRF token; an invited
# reviewer's draft (/meelezen/<token>/) is private.
EXCLUDED_PATH_RE = re.compile(r"(^|/)suggestie(/|$)|^/meelezen/")
# Vary headers a stored page may carry: the key does not depend on them (one language; only
# requests without a session cookie are served, and those all get the same page).
HARMLESS_VARY = {"cookie", "accept-language"}

# Per thread: has this thread read the content state since its last bump (else a bump is a no-op
# for it), and does a bump wait for the current transaction's commit. Keeps a bulk change of
# thousands of rows (loaddata, a delete with cascades) at two cache writes instead of thousands.
_local = threading.local()


# --- content generation -------------------------------------------------------------------------

def _initial_state():
    """After a cache flush: a generation no earlier entry can have, and the latest content change."""
    from lexicon.content.models import Lemma, Page

    latest = [
        ts for ts in (
            Lemma.objects.order_by("-updated").values_list("updated", flat=True).first(),
            Page.objects.order_by("-updated").values_list("updated", flat=True).first(),
        ) if ts is not None
    ]
    changed = max(latest).timestamp() if latest else time.time()
    return (time.time_ns() // 1000, changed)


def content_state():
    """(generation, last change as unix time), shared by all processes using the cache."""
    _local.read_since_bump = True
    state = cache.get(STATE_KEY)
    if state is None:
        cache.add(STATE_KEY, _initial_state(), timeout=None)
        state = cache.get(STATE_KEY) or _initial_state()
    return state


def _bump():
    generation, _changed = content_state()
    # get+set, not atomic; two racing bumps may both write n+1, which still moves every reader
    # that saw n (or earlier) to a new key: each bump happens after its own commit.
    cache.set(STATE_KEY, (generation + 1, time.time()), timeout=None)
    _local.read_since_bump = False


def _bump_after_commit():
    if getattr(_local, "commit_bump_pending", False):
        _local.commit_bump_pending = False  # one bump per commit, however many rows changed
        _bump()


def invalidate_pages():
    """Make every cached page stale: now (for this transaction's own later reads) and again after
    commit (so no reader that read the old rows in between can store them under the new key)."""
    if getattr(_local, "read_since_bump", True):
        _bump()
    _local.commit_bump_pending = True
    transaction.on_commit(_bump_after_commit)


def _on_content_change(sender, **kwargs):
    invalidate_pages()


def _on_migrate(sender, **kwargs):
    # Templates and code change with a deploy; deploys run migrate.
    if sender.label == "lexicon":
        try:
            invalidate_pages()
        except Exception:  # noqa: BLE001 - an unreachable cache must not break migrate
            pass


def connect_signals():
    from django.apps import apps

    for label in CONTENT_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(_on_content_change, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(_on_content_change, sender=model, dispatch_uid=f"page-cache-delete-{label}")
    lemma = apps.get_model("lexicon.Lemma")
    m2m_changed.connect(_on_content_change, sender=lemma.authors.through, dispatch_uid="page-cache-authors")
    post_migrate.connect(_on_migrate, dispatch_uid="page-cache-migrate")
    content_changed.connect(_on_content_change, dispatch_uid="page-cache-bulk-change")


# --- what may be cached -----------------------------------------------------------------------

def request_is_cacheable(request):
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return False  # maybe an editor (draft previews), or a flash message to show
    path = request.path
    return not path.startswith(EXCLUDED_PREFIXES) and not EXCLUDED_PATH_RE.search(path)


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - HARMLESS_VARY:
        return False
    return b"csrfmiddlewaretoken" not in response.content


def page_key(request):
    """Key for this request's page (scheme, validated host, full path with query string), or None
    when the Host header is not allowed: then Django answers 400 and nothing is cached."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    url = f"{request.scheme}://{host}{request.get_full_path()}"
    return "lexicon:page:" + hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def lookup(key):
    """(content state, stored page or None) in one cache round trip. A page stored under an older
    generation is a miss (and is overwritten by the next render of that URL)."""
    _local.read_since_bump = True
    found = cache.get_many([STATE_KEY, key])
    state = found.get(STATE_KEY) or content_state()
    frozen = found.get(key)
    if frozen is not None and frozen[0] == state[0]:
        return state, frozen
    return state, None


def store(key, state, response):
    """Store a page rendered under ``state`` (read before rendering, so a save committed while it
    rendered leaves it under the older generation, where it is never served)."""
    cache.set(key, (state[0], response.status_code, list(response.items()), response.content), timeout())


# --- storing and serving ----------------------------------------------------------------------

def add_validators(response, state):
    """ETag (hash of the content), Last-Modified (latest content change) and revalidate-always."""
    set_response_etag(response)
    response["Last-Modified"] = http_date(state[1])
    patch_cache_control(response, no_cache=True)


FRONT_CACHE_HEADER = "X-Accel-Expires"


def mark_for_front_cache(response):
    """Let nginx in front keep this page for FRONT_CACHE_SECONDS (nginx reads and strips the header).
    Called when serving a page Django's page cache stores or holds, never stored with it, so the
    setting in force decides; nginx stores exactly what Django would serve to any reader."""
    seconds = getattr(settings, "FRONT_CACHE_SECONDS", 0)
    if seconds > 0:
        response[FRONT_CACHE_HEADER] = str(seconds)


def thaw(frozen):
    _generation, status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 600)


def per_generation(name, compute):
    """``compute()``'s result, computed once per content generation and shared by all workers
    (e.g. the A–Z letter index). It must be picklable and depend on content only."""
    try:
        generation = content_state()[0]
    except Exception:  # noqa: BLE001 - the shared cache is down: compute, never fail the page
        log.warning("Cache unreachable: computing %s", name, exc_info=True)
        return compute()
    return shared(f"lexicon:memo:{name}:{generation}", compute)


def shared(key, compute):
    """The value under ``key`` in the shared cache, else ``compute()`` stored there; a cache that
    cannot be reached only means computing (the caller's key must hold what the value depends on)."""
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        log.warning("Cache unreachable: computing %s", key, exc_info=True)
        value = None
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout())
        except Exception:  # noqa: BLE001
            log.warning("Cache unreachable: %s not stored", key, exc_info=True)
    return value


# --- Redis backend that keeps its client ---------------------------------------------------------

from django.core.cache.backends.redis import RedisCache as _DjangoRedisCache  # noqa: E402
from django.core.cache.backends.redis import RedisCacheClient as _DjangoRedisCacheClient  # noqa: E402


class _ReusingRedisClient(_DjangoRedisCacheClient):
    """Django builds a new redis.Redis object for every cache call (about 0.1 ms, more than the
    round trip to Redis itself); a page-cache hit makes one call, so reuse one client per pool.
    redis.Redis is thread-safe: its connections come from the (shared) pool."""

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return clients[index]


class RedisCache(_DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with a reused client (settings: CACHE_URL=redis://...)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusingRedisClient
