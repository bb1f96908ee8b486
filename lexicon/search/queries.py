"""The search service behind /zoeken/ and /api/zoeken: user input in, a page of results out.

Only haystack's public API is used here (SearchQuerySet, AutoQuery, narrow, facets), so the
same code runs on Whoosh and on Elasticsearch. Two levels: lemmas and sources are the
results (all matching lemmas first, then the sources); for each lemma on the page, its best
matching sections are fetched in one extra query and shown as deep links (``/lemma/<slug>/#anchor``).
"""
import math
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet

from lexicon.content.models import Author, Cluster, Lemma, LemmaSection, Source, SourceSection
from lexicon.search.search_indexes import KIND_LEMMA, KIND_SOURCE

MAX_QUERY_LENGTH = 500
PER_PAGE = 10
MAX_PAGE = 1000
SECTIONS_PER_LEMMA = 3
SLUG_RE = re.compile(r"^[-a-z0-9_]{1,100}$")


class QueryError(ValueError):
    """Input we refuse, with a Dutch message for the reader."""


@dataclass
class SectionHit:
    title: str
    url: str
    snippet: str


@dataclass
class Hit:
    kind: str  # "lemma" or "bron"
    title: str
    url: str
    score: float
    snippet: str  # safe HTML with <mark>
    cluster: str = ""
    cluster_name: str = ""
    authors: str = ""
    context: str = ""  # for sources: the book a chapter belongs to
    sections: list = field(default_factory=list)

    @property
    def is_source(self):
        return self.kind == KIND_SOURCE

    @property
    def section(self):
        return self.sections[0] if self.sections else None


@dataclass
class SearchPage:
    query: str
    results: list
    total: int
    page: int
    per_page: int
    cluster: str = ""
    author: str = ""
    cluster_facets: list = field(default_factory=list)  # [(slug, name, count)]
    author_facets: list = field(default_factory=list)
    suggestion: str = ""

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1 if self.total else 0


def clean_query(raw):
    """Normalise user input; raises QueryError for input we cannot search with."""
    text = raw or ""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("Uw zoekopdracht is te lang: gebruik hooguit %(max)d tekens.") % {"max": MAX_QUERY_LENGTH}
        )
    text = unicodedata.normalize("NFC", text)
    # Control characters, NUL and the replacement character of undecodable bytes carry no words.
    text = "".join(" " if unicodedata.category(c) in {"Cc", "Cs", "Co"} or c == "\ufffd" else c for c in text)
    return re.sub(r"\s+", " ", text).strip()


def clean_slug(value):
    value = (value or "").strip().lower()
    return value if SLUG_RE.match(value) else ""


def clean_page(value):
    try:
        page = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE)


def _snippet(result):
    highlighted = (getattr(result, "highlighted", None) or {}).get("text") or []
    html = highlighted[0] if highlighted else ""
    if html and "<mark>" in html:
        return mark_safe(html)
    summary = getattr(result, "summary", "") or ""
    if len(summary) > 240:
        summary = summary[:240].rsplit(" ", 1)[0] + " …"
    return escape(summary)


def _base_queryset(query):
    return SearchQuerySet().filter(content=AutoQuery(query))


