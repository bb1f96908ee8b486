"""Serving the built files from the file cache: never a build on a reader's wait.

The current generation's file when it is there; otherwise a build is started in the background and
the reader gets the previous build's file (with ``X-Lexicon-Versie`` saying which), or, before the
very first build, a short Dutch page "wordt gemaakt" with 503 and Retry-After.
"""
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.http import http_date
from django.utils.translation import gettext as _

from lexicon.content.models import Lemma
from lexicon.exports import builder, generation, store
from lexicon.routes.models import Route

RETRY_AFTER_SECONDS = 60
CONTENT_TYPES = {".pdf": "application/pdf", ".epub": "application/epub+zip", ".json": "application/json"}


def _being_made(request, what):
    response = render(request, "exports/being_made.html", {"what": what}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _serve(request, name, download_name, what):
    gen = generation.current()
    found = store.find(gen.key, name)
    if found is None:
        builder.ensure()
        found = store.previous(name, exclude=gen.key)
    try:
        handle = open(found, "rb") if found is not None else None
    except FileNotFoundError:  # an old build pruned just now by a finishing build
        handle = None
    if handle is None:
        return _being_made(request, what)
    response = FileResponse(handle, content_type=CONTENT_TYPES[found.suffix],
                            as_attachment=found.suffix == ".epub", filename=download_name)
    version = found.parent.name if "/" not in name else found.parent.parent.name
    response["X-Lexicon-Versie"] = version
    response["ETag"] = f'"{version}"'
    response["Last-Modified"] = http_date(found.stat().st_mtime)
    # Always revalidated (a publish makes it stale at once); the ETag makes that a 304.
    response["Cache-Control"] = "no-cache"
    return response


def book_pdf(request):
    return _serve(request, builder.BOOK_PDF, "lexicon-nabijheid-en-sociaal-werk.pdf", _("het lexicon als PDF"))


def book_epub(request):
    return _serve(request, builder.BOOK_EPUB, "lexicon-nabijheid-en-sociaal-werk.epub", _("het lexicon als EPUB"))


def lemma_pdf(request, slug):
    lemma = Lemma.objects.published().filter(slug=slug).only("slug", "title").first()
    if lemma is None:
        raise Http404(_("Dit lemma bestaat niet of is niet gepubliceerd."))
    return _serve(request, builder.lemma_pdf_name(lemma.slug), f"{lemma.slug}.pdf",
                  _("het lemma ‘%(title)s’ als PDF") % {"title": lemma.title})


def route_pdf(request, slug):
    route = Route.objects.published().filter(slug=slug).only("slug", "title").first()
    if route is None:
        raise Http404(_("Deze leesroute bestaat niet of is niet gepubliceerd."))
    return _serve(request, builder.route_pdf_name(route.slug), f"leesroute-{route.slug}.pdf",
                  _("de leesroute ‘%(title)s’ als PDF") % {"title": route.title})
