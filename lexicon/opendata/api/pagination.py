"""Strict pagination for the API: bad input is a 400 with a Dutch message, not a guess."""
import math
import re
from urllib.parse import urlencode

from django.utils.translation import gettext as _

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
_INT = re.compile(r"^[0-9]{1,9}$")


class ApiError(Exception):
    """Turned into a JSON error response by the views: ``{"fout": message, "status": status}``."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def _positive_int(request, name, default):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    raw = raw.strip()
    if not _INT.match(raw) or int(raw) < 1:
        raise ApiError(_("Parameter ‘%(name)s’ moet een geheel getal vanaf 1 zijn.") % {"name": name})
    return int(raw)


def page_params(request):
    page = _positive_int(request, "page", 1)
    per_page = _positive_int(request, "per_page", DEFAULT_PER_PAGE)
    if per_page > MAX_PER_PAGE:
        raise ApiError(_("Parameter ‘per_page’ mag hoogstens %(max)d zijn.") % {"max": MAX_PER_PAGE})
    return page, per_page


def paginate(request, queryset, absolute):
    """Slice ``queryset`` by ?page/?per_page; returns (items, envelope-without-results)."""
    page, per_page = page_params(request)
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
