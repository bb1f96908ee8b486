"""Public pages. Thin: queries live on the models' managers, formatting in templates."""
from functools import cache, partial
from itertools import groupby

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from lexicon.web import caching, nearest
from lexicon.content import citation
from lexicon.content.models import Author, Cluster, CrossReference, Lemma, Page, SlugRedirect, Source, sees_drafts
from lexicon.content.models.versions import with_last_change
from lexicon.web.pagination import paginate
from lexicon.content.rendering import initial_letter
from lexicon.reading.page import READING_CONTEXT, lemma_page_context

# A page of a list is a phone screen or three; the book fits on one A–Z page (33 lemmas).
LIST_PAGE_SIZE = 40
RECENT_CHANGES = 6
HOME_LEMMAS_PER_CLUSTER = 20  # the book has at most a dozen per cluster; a bigger lexicon links on


def home(request):
    published = Lemma.objects.published()
    clusters = Cluster.objects.with_published_counts().prefetch_related(
        Prefetch("lemmas", queryset=published.only("title", "slug", "order", "cluster_id", "lead")[:HOME_LEMMAS_PER_CLUSTER],
                 to_attr="published_lemmas")
    )
    # Dated by their latest published version, not by the last save of the row (true dates).
    recent = with_last_change(published.for_listing()).order_by("-last_change", "order")[:RECENT_CHANGES]
    intro = Page.objects.filter(slug="inleiding").only("title", "slug")
    # Querysets and callables: evaluated only when the page's stored fragment is missing.
    return render(
        request,
        "lexicon/home.html",
        {"clusters": clusters, "recent": recent, "lemma_count": cache(published.count), "intro": cache(intro.first)},
    )


def _audience(request):
    """Part of a stored fragment's key: editors see drafts, so their fragments are not the readers'."""
    return "redactie" if sees_drafts(request.user) else "lezer"


# What the lemma page reads of a lemma outside its stored fragments (title, description, keys).
LEMMA_FRAME_FIELDS = ("title", "slug", "lead", "status", "updated", "order", "cluster_id")


def lemma_detail(request, slug):
    try:
        head = get_object_or_404(Lemma.objects.visible_to(request.user).only(*LEMMA_FRAME_FIELDS), slug=slug)
    except Http404:
        # A renamed lemma keeps its old URLs: 301 to the current one.
        moved = SlugRedirect.objects.filter(old_slug=slug, lemma__in=Lemma.objects.visible_to(request.user)).select_related("lemma").first()
        if moved is None:
            raise
        return redirect(moved.lemma, permanent=True)
    # Everything below is computed only when the page's stored fragments (templates, lexicon.web.
    # fragments) are missing: the template calls these when it renders them. The whole lemma
    # (body, stored rendering, cluster, authors) is read then, not for a page assembled from them.
    lemma = SimpleLazyObject(lambda: Lemma.objects.for_listing().with_rendering().get(pk=head.pk))

    @cache
    def reading():
        visible = Lemma.objects.visible_to(request.user)
        # Mentions in the text feed "Genoemd in" on the other lemma, not this lemma's "Zie ook".
        see_also = (
            lemma.outgoing_refs.filter(target__in=visible).exclude(kind=CrossReference.Kind.MENTION).lemmas_at("target")
        )
        mentioned_in = lemma.incoming_refs.filter(source__in=visible).lemmas_at("source")
        # "Zie ook", "Genoemd in", cluster, "Verwant", the body as read and the previews' data.
        return lemma_page_context(lemma, see_also, mentioned_in, memo=caching.per_generation)

    def neighbour(before):
        published = Lemma.objects.published().only("title", "slug", "order")
        if before:
            return published.filter(order__lt=head.order).order_by("-order").first()
        return published.filter(order__gt=head.order).order_by("order").first()

    url = request.build_absolute_uri(head.get_absolute_url())
    return render(
        request,
        "lexicon/lemma_detail.html",
        {
            "head": head,
            "lemma": lemma,
            **{name: partial(lambda name: reading()[name], name) for name in READING_CONTEXT},
            # Called by the template (once each: cached) when it renders the fragment that shows them.
            "previous": cache(partial(neighbour, True)),
            "next": cache(partial(neighbour, False)),
            "citation": cache(lambda: citation.apa(lemma, url)),
            "canonical_url": url,
            "audience": _audience(request),
        },
    )


