"""The read-only open-data API (django-ninja): published lemmas, clusters, authors and the
cross-references between published lemmas. Each operation declares its parameters and response
schemas (``schemas.py``); the OpenAPI document is generated from them."""
import re
from typing import Annotated, Literal, Optional

from django.db.models import Q
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import BeforeValidator

from lexicon.content.models import Author, Cluster, CrossReference, Lemma
from lexicon.opendata.api import literature, schemas, serializers
from lexicon.opendata.api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_PAGE, ApiError, paginate

SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,200}$"
SLUG = re.compile(SLUG_PATTERN)
ERRORS = {400: schemas.Error, 404: schemas.Error}

router = Router()


def _blank_is(default):
    """An empty parameter (``?page=``) means the default, as a form would send it."""
    return BeforeValidator(lambda value: default if value in ("", None) else value)


PageParam = Annotated[int, _blank_is(1)]
PerPageParam = Annotated[int, _blank_is(DEFAULT_PER_PAGE)]
SlugParam = Annotated[Optional[str], _blank_is(None)]
PAGE = Query(1, ge=1, le=MAX_PAGE, description="Paginanummer, vanaf 1. Een pagina voorbij de laatste geeft 404.")
PER_PAGE = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE,
                 description=f"Aantal resultaten per pagina, 1 tot en met {MAX_PER_PAGE}.")


def _slug_filter(description):
    return Query(None, pattern=SLUG_PATTERN, description=description)


def _absolute(request):
    return request.build_absolute_uri


def _slug_or_404(slug, message):
    if not SLUG.match(slug):
        raise ApiError(message, 404)
    return slug


def _published_lemmas():
    return Lemma.objects.published().for_listing()


@router.get("lemmas/", response={200: schemas.LemmaPage, **ERRORS}, url_name="api_lemmas", tags=["lemma's"],
            summary="Gepubliceerde lemma's", description="In de volgorde van het boek.")
def lemma_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE,
               cluster: SlugParam = _slug_filter("Alleen lemma's uit dit cluster (slug)."),
               auteur: SlugParam = _slug_filter("Alleen lemma's van deze auteur (slug).")):
    absolute = _absolute(request)
    lemmas = _published_lemmas()
    if cluster:
        lemmas = lemmas.filter(cluster__slug=cluster)
    if auteur:
        lemmas = lemmas.filter(authors__slug=auteur)
    items, envelope = paginate(request, lemmas.order_by("order", "title"), absolute, page, per_page)
    return {**envelope, "results": [serializers.lemma_summary(lemma, absolute) for lemma in items]}


@router.get("lemmas/{path:slug}/", response={200: schemas.LemmaDetail, 404: schemas.Error}, url_name="api_lemma",
            tags=["lemma's"], summary="Eén lemma met tekst, verwijzingen en citeerwijze")
def lemma_detail(request, slug: str):
    absolute = _absolute(request)
    message = _("Er is geen gepubliceerd lemma met slug ‘%(slug)s’.") % {"slug": slug[:200]}
    lemma = _published_lemmas().filter(slug=_slug_or_404(slug, message)).first()
    if lemma is None:
        raise ApiError(message, 404)
    see_also = lemma.outgoing_refs.to_published().lemmas_at("target")
    mentioned_in = lemma.incoming_refs.from_published().lemmas_at("source")
    return serializers.lemma_detail(lemma, absolute, see_also, mentioned_in)


@router.get("clusters/", response={200: schemas.ClusterPage, **ERRORS}, url_name="api_clusters", tags=["clusters"],
            summary="Clusters", description="De vier clusters van het lexicon.")
def cluster_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE):
    absolute = _absolute(request)
    items, envelope = paginate(request, Cluster.objects.with_published_counts(), absolute, page, per_page)
    return {**envelope, "results": [serializers.cluster_summary(c, absolute, c.published_count) for c in items]}


@router.get("clusters/{path:slug}/", response={200: schemas.ClusterDetail, 404: schemas.Error},
            url_name="api_cluster", tags=["clusters"], summary="Eén cluster met zijn lemma's")
