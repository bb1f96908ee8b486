"""API routes of a lemma's published versions: /api/lemmas/<slug>/versies/ and .../<n>/.

A router of its own, added to the NinjaAPI before the lemma routes: ``lemmas/{path:slug}/`` would
otherwise take ``<slug>/versies/`` as a slug."""
from django.utils.translation import gettext as _
from ninja import Router

from lexicon.content import citation
from lexicon.content.models import Lemma, LemmaVersion
from lexicon.opendata.api import schemas
from lexicon.opendata.api.pagination import ApiError

router = Router()


def _lemma(slug):
    # A slug is letters, digits and hyphens; anything else (a NUL byte breaks PostgreSQL) is not a lemma.
    lemma = None if "\x00" in slug else Lemma.objects.published().filter(slug=slug[:200]).first()
    if lemma is None:
        raise ApiError(_("Er is geen gepubliceerd lemma met slug ‘%(slug)s’.") % {"slug": slug[:200].replace("\x00", "")}, 404)
    return lemma


def _summary(version, absolute):
    return {
        "number": version.number,
        "title": version.title,
        "published_at": version.published_at.isoformat(),
        "note": version.note,
        "url": absolute(version.get_absolute_url()),
        "api_url": absolute(f"/api/lemmas/{version.lemma.slug}/versies/{version.number}/"),
    }


@router.get("lemmas/{slug}/versies/", response={200: schemas.VersionList, 404: schemas.Error},
            url_name="api_lemma_versions", tags=["lemma's"], summary="Gepubliceerde versies van een lemma",
            description="Elke gepubliceerde versie met datum en openbare wijzigingsnotitie, de nieuwste eerst.")
def version_list(request, slug: str):
    lemma = _lemma(slug)
    versions = LemmaVersion.objects.filter(lemma=lemma).defer("body", "lead").order_by("-number")
    results = []
    for version in versions:
        version.lemma = lemma
        results.append(_summary(version, request.build_absolute_uri))
    return {"lemma": {"slug": lemma.slug, "title": lemma.title}, "count": len(results), "results": results}


@router.get("lemmas/{slug}/versies/{number}/", response={200: schemas.VersionDetail, 404: schemas.Error},
            url_name="api_lemma_version", tags=["lemma's"], summary="Eén gepubliceerde versie van een lemma",
            description="De tekst zoals hij in deze versie werd gepubliceerd, met citeerwijze.")
def version_detail(request, slug: str, number: int):
    lemma = _lemma(slug)
    version = LemmaVersion.objects.filter(lemma=lemma, number=number).first() if 0 < number < 2**31 else None
    if version is None:
        raise ApiError(_("Dit lemma heeft geen versie %(n)s.") % {"n": number}, 404)
    version.lemma = lemma
    absolute = request.build_absolute_uri
    url = absolute(version.get_absolute_url())
    apa = citation.apa(version, url)
    return {
        **_summary(version, absolute),
        "lemma": {"slug": lemma.slug, "title": lemma.title},
        "subtitle": version.subtitle,
        "authors": version.author_names,
        "lead": version.lead,
        "body_markdown": version.body,
        "body_html": version.body_html,
        "citation": {"apa": apa["before"] + apa["book"] + apa["after"], "bibtex": citation.bibtex(version, url),
                     "ris": citation.ris(version, url)},
    }
