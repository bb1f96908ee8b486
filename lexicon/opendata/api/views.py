"""Read-only API views. Only published lemmas, and cross-references between published lemmas."""
import re
from functools import wraps

from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lexicon.content.models import Author, Cluster, CrossReference, Lemma
from lexicon.opendata.api import openapi, serializers
from lexicon.opendata.api.pagination import MAX_PER_PAGE, ApiError, paginate

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")


def error(message, status):
    return JsonResponse({"fout": message, "status": status}, status=status)


def api_view(view):
    """GET/HEAD only, JSON errors, open to other sites (read-only public data)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response = error(_("Deze API is alleen-lezen: gebruik GET."), 405)
            response["Allow"] = "GET, HEAD, OPTIONS"
        elif request.method == "OPTIONS":
            response = JsonResponse({})
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiError as exc:
                response = error(exc.message, exc.status)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _absolute(request):
    return request.build_absolute_uri


def _slug_or_404(slug, message):
    if not SLUG.match(slug):
        raise ApiError(message, 404)
    return slug


def _published_lemmas():
    return Lemma.objects.published().for_listing()


def _filter_slug(request, name):
    value = request.GET.get(name)
    if value in (None, ""):
        return None
    if not SLUG.match(value):
        raise ApiError(_("Parameter ‘%(name)s’ moet een slug zijn (letters, cijfers en streepjes).") % {"name": name})
    return value


@api_view
def lemma_list(request):
    absolute = _absolute(request)
    lemmas = _published_lemmas()
    cluster = _filter_slug(request, "cluster")
    if cluster:
        lemmas = lemmas.filter(cluster__slug=cluster)
    author = _filter_slug(request, "auteur")
    if author:
        lemmas = lemmas.filter(authors__slug=author)
    items, envelope = paginate(request, lemmas.order_by("order", "title"), absolute)
    return JsonResponse({**envelope, "results": [serializers.lemma_summary(l, absolute) for l in items]})


@api_view
def lemma_detail(request, slug):
    absolute = _absolute(request)
    message = _("Er is geen gepubliceerd lemma met slug ‘%(slug)s’.") % {"slug": slug[:200]}
    lemma = _published_lemmas().filter(slug=_slug_or_404(slug, message)).first()
    if lemma is None:
        raise ApiError(message, 404)
    see_also = lemma.outgoing_refs.to_published().lemmas_at("target")
    mentioned_in = lemma.incoming_refs.from_published().lemmas_at("source")
    return JsonResponse(serializers.lemma_detail(lemma, absolute, see_also, mentioned_in))


def _clusters():
    return Cluster.objects.with_published_counts()


@api_view
def cluster_list(request):
    absolute = _absolute(request)
    items, envelope = paginate(request, _clusters(), absolute)
    return JsonResponse(
        {**envelope, "results": [serializers.cluster_summary(c, absolute, c.published_count) for c in items]}
    )


@api_view
def cluster_detail(request, slug):
    absolute = _absolute(request)
    message = _("Er is geen cluster met slug ‘%(slug)s’.") % {"slug": slug[:200]}
    cluster = _clusters().filter(slug=_slug_or_404(slug, message)).first()
    if cluster is None:
        raise ApiError(message, 404)
    lemmas = _published_lemmas().filter(cluster=cluster).order_by("order", "title")
    return JsonResponse({
        **serializers.cluster_summary(cluster, absolute, cluster.published_count),
        "lemmas": [serializers.lemma_summary(l, absolute) for l in lemmas],
    })


def _authors():
    # Only authors of at least one published lemma are public.
    return Author.objects.with_published_counts()


@api_view
def author_list(request):
    absolute = _absolute(request)
    items, envelope = paginate(request, _authors(), absolute)
    return JsonResponse(
        {**envelope, "results": [serializers.author_summary(a, absolute, a.published_count) for a in items]}
    )


@api_view
def author_detail(request, slug):
    absolute = _absolute(request)
    message = _("Er is geen auteur met slug ‘%(slug)s’ en gepubliceerde lemma’s.") % {"slug": slug[:200]}
    author = _authors().filter(slug=_slug_or_404(slug, message)).first()
    if author is None:
        raise ApiError(message, 404)
    lemmas = _published_lemmas().filter(authors=author).order_by("order", "title")
    return JsonResponse({
        **serializers.author_summary(author, absolute, author.published_count),
        "bio": author.bio,
        "lemmas": [serializers.lemma_summary(l, absolute) for l in lemmas],
    })


@api_view
def cross_reference_list(request):
    absolute = _absolute(request)
    refs = CrossReference.objects.between_published().select_related(
        "source", "target"
    )
    lemma = _filter_slug(request, "lemma")
    if lemma:
        refs = refs.filter(Q(source__slug=lemma) | Q(target__slug=lemma))
    kind = request.GET.get("soort")
    if kind not in (None, ""):
        if kind not in CrossReference.Kind.values:
            raise ApiError(_("Parameter ‘soort’ moet een van deze zijn: %(kinds)s.")
                           % {"kinds": ", ".join(CrossReference.Kind.values)})
        refs = refs.filter(kind=kind)
    refs = refs.order_by("source__order", "target__order", "kind", "pk")
    items, envelope = paginate(request, refs, absolute)
    return JsonResponse({**envelope, "results": [serializers.cross_reference(r, absolute) for r in items]})


@api_view
def openapi_json(request):
    return JsonResponse(openapi.document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
def index(request):
    """Human-readable description of the API, in Dutch."""
    return render(request, "api/index.html", {
        "endpoints": openapi.endpoint_summaries(),
        "max_per_page": MAX_PER_PAGE,
        "openapi_url": reverse("lexicon:api_openapi"),
    })
