"""Pagination that never fails on user input: ?page=abc or ?page=9999 give a real page."""
from django.core.paginator import Paginator


def paginate(request, object_list, per_page):
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get("page"))
