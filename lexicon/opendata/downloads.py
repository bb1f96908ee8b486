"""Downloads for reuse: per-lemma citations (BibTeX, RIS) and the SKOS export of the lexicon."""
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from lexicon.content import citation
from lexicon.opendata import skos
from lexicon.content.models import Lemma


def _download(text, content_type, filename):
    response = HttpResponse(text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _lemma(request, slug):
    lemma = get_object_or_404(Lemma.objects.visible_to(request.user).for_listing(), slug=slug)
    return lemma, request.build_absolute_uri(lemma.get_absolute_url())


@require_safe
def cite_bibtex(request, slug):
    lemma, url = _lemma(request, slug)
    text = citation.bibtex(lemma, url, accessed=timezone.localdate())
    return _download(text, "application/x-bibtex", f"{lemma.slug}.bib")


@require_safe
def cite_ris(request, slug):
    lemma, url = _lemma(request, slug)
    text = citation.ris(lemma, url, accessed=timezone.localdate())
    return _download(text, "application/x-research-info-systems", f"{lemma.slug}.ris")


def _export(text, content_type):
    response = HttpResponse(text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def skos_turtle(request):
    return _export(skos.serialize("turtle"), "text/turtle")


@require_safe
def skos_jsonld(request):
    return _export(skos.serialize("json-ld"), "application/ld+json")
