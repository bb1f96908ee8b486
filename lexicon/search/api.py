"""JSON endpoints: /api/zoeken (search results) and /api/suggest (autocomplete).

Errors are JSON with a Dutch message under "fout", like the rest of the API (lexicon.api), also
for a method other than GET/HEAD (405). ``per_page`` (1 to 100, default 10) is checked as
strictly as on the other API lists; a bad ``page`` gives page 1, a page past the last the last.
"""
from django.http import JsonResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from lexicon.search import queries, suggest

METHODS = ("GET", "HEAD")


def _error(message, status=400):
    return JsonResponse({"fout": message, "status": status, "results": [], "total": 0, "suggestion": None},
                        status=status)


def _get_only(view):
    def wrapper(request, *args, **kwargs):
        if request.method not in METHODS:
            response = _error(_("Deze API is alleen-lezen: gebruik GET."), 405)
            response["Allow"] = ", ".join(METHODS)
            return response
        return view(request, *args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = view.__name__, view.__doc__
    return wrapper


def _per_page(request):
    raw = (request.GET.get("per_page") or "").strip()
    if not raw:
        return queries.PER_PAGE
    if not raw.isdigit() or not 1 <= int(raw) <= queries.MAX_PER_PAGE:
        raise queries.QueryError(
            _("Parameter ‘per_page’ moet een geheel getal van 1 tot en met %(max)d zijn.") % {"max": queries.MAX_PER_PAGE}
        )
    return int(raw)


@_get_only
def search(request):
    try:
        query = queries.clean_query(request.GET.get("q", ""))
        per_page = _per_page(request)
    except queries.QueryError as error:
        return _error(str(error))
    if not query:
        return _error(_("Geef een zoekterm op met ?q=."))
    page = queries.search(
        query, cluster=request.GET.get("cluster", ""), author=request.GET.get("auteur", ""),
        kind=request.GET.get("soort", ""), page=request.GET.get("page"), per_page=per_page,
        exact=request.GET.get("precies") == "1",
    )
    results = []
    for hit in page.results:
        section = hit.section
        results.append({
            "title": hit.title,
            "url": request.build_absolute_uri(hit.url),
            "kind": hit.kind,
            "cluster": hit.cluster_name or None,
            "section": section.title if section else None,
            "section_url": request.build_absolute_uri(section.url) if section else None,
            "sections": [{"title": s.title, "url": request.build_absolute_uri(s.url),
                          "snippet": str(s.snippet)} for s in hit.sections],
            "snippet": str(hit.snippet),
            "text": strip_tags(str(hit.snippet)),
            "score": round(hit.score, 4),
            "mention_only": hit.kind == "lemma" and not hit.about,
        })
    return JsonResponse({
        "query": query,
        "searched": page.searched or None,
        "relaxed": page.relaxed,
        "fuzzy": page.fuzzy,
        "total": page.total,
        "counts": {kind: count for kind, _label, count in page.kind_counts},
        "kind": page.kind or None,
        "page": page.page,
        "per_page": page.per_page,
        "num_pages": page.num_pages,
        "suggestion": page.suggestion or None,
        "mentioned_in": [{"title": title, "url": request.build_absolute_uri(url)} for title, url in page.passing],
        "results": results,
    })


@_get_only
def suggest_view(request):
    try:
        query = queries.clean_query(request.GET.get("q", ""))
    except queries.QueryError as error:
        return _error(str(error))
    return JsonResponse({"query": query, "suggestions": suggest.suggestions(query)})