def search(query, *, cluster="", author="", page=1, per_page=PER_PAGE):
    """One page of results. ``query`` must come from ``clean_query``."""
    cluster, author, page = clean_slug(cluster), clean_slug(author), clean_page(page)
    result_page = SearchPage(query=query, results=[], total=0, page=page, per_page=per_page,
                             cluster=cluster, author=author)
    if not query:
        return result_page

    # All matching lemmas first, then the sources: a reader looking up a term wants the lemma
    # before the long source chapters that mention it more often. Two ranked lists, paged as one.
    # One pass counts everything (facets, and per kind the totals the paging needs); then only
    # the slices this page shows are fetched.
    facet_sqs = _narrowed(
        _base_queryset(query).models(Lemma, Source, SourceSection).facet("cluster").facet("authors").facet("kind"),
        cluster, author,
    )
    facet_sqs.query.set_spelling_query(query)
    # Counts only: without a limit haystack would fetch (and load the stored fields of) every hit.
    facet_sqs.query.set_limits(0, 1)
    counts = facet_sqs.facet_counts() or {}
    fields = counts.get("fields") or {}
    kinds = dict(fields.get("kind_exact") or fields.get("kind") or [])
    lemma_total, source_total = kinds.get(KIND_LEMMA, 0), kinds.get(KIND_SOURCE, 0)
    total = lemma_total + source_total
    if total and (page - 1) * per_page >= total:
        # Beyond the last page (?page=9999): show the last one.
        page = max(1, math.ceil(total / per_page))
    result_page.page = page
    start, end = (page - 1) * per_page, page * per_page
    raw = []
    if start < lemma_total:
        raw += list(_narrowed(_base_queryset(query).models(Lemma).highlight(), cluster, author)[start:end])
    if end > lemma_total:
        sources = _narrowed(_base_queryset(query).models(Source, SourceSection).highlight(), cluster, author)
        raw += list(sources[max(0, start - lemma_total):end - lemma_total])
    result_page.total = total
    result_page.suggestion = (facet_sqs.query.get_spelling_suggestion() or "") if not total else ""
    if result_page.suggestion and result_page.suggestion.lower() == query.lower():
        result_page.suggestion = ""

    hits = [_hit(r) for r in raw]
    _attach_sections(query, hits, [r for r in raw if r.model_name == "lemma"])
    result_page.results = hits
    _facets(result_page, counts if total else {})
    return result_page


def _narrowed(sqs, cluster, author):
    if cluster:
        sqs = sqs.narrow(f'cluster_exact:"{cluster}"')
    if author:
        sqs = sqs.narrow(f'authors_exact:"{author}"')
    return sqs


def _hit(result):
    if result.model_name == "sourcesection":
        context = getattr(result, "source_title", "") or ""
    else:
        context = ""
    return Hit(
        kind=getattr(result, "kind", "") or "lemma",
        title=getattr(result, "title", "") or "",
        url=getattr(result, "url", "") or "",
        score=float(result.score or 0),
        snippet=_snippet(result),
        cluster=getattr(result, "cluster", "") or "",
        authors=getattr(result, "author_names", "") or "",
        context=context,
    )


def _attach_sections(query, hits, lemma_results):
    """Best matching sections of the lemmas on this page, in one query."""
    if not lemma_results:
        return
    by_lemma = {int(r.pk): hit for r, hit in zip(lemma_results, [h for h in hits if h.kind == "lemma"])}
    ids = " OR ".join(str(pk) for pk in by_lemma)
    sqs = _base_queryset(query).models(LemmaSection).narrow(f"lemma_id:({ids})").highlight()
    for result in sqs[: len(by_lemma) * SECTIONS_PER_LEMMA]:
        if not getattr(result, "anchor", ""):
            continue  # the text before the first heading is the lemma itself
        hit = by_lemma.get(int(result.lemma_id or 0))
        if hit is not None and len(hit.sections) < SECTIONS_PER_LEMMA:
            snippet = _snippet(result)
            if snippet == hit.snippet:
                snippet = ""  # the lemma's snippet already shows this passage
            hit.sections.append(SectionHit(title=result.title, url=result.url, snippet=snippet))


def _facets(result_page, counts):
    fields = (counts or {}).get("fields", {})
    cluster_counts = dict(fields.get("cluster_exact") or fields.get("cluster") or [])
    author_counts = dict(fields.get("authors_exact") or fields.get("authors") or [])
    clusters = {c.slug: c.name for c in Cluster.objects.all()}
    result_page.cluster_facets = [(slug, clusters[slug], n) for slug, n in cluster_counts.items() if slug in clusters]
    result_page.cluster_facets.sort(key=lambda f: list(clusters).index(f[0]))
    for hit in result_page.results:
        hit.cluster_name = clusters.get(hit.cluster, "")
    authors = dict(Author.objects.filter(slug__in=list(author_counts)).values_list("slug", "name"))
    result_page.author_facets = sorted(
        [(slug, authors[slug], n) for slug, n in author_counts.items() if slug in authors],
        key=lambda f: (-f[2], f[1]),
    )
