"""API operations for reading paths (lexicon.routes): published routes, each with the steps whose
lemma is published. A router of its own, added to the one NinjaAPI in lexicon.web.api."""
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router

from lexicon.opendata.api import schemas
from lexicon.opendata.api.pagination import ApiError, paginate
from lexicon.opendata.api.routes import ERRORS, PAGE, PER_PAGE, PageParam, PerPageParam, _slug_or_404
from lexicon.routes import reading_list
from lexicon.routes.models import Route

router = Router()


def _routes():
    return Route.objects.published().with_step_counts()


def route_summary(route, absolute):
    return {
        "slug": route.slug,
        "title": route.title,
        "kind": route.kind,
        "audience": route.audience,
        "introduction": route.introduction,
        "step_count": route.step_count,
        "published_at": route.published_at.isoformat() if route.published_at else None,
        "updated": route.updated.isoformat(),
        "url": absolute(route.get_absolute_url()),
        "short_url": absolute(route.get_short_url()),
        "api_url": absolute(reverse("lexicon:api_route", args=[route.slug])),
    }


def _step(item, absolute):
    lemma = item.lemma
    return {
        "number": item.number,
        "lemma": {"slug": lemma.slug, "title": lemma.title,
                  "api_url": absolute(reverse("lexicon:api_lemma", args=[lemma.slug]))},
        "section": {"id": item.section.anchor, "title": item.section.title} if item.section else None,
        "note": item.note,
        "question": item.question,
        "url": absolute(item.get_absolute_url()),
        "text_url": absolute(item.text_url()),
    }


@router.get("leesroutes/", response={200: schemas.RoutePage, **ERRORS}, url_name="api_routes", tags=["leesroutes"],
            summary="Gepubliceerde leesroutes", description="Op titel; het aantal stappen telt alleen gepubliceerde lemma's.")
def route_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE):
    absolute = request.build_absolute_uri
    items, envelope = paginate(request, _routes().order_by("title", "pk"), absolute, page, per_page)
    return {**envelope, "results": [route_summary(route, absolute) for route in items]}


@router.get("leesroutes/{path:slug}/", response={200: schemas.RouteDetail, 404: schemas.Error},
            url_name="api_route", tags=["leesroutes"], summary="Eén leesroute met haar stappen en leeslijst")
def route_detail(request, slug: str):
    absolute = request.build_absolute_uri
    message = _("Er is geen gepubliceerde leesroute met slug ‘%(slug)s’.") % {"slug": slug[:200]}
    route = _routes().filter(slug=_slug_or_404(slug, message)).first()
    if route is None:
        raise ApiError(message, 404)
    steps = route.reading_steps()
    references = reading_list.apa_entries(route.lemmas(steps), absolute)
    return {
        **route_summary(route, absolute),
        "introduction_html": route.introduction_html,
        "reader_url": absolute(reverse("lexicon:route_reader", args=[route.slug])),
        "steps": [_step(item, absolute) for item in steps],
        "reading_list": {
            "apa": [ref["before"] + ref["book"] + ref["after"] for ref in references],
            "text_url": absolute(reverse("lexicon:route_list_text", args=[route.slug])),
            "ris_url": absolute(reverse("lexicon:route_list_ris", args=[route.slug])),
            "bibtex_url": absolute(reverse("lexicon:route_list_bibtex", args=[route.slug])),
        },
    }
