"""Pagination that never fails on user input: ?page=abc or ?page=9999 give a real page.

Django's own Paginator does the work; this only picks ``get_page`` (forgiving) for HTML pages. The
API is strict instead (lexicon.opendata.api.pagination: 404 past the last page, its envelope is
the API contract, which ninja's PageNumberPagination would change)."""
from django.core.paginator import Paginator


def paginate(request, object_list, per_page):
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get("page"))
