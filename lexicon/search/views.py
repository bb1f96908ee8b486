"""/zoeken/: the HTML search page. Works without JavaScript; suggest.js adds autocomplete and
search.js folds the filters away on a phone."""
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from lexicon.content.models import Cluster
from lexicon.search import heal, queries
from lexicon.search.state import IndexUnavailable


def unavailable_message():
    return _("Zoeken is even niet beschikbaar: de zoekindex wordt hersteld. Probeer het over een paar "
             "minuten opnieuw. Alle lemma's zijn intussen gewoon te lezen via de A-Z-lijst.")


def _link(query, **params):
    """?q=...&... for this page's links (empty values left out)."""
    items = [("q", query)] + [(k, v) for k, v in params.items() if v]
    return "?" + urlencode(items)


def search(request):
    context = {"query": "", "error": "", "page": None}
    try:
        query = queries.clean_query(request.GET.get("q", ""))
    except queries.QueryError as error:
        context.update(error=str(error), query=request.GET.get("q", "")[: queries.MAX_QUERY_LENGTH])
        return render(request, "lexicon/search.html", context, status=400)
    context["query"] = query
    if query:
        try:
            page = queries.search(
                query,
                cluster=request.GET.get("cluster", ""),
                author=request.GET.get("auteur", ""),
                kind=request.GET.get("soort", ""),
                page=request.GET.get("page"),
                exact=request.GET.get("precies") == "1",
            )
        except IndexUnavailable:
            heal.schedule_rebuild()
            context["error"] = unavailable_message()
            response = render(request, "lexicon/search.html", context, status=503)
            response["Retry-After"] = "60"
            return response
        context["page"] = page
        # The results part of the page is stored per index generation (and content generation, for
        # the facet names): lexicon.web.fragments. None (no file index): rendered every time.
        context["results_key"] = repr(page.stamp)
        context["store_fragments"] = page.stamp is not None
        exact = "1" if request.GET.get("precies") == "1" else ""
        keep = {"cluster": page.cluster, "auteur": page.author}
        context["kind_links"] = [
            (kind, label, count, _link(query, soort=kind, precies=exact, **keep))
            for kind, label, count in page.kind_counts
        ]
        context["all_kinds_link"] = _link(query, precies=exact, **keep)
        context["original_link"] = _link(query, precies="1", **keep)
        context["page_link"] = _link(query, soort=page.kind, precies=exact, **keep) + "&page="
        context["cluster_links"] = [
            (slug, name, count, _link(query, soort=page.kind, precies=exact, auteur=page.author, cluster=slug))
            for slug, name, count in page.cluster_facets
        ]
        context["all_clusters_link"] = _link(query, soort=page.kind, precies=exact, auteur=page.author)
        context["author_links"] = [
            (slug, name, count, _link(query, soort=page.kind, precies=exact, cluster=page.cluster, auteur=slug))
            for slug, name, count in page.author_facets[:12]
        ]
        context["all_authors_link"] = _link(query, soort=page.kind, precies=exact, cluster=page.cluster)
        if not page.total:
            context["error"] = _("Geen resultaten voor ‘%(q)s’.") % {"q": query}
            context["clusters"] = list(Cluster.objects.all())
    elif "q" in request.GET:
        context["error"] = _("Typ een woord of begrip om te zoeken.")
    return render(request, "lexicon/search.html", context)
