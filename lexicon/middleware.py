"""Serve anonymous readers rendered pages from the shared cache (rules in lexicon.caching)."""
from django.core.cache import cache

from . import caching


class PageCacheMiddleware:
    """Sits before the session/CSRF/messages middleware, so it sees every cookie they set.

    ConditionalGetMiddleware sits before it and turns a matching ETag/Last-Modified into a 304,
    for cached and fresh pages alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not caching.request_is_cacheable(request):
            return self.get_response(request)
        key, state = caching.page_key(request)
        if key is None:
            return self.get_response(request)
        frozen = cache.get(key)
        if frozen is not None:
            response = caching.thaw(frozen)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if caching.response_is_cacheable(request, response):
            caching.add_validators(response, state)
            cache.set(key, caching.freeze(response), caching.timeout())
            response["X-Page-Cache"] = "miss"
        return response
