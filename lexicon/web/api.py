"""The site's one JSON API under /api/ (django-ninja): the open-data routes (lexicon.opendata) and
the search routes (lexicon.search) on one NinjaAPI, so both share the error shape
``{"fout": ..., "status": ...}``, the read-only rule, CORS, and one generated OpenAPI 3.1 document.
"""
import json
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.responses import NinjaJSONEncoder

from lexicon.opendata.api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE
from lexicon.opendata.api.routes import invalid_parameter_message
from lexicon.opendata.api.leesroutes import router as routes_router
from lexicon.opendata.api.routes import router as opendata_router
from lexicon.opendata.api.versions import router as versions_router
from lexicon.search.api import router as search_router

READ_ONLY = ("GET", "HEAD", "OPTIONS")

api = NinjaAPI(
    title=f"{settings.LEXICON['TITLE']} – API",
    version="1.0.0",
    description=(
        "Alleen-lezen JSON-API van het lexicon: gepubliceerde lemma's, clusters, auteurs, "
        "kruisverwijzingen en leesroutes, en zoeken. Lijsten zijn gepagineerd met ?page= en ?per_page= "
        f"(standaard {DEFAULT_PER_PAGE}, hoogstens {MAX_PER_PAGE}). Fouten zijn JSON met een "
        "Nederlandse melding in het veld ‘fout’."
    ),
    openapi_url=None,  # served by openapi_json below, with the /api/ prefix and our servers entry
    docs_url=None,
    urls_namespace="lexicon-api",
)
api.add_router("", versions_router)  # before lemmas/{path:slug}/, which would swallow <slug>/versies/
api.add_router("", opendata_router)
api.add_router("", search_router)
api.add_router("", routes_router)


def error(message, status):
    return JsonResponse({"fout": message, "status": status}, status=status)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error(exc.message, exc.status_code)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    first = exc.errors[0] if exc.errors else {}
    name = str((first.get("loc") or ("", ""))[-1])
    return error(invalid_parameter_message(name, first.get("type", "")), 400)


def read_only(view):
    """GET/HEAD only (a JSON 405 for every other method), OPTIONS answered, open to other sites."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_ONLY:
            response = error(_("Deze API is alleen-lezen: gebruik GET."), 405)
            response["Allow"] = ", ".join(READ_ONLY)
        elif request.method == "OPTIONS":
            response = JsonResponse({})
            response["Allow"] = ", ".join(READ_ONLY)
        else:
            request.method = "GET"  # HEAD: the GET response; the server drops the body
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    # Django's CSRF check runs before the view: a POST must reach the 405 above, not a CSRF page.
    wrapper.csrf_exempt = True
    return wrapper


def document():
    """The OpenAPI 3.1 document, generated from the routes' declared parameters and schemas."""
    # Through JSON once: ninja keys responses by int status; the document (and its readers) use strings.
    schema = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/"), cls=NinjaJSONEncoder))
    schema["servers"] = [{"url": "/"}]
    schema["info"]["license"] = {"name": "Zie het colofon van het lexicon", "url": f"{settings.SITE_URL}/over/colofon/"}
    return schema


@read_only
def openapi_json(request):
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


def endpoint_summaries():
    """(path, summary, description) for the human-readable /api/ page."""
    return [
        (route, operation["get"]["summary"], operation["get"].get("description", ""))
        for route, operation in document()["paths"].items()
    ]


@require_safe
def index(request):
    """Human-readable description of the API, in Dutch."""
    return render(request, "api/index.html", {
        "endpoints": endpoint_summaries(),
        "max_per_page": MAX_PER_PAGE,
        "openapi_url": reverse("lexicon:api_openapi"),
    })


def _wrapped(patterns):
    return [URLPattern(p.pattern, read_only(p.callback), p.default_args, p.name) for p in patterns]


# Included under /api/ in the public ("lexicon:") namespace, so names stay lexicon:api_lemmas etc.
urlpatterns = [
    path("", index, name="api_index"),
    path("openapi.json", openapi_json, name="api_openapi"),
    *_wrapped(api.urls[0]),
]