def cluster_detail(request, slug: str):
    absolute = _absolute(request)
    message = _("Er is geen cluster met slug ‘%(slug)s’.") % {"slug": slug[:200]}
    cluster = Cluster.objects.with_published_counts().filter(slug=_slug_or_404(slug, message)).first()
    if cluster is None:
        raise ApiError(message, 404)
    lemmas = _published_lemmas().filter(cluster=cluster).order_by("order", "title")
    return {
        **serializers.cluster_summary(cluster, absolute, cluster.published_count),
        "lemmas": [serializers.lemma_summary(lemma, absolute) for lemma in lemmas],
    }


@router.get("auteurs/", response={200: schemas.AuthorPage, **ERRORS}, url_name="api_authors", tags=["auteurs"],
            summary="Auteurs", description="Auteurs met ten minste één gepubliceerd lemma, op achternaam.")
def author_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE):
    absolute = _absolute(request)
    items, envelope = paginate(request, Author.objects.with_published_counts(), absolute, page, per_page)
    return {**envelope, "results": [serializers.author_summary(a, absolute, a.published_count) for a in items]}


@router.get("auteurs/{path:slug}/", response={200: schemas.AuthorDetail, 404: schemas.Error},
            url_name="api_author", tags=["auteurs"], summary="Eén auteur met zijn of haar lemma's")
def author_detail(request, slug: str):
    absolute = _absolute(request)
    message = _("Er is geen auteur met slug ‘%(slug)s’ en gepubliceerde lemma’s.") % {"slug": slug[:200]}
    author = Author.objects.with_published_counts().filter(slug=_slug_or_404(slug, message)).first()
    if author is None:
        raise ApiError(message, 404)
    lemmas = _published_lemmas().filter(authors=author).order_by("order", "title")
    return {
        **serializers.author_summary(author, absolute, author.published_count),
        "bio": author.bio,
        "lemmas": [serializers.lemma_summary(lemma, absolute) for lemma in lemmas],
    }


KindParam = Annotated[Optional[Literal[tuple(CrossReference.Kind.values)]], _blank_is(None)]  # type: ignore


@router.get("kruisverwijzingen/", response={200: schemas.CrossReferencePage, **ERRORS},
            url_name="api_cross_references", tags=["kruisverwijzingen"], summary="Kruisverwijzingen",
            description="Verwijzingen tussen gepubliceerde lemma's.")
def cross_reference_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE,
                         lemma: SlugParam = _slug_filter("Alleen verwijzingen van of naar dit lemma (slug)."),
                         soort: KindParam = Query(None, description="Soort verwijzing.")):
    absolute = _absolute(request)
    refs = CrossReference.objects.between_published().select_related("source", "target")
    if lemma:
        refs = refs.filter(Q(source__slug=lemma) | Q(target__slug=lemma))
    if soort:
        refs = refs.filter(kind=soort)
    refs = refs.order_by("source__order", "target__order", "kind", "pk")
    items, envelope = paginate(request, refs, absolute, page, per_page)
    return {**envelope, "results": [serializers.cross_reference(ref, absolute) for ref in items]}


@router.get("literatuur/", response={200: schemas.WorkPage, **ERRORS}, url_name="api_literature",
            tags=["literatuur"], summary="Geciteerde werken",
            description="Werken die gepubliceerde lemma's citeren, op auteur; met de citerende zinnen per lemma.")
def literature_list(request, page: PageParam = PAGE, per_page: PerPageParam = PER_PAGE,
                    lemma: SlugParam = _slug_filter("Alleen werken die dit lemma citeert (slug)."),
                    onvolledig: Optional[bool] = Query(None, description="Alleen (on)volledige werken.")):
    absolute = _absolute(request)
    works = literature.works_for_api(lemma, onvolledig)
    items, envelope = paginate(request, works, absolute, page, per_page)
    return {**envelope, "results": literature.serialize(items, absolute)}


def invalid_parameter_message(name, error_type):
    """The Dutch message for a parameter of these operations that did not validate."""
    if name == "per_page" and error_type == "less_than_equal":
        return _("Parameter ‘per_page’ mag hoogstens %(max)d zijn.") % {"max": MAX_PER_PAGE}
    if name in ("page", "per_page"):
        return _("Parameter ‘%(name)s’ moet een geheel getal vanaf 1 zijn.") % {"name": name}
    if name == "soort":
        return _("Parameter ‘soort’ moet een van deze zijn: %(kinds)s.") % {"kinds": ", ".join(CrossReference.Kind.values)}
    return _("Parameter ‘%(name)s’ moet een slug zijn (letters, cijfers en streepjes).") % {"name": name}
