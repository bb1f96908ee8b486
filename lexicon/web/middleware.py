"""Serve anonymous readers rendered pages from the shared cache (rules in lexicon.web.caching)."""
from django.utils.cache import get_conditional_response

from lexicon.web import caching


class PageCacheMiddleware:
    """First in MIDDLEWARE: a hit skips the whole stack, and a stored page carries every header
    the stack added (security headers, CSP, ETag). It sees the cookies set by the session/CSRF/
    messages middleware, so it never stores such a response. A hit answers If-None-Match /
    If-Modified-Since itself; ConditionalGetMiddleware does that for everything else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not caching.request_is_cacheable(request):
            return self.get_response(request)
        key = caching.page_key(request)
        if key is None:
            return self.get_response(request)
        try:
            state, frozen = caching.lookup(key)
        except Exception:  # noqa: BLE001 - the shared cache is down: serve the page uncached
            caching.log.warning("Page cache unreachable", exc_info=True)
            return self.get_response(request)
        if frozen is not None:
            response = caching.thaw(frozen)
            response["X-Page-Cache"] = "hit"
            response = get_conditional_response(
                request, etag=response.get("ETag"), last_modified=int(state[1]), response=response
            )
            # Also on a 304: nginx revalidating its copy renews it for the same lifetime.
            caching.mark_for_front_cache(response)
            return response
        response = self.get_response(request)
        if caching.response_is_cacheable(request, response):
            caching.add_validators(response, state)
            try:
                caching.store(key, state, response)
            except Exception:  # noqa: BLE001
                caching.log.warning("Page cache unreachable", exc_info=True)
            caching.mark_for_front_cache(response)
            response["X-Page-Cache"] = "miss"
        return response
