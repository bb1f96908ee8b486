"""The installable web app: manifest, service worker at the root scope, the offline index and the
offline search page. All of it only adds to the site: without JavaScript nothing here is needed."""
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from lexicon.exports import builder, generation, store
from lexicon.exports.offline import index

log = logging.getLogger(__name__)
SERVICE_WORKER = Path(__file__).with_name("sw.js")


@require_safe
def manifest(request):
    icon = staticfiles_storage.url
    data = {
        "name": settings.LEXICON["TITLE"],
        "short_name": "Lexicon",
        "description": "Sleutelbegrippen over nabijheid in het sociaal werk, ook zonder verbinding te lezen.",
        "lang": "nl",
        "start_url": reverse("lexicon:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#fdfcf9",
        "theme_color": "#0b5d6b",
        "icons": [
            {"src": icon("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": icon("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": icon("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
        "shortcuts": [{"name": "Zoeken zonder verbinding", "url": reverse("lexicon:offline_search")}],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
def service_worker(request):
    response = HttpResponse(SERVICE_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on navigation; never let a cache keep an old one.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def index_json(request):
    """The index of the current content. The background build makes it first, before the PDFs; when
    a device asks before that, it is made now (seconds, not the minute of a PDF): only the service
    worker's download waits for it, in the background, and a device must not store an old version
    as if it were the one ``versie.json`` announces."""
    gen = generation.current()
    found = store.find(gen.key, builder.OFFLINE_INDEX)
    if found is not None:
        data = found.read_bytes()
    else:
        data = index.build_json(gen)
        try:
            store.write(gen.key, builder.OFFLINE_INDEX, data)
        except OSError:
            log.exception("Could not store the offline index")  # served all the same
    response = HttpResponse(data, content_type="application/json")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def version_json(request):
    """What a device compares its stored version with, when it is online again (a few bytes)."""
    gen = generation.current()
    response = JsonResponse({"generation": gen.key, "changed": gen.changed.isoformat() if gen.changed else None})
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def search_page(request):
    """Search on the device. Without JavaScript a query goes to the site's own search."""
    query = request.GET.get("q", "")
    if query and request.GET.get("js") != "1":
        return redirect(f"{reverse('lexicon:search')}?{request.GET.urlencode()}")
    return render(request, "exports/offline_search.html", {})