def cluster_detail(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    ids = caching.per_generation(
        f"cluster-ids-{cluster.pk}",
        lambda: list(Lemma.objects.published().filter(cluster=cluster).values_list("pk", flat=True)),
    )
    return render(
        request,
        "lexicon/cluster_detail.html",
        {"cluster": cluster, "page_obj": _page_of_lemmas(request, ids), "clusters": Cluster.objects.all()},
    )


def _page_of_lemmas(request, ids):
    """Paginate a list of lemma ids, then load only this page's lemmas (in that order): the same
    work per page however long the list, with the list itself cached per content generation."""
    page_obj = paginate(request, ids, LIST_PAGE_SIZE)
    pks = page_obj.object_list
    # Loaded when the page's stored fragment is missing (templates, lexicon.web.fragments).
    page_obj.object_list = SimpleLazyObject(lambda: Lemma.objects.cards_in_order(pks))
    return page_obj


def _lemma_ids_by_initial():
    """{letter: [pk, ...] in title order} of the published lemmas, once per content change."""
    def build():
        index = {}
        for pk, title in Lemma.objects.published().order_by("title").values_list("pk", "title"):
            index.setdefault(initial_letter(title), []).append(pk)
        return index

    return caching.per_generation("a-z-initials", build)


def _a_z_ids(letter):
    """Ids of the published lemmas under ``letter`` in title order, or of all of them for "". Each
    list is cached on its own (built from the index above), so a page reads only the ids it lists,
    not the whole index of a big lexicon."""
    def build():
        index = _lemma_ids_by_initial()
        return index.get(letter, []) if letter else [pk for initial in sorted(index) for pk in index[initial]]

    return caching.per_generation(f"a-z-ids-{ord(letter) if letter else 'all'}", build)


def a_z(request):
    letters = caching.per_generation("a-z-letters", lambda: sorted(_lemma_ids_by_initial()))
    letter = (request.GET.get("letter") or "").strip().upper()[:1]
    if letter not in letters:
        letter = ""
    ids = _a_z_ids(letter)
    page_obj = _page_of_lemmas(request, ids)
    groups = cache(lambda: [(key, list(items)) for key, items in groupby(page_obj.object_list, key=lambda l: l.initial)])
    return render(
        request,
        "lexicon/a_z.html",
        {"letters": letters, "letter": letter, "groups": groups, "page_obj": page_obj,
         "alphabet": [chr(c) for c in range(ord("A"), ord("Z") + 1)]},
    )


def author_list(request):
    ids = caching.per_generation(
        "author-ids",
        lambda: list(Author.objects.with_published_lemmas().order_by("sort_name").values_list("pk", flat=True)),
    )
    page_obj = paginate(request, ids, LIST_PAGE_SIZE * 2)
    pks = page_obj.object_list
    page_obj.object_list = SimpleLazyObject(lambda: Author.objects.list_rows_in_order(pks))
    groups = cache(lambda: [(key, list(items)) for key, items in groupby(page_obj.object_list, key=lambda a: a.initial)])
    return render(request, "lexicon/author_list.html", {"groups": groups, "page_obj": page_obj})


def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    lemmas = Lemma.objects.visible_to(request.user).filter(authors=author)
    page_obj = paginate(request, lemmas, LIST_PAGE_SIZE)
    if not page_obj.paginator.count and not request.user.is_staff:
        raise Http404(_("Deze auteur heeft geen gepubliceerde lemma's."))
    page_obj.object_list = page_obj.object_list.cards()  # only this page's slice
    return render(request, "lexicon/author_detail.html",
                  {"author": author, "lemmas": page_obj.object_list, "page_obj": page_obj,
                   "audience": _audience(request)})


def page_detail(request, slug):
    page = get_object_or_404(Page, slug=slug)
    return render(request, "lexicon/page_detail.html", {"page": page})


def source_list(request):
    return render(request, "lexicon/source_list.html", {"sources": Source.objects.all()})


def _public_message(exception):
    """A 404's own Dutch message, not Django's English default or the resolver's tried patterns."""
    args = getattr(exception, "args", ())
    if not args or not isinstance(args[0], str) or args[0].endswith("matches the given query."):
        return ""
    return args[0]


def not_found(request, exception=None):
    from lexicon.web.errors import is_api

    if is_api(request):
        from lexicon.web.api import error

        return error(_("Niet gevonden."), 404)
    message = _public_message(exception)
    return render(request, "404.html", {"message": message, "did_you_mean": nearest.suggestions_for_path(request.path)},
                  status=404)


def server_error(request):
    from lexicon.web.errors import is_api

    if is_api(request):
        from lexicon.web.api import error

        return error(_("Er ging iets mis aan onze kant."), 500)
    return render(request, "500.html", status=500)
