"""The search API on the site's one NinjaAPI (lexicon.web.api): /api/zoeken and /api/suggest.

Errors are JSON ``{"fout": ..., "status": ...}`` like every API answer, a method other than
GET/HEAD is a JSON 405 (lexicon.web.api.read_only). ``per_page`` (1 to 100, default 10) is
checked as strictly as on the other lists; a bad ``page`` gives page 1 and one past the last the
last page, because a search has no fixed length to be strict about.
"""
from typing import Annotated, Optional

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from pydantic import BeforeValidator

from lexicon.search import heal, queries, schemas, suggest
from lexicon.search.state import IndexUnavailable

router = Router()
def _lenient_page(value):
    try:
        return min(max(int(str(value).strip()), 1), queries.MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _blank_is(default):
    return BeforeValidator(lambda value: default if value in ("", None) else value)


LenientPage = Annotated[int, BeforeValidator(_lenient_page)]
PerPage = Annotated[int, _blank_is(queries.PER_PAGE)]


def _error_schemas():
    from lexicon.opendata.api.schemas import Error

    return {400: Error, 503: Error}


def _query(q):
    try:
        return queries.clean_query(q or "")
    except queries.QueryError as error:
        raise HttpError(400, str(error)) from error


Q = Query(None, description="Zoekterm; woorden tussen aanhalingstekens als precieze woordgroep.",
          maxLength=queries.MAX_QUERY_LENGTH)


@router.get("zoeken", response={200: schemas.SearchPage, **_error_schemas()}, url_name="api_search", tags=["zoeken"],
            summary="Zoeken in lemma's, pagina's en bronnen",
            description="Lemma's eerst, dan de pagina's over het lexicon, dan de bronnen; per lemma de best "
                        "passende secties. Vindt de zoekterm (bijna) niets, dan volgen de verbeterde "
                        "zoekterm (zie ‘searched’), de meeste woorden (‘relaxed’) of woorden die erop lijken "
                        "(‘fuzzy’).")
def search(request, q: Optional[str] = Q,
           cluster: Optional[str] = Query(None, description="Alleen dit cluster (slug); onbekend wordt genegeerd."),
           auteur: Optional[str] = Query(None, description="Alleen deze auteur (slug); onbekend wordt genegeerd."),
           soort: Optional[str] = Query(None, description="Alleen lemma, pagina of bron; onbekend wordt genegeerd.",
                                        enum=["lemma", "pagina", "bron"]),
           precies: Optional[str] = Query(None, description="1: precies de getypte woorden, geen verbetering.",
                                          enum=["1"]),
           page: LenientPage = Query(1, description="Paginanummer; ongeldig geeft 1, te hoog de laatste."),
           per_page: PerPage = Query(queries.PER_PAGE, ge=1, le=queries.MAX_PER_PAGE,
                                     description=f"Resultaten per pagina, 1 tot en met {queries.MAX_PER_PAGE}.")):
    query = _query(q)
    if not query:
        raise HttpError(400, _("Geef een zoekterm op met ?q=."))
    try:
        page = queries.search(query, cluster=cluster or "", author=auteur or "", kind=soort or "", page=page,
                              per_page=per_page, exact=precies == "1")
    except IndexUnavailable as error:
        from lexicon.search.views import unavailable_message

        heal.schedule_rebuild()
        raise HttpError(503, unavailable_message()) from error
    absolute = request.build_absolute_uri
    results = []
    for hit in page.results:
        section = hit.section
        results.append({
            "title": hit.title,
            "url": absolute(hit.url),
            "kind": hit.kind,
            "cluster": hit.cluster_name or None,
            "section": section.title if section else None,
            "section_url": absolute(section.url) if section else None,
            "sections": [{"title": s.title, "url": absolute(s.url), "snippet": str(s.snippet)} for s in hit.sections],
            "snippet": str(hit.snippet),
            "text": strip_tags(str(hit.snippet)),
            "score": round(hit.score, 4),
            "mention_only": hit.kind == "lemma" and not hit.about,
        })
    return {
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
        "mentioned_in": [{"title": title, "url": absolute(url)} for title, url in page.passing],
        "results": results,
    }


@router.get("suggest", response={200: schemas.Suggestions, **_error_schemas()}, url_name="api_suggest",
            tags=["zoeken"], summary="Suggesties bij het typen",
            description="Lemmatitels, andere termen, synoniemen, auteurs en woorden uit de teksten die beginnen "
                        "met wat getypt is (leeg bij minder dan twee tekens).")
def suggest_view(request, q: Optional[str] = Q):
    query = _query(q)
    return {"query": query, "suggestions": suggest.suggestions(query)}


@router.get("gezondheid", response={200: dict, 503: dict}, url_name="api_health", tags=["zoeken"],
            summary="Gezondheid van de site",
            description="Database en zoekindex: 200 als alles werkt, anders 503 met wat er mis is "
                        "(zoekindex ontbreekt, onleesbaar, leeg of achter).")
def health_view(request):
    from lexicon.search import health

    healthy, data = health.report()
    return Status(200 if healthy else 503, data)
