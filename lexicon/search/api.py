"""JSON endpoints: /api/zoeken (search results) and /api/suggest (autocomplete)."""
from django.http import JsonResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lexicon.search import queries, suggest


def _error(message, status=400):
    return JsonResponse({"error": message, "results": [], "total": 0, "suggestion": None}, status=status)


@require_GET
def search(request):
    try:
        query = queries.clean_query(request.GET.get("q", ""))
    except queries.QueryError as error:
        return _error(str(error))
    if not query:
        return _error(_("Geef een zoekterm op met ?q=."))
    page = queries.search(
        query, cluster=request.GET.get("cluster", ""), author=request.GET.get("auteur", ""),
        page=request.GET.get("page"),
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
        })
    return JsonResponse({
        "query": query,
        "total": page.total,
        "page": page.page,
        "num_pages": page.num_pages,
        "suggestion": page.suggestion or None,
        "results": results,
    })


@require_GET
def suggest_view(request):
    try:
        query = queries.clean_query(request.GET.get("q", ""))
    except queries.QueryError as error:
        return _error(str(error))
    return JsonResponse({"query": query, "suggestions": suggest.suggestions(query)})
