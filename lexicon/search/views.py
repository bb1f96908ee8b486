"""/zoeken/: the HTML search page. Works without JavaScript; suggest.js only adds autocomplete."""
from django.shortcuts import render
from django.utils.translation import gettext as _

from lexicon.search import queries


def search(request):
    context = {"query": "", "error": "", "page": None}
    status = 200
    try:
        query = queries.clean_query(request.GET.get("q", ""))
    except queries.QueryError as error:
        context.update(error=str(error), query=request.GET.get("q", "")[: queries.MAX_QUERY_LENGTH])
        return render(request, "lexicon/search.html", context, status=400)
    context["query"] = query
    if query:
        page = queries.search(
            query,
            cluster=request.GET.get("cluster", ""),
            author=request.GET.get("auteur", ""),
            page=request.GET.get("page"),
        )
        context["page"] = page
        if not page.total:
            context["error"] = _("Geen resultaten voor ‘%(q)s’.") % {"q": query}
    elif "q" in request.GET:
        context["error"] = _("Typ een woord of begrip om te zoeken.")
    return render(request, "lexicon/search.html", context, status=status)
