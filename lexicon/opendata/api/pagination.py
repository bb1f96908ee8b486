"""Strict pagination for the API: a page past the last is a 404 with a Dutch message, not a guess
(the parameters themselves are validated by the operations' declared types)."""
import math
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from ninja.errors import HttpError

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 999_999_999


class ApiError(HttpError):
    """Answered as JSON ``{"fout": message, "status": status}`` (lexicon.web.api)."""

    def __init__(self, message, status=400):
        super().__init__(status, message)
        self.message = message
        self.status = status


def paginate(request, queryset, absolute, page, per_page):
    """Slice ``queryset`` for ``page`` of ``per_page``; returns (items, envelope-without-results)."""
    count = queryset.count()
    pages = max(1, math.ceil(count / per_page))
    if page > pages:
        raise ApiError(_("Pagina %(page)d bestaat niet; er zijn %(pages)d pagina’s.") % {"page": page, "pages": pages}, 404)
    start = (page - 1) * per_page
    items = list(queryset[start:start + per_page])

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        params["per_page"] = per_page
        return absolute(f"{request.path}?{urlencode(sorted(params.items()))}")

    envelope = {
        "count": count,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
    }
    return items, envelope
