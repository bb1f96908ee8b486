"""The search service behind /zoeken/ and /api/zoeken: user input in, a page of results out.

Only haystack's public API is used here (SearchQuerySet, AutoQuery, narrow, facets), so the
same code runs on Whoosh and on Elasticsearch; the Dutch Whoosh engine also receives the
``QueryPlan`` of ``lexicon.search.understanding`` (compounds, synonyms, question words) through
haystack's query object, other engines search the query string.

Results come in three kinds, listed in this order and counted apart: lemmas, the Over-pages
(voorwoord, inleiding, colofon) and the sources ("Bronnen"); ``soort`` shows one kind only.
For each lemma on the page its best matching sections are fetched in one extra query and shown
as deep links (``/lemma/<slug>/#anchor``).

A reader is never left empty-handed when something close exists. When the query as typed
finds (almost) nothing, the service tries, in this order and only then (the first pass stays as
fast as before): the spelling-corrected query ("Resultaten voor *nabijheid*"), most instead of
all words (documents matching more words first), and words of the index close to the typed
ones (fuzzy, by word length). When lemmas only mention the word in passing, the page says so.
"""
import dataclasses
import math
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from haystack import connections
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet

from lexicon.content.models import Author, Cluster, Lemma, LemmaSection, Page, Source, SourceSection
from lexicon.search import synonyms, understanding
from lexicon.search.search_indexes import KIND_LEMMA, KIND_PAGE, KIND_SOURCE

MAX_QUERY_LENGTH = 500
PER_PAGE = 10
MAX_PER_PAGE = 100
MAX_PAGE = 1000
SECTIONS_PER_LEMMA = 3
ALMOST_NOTHING = 2  # this many results or fewer: try the corrected / most-words / fuzzy query
PASSING_LEMMAS = 6  # lemma titles named in "het woord komt voor in: ..."
SLUG_RE = re.compile(r"^[-a-z0-9_]{1,100}$")

# (kind, models, label): the order results are listed in.
KINDS = [
    (KIND_LEMMA, (Lemma,), gettext_lazy("lemma's")),
    (KIND_PAGE, (Page,), gettext_lazy("pagina's")),
    (KIND_SOURCE, (Source, SourceSection), gettext_lazy("bronnen")),
]
ALL_MODELS = (Lemma, Page, Source, SourceSection)


class QueryError(ValueError):
    """Input we refuse, with a Dutch message for the reader."""


@dataclass
class SectionHit:
    title: str
    url: str
    snippet: str


@dataclass
class Hit:
    kind: str  # "lemma", "pagina" or "bron"
    title: str
    url: str
    score: float
    snippet: str  # safe HTML with <mark>
    cluster: str = ""
    cluster_name: str = ""
    authors: str = ""
    context: str = ""  # for sources: the book a chapter belongs to
    about: bool = True  # False: the lemma only mentions the words in its text
    sections: list = field(default_factory=list)
    lead: str = ""  # a lemma's lead (plain text): what it is about, beside where the words occur

    @property
    def is_source(self):
        return self.kind == KIND_SOURCE

    @property
    def is_page(self):
        return self.kind == KIND_PAGE

    @property
    def section(self):
        return self.sections[0] if self.sections else None


@dataclass
class SearchPage:
    query: str  # as the reader typed it
    results: list
    total: int
    page: int
    per_page: int
    cluster: str = ""
    author: str = ""
    kind: str = ""  # "" (all kinds) or one of KIND_*
    cluster_facets: list = field(default_factory=list)  # [(slug, name, count)]
    author_facets: list = field(default_factory=list)
    kind_counts: list = field(default_factory=list)  # [(kind, label, count)] in listing order
    suggestion: str = ""  # "Bedoelde u ...?": a correction we did not search for
    searched: str = ""  # the query the results are for, when it is not the typed one (corrected)
    relaxed: bool = False  # not all words matched: documents with most of them
    fuzzy: bool = False  # words close to the typed ones were searched too
    counts: dict = field(default_factory=dict, repr=False)  # the engine's facet counts (for the names)
    stamp: tuple = None  # index generation and synonym version the answer holds for (None: unknown)
    passing: list = field(default_factory=list)  # lemma titles that only mention the query
    dropped: tuple = ()  # question and filler words left out of the search

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

    @property
    def grand_total(self):
        """All results of every kind (``total`` is that of the kind shown)."""
        return sum(count for _kind, _label, count in self.kind_counts)

    @property
    def corrected(self):
        return bool(self.searched and self.searched != self.query)


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


def clean_kind(value):
    value = (value or "").strip().lower()
    return value if value in {k for k, _m, _l in KINDS} else ""


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


# -- query plans ---------------------------------------------------------------------------------

def _backend():
    return connections["default"].get_backend()


class ResultsMemo:
    """The last answers of this process, per (search, index generation, synonym version).

    Popular searches repeat ("eenzaamheid" between two home visits); each answer is a few
    hundred kilobytes of work (counts, fallbacks, highlighting) and a few kilobytes to keep."""

    ENTRIES = 256

    def __init__(self):
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def stamp(self):
        """What the answers depend on besides the search itself; None: do not memoise."""
        backend = _backend()
        if not hasattr(backend, "get_searcher") or not getattr(backend, "use_file_storage", False):
            return None
        backend.get_searcher()  # reopens after a write; IndexUnavailable when missing or broken
        try:
            return (backend.path, backend._stamp, synonyms.version())
        except Exception:  # noqa: BLE001 - the shared cache is down: no memo, the search still runs
            return None

    def get_or_compute(self, stamp, key, compute):
        """The memoised answer for ``key`` under ``stamp`` (from ``stamp()``), else ``compute()``."""
        if stamp is None or not getattr(settings, "SEARCH_RESULTS_MEMO", True):
            return compute()
        key = (stamp, key)
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found
        found = compute()
        with self.lock:
            self.entries[key] = found
            while len(self.entries) > self.ENTRIES:
                self.entries.popitem(last=False)
        return found

    def clear(self):
        with self.lock:
            self.entries.clear()


results_memo = ResultsMemo()


def _vocabulary():
    backend = _backend()
    return backend.vocabulary() if hasattr(backend, "vocabulary") else understanding.Vocabulary()


def _queryset(plan, models):
    sqs = SearchQuerySet().models(*models).filter(content=AutoQuery(plan.text))
    if hasattr(sqs.query, "plan"):  # the Dutch Whoosh engine; others search the string
        sqs.query.plan = plan
    return sqs


def _narrowed(sqs, cluster, author, kind=""):
    if cluster:
        sqs = sqs.narrow(f'cluster_exact:"{cluster}"')
    if author:
        sqs = sqs.narrow(f'authors_exact:"{author}"')
    return sqs


def _count(plan, cluster, author):
    """One unscored-size pass: facet counts (clusters, authors, kinds) of everything matching."""
    if plan.is_empty:
        return {}
    sqs = _narrowed(_queryset(plan, ALL_MODELS).facet("cluster").facet("authors").facet("kind"), cluster, author)
    # Counts only: without a limit haystack would fetch (and load the stored fields of) every hit.
    sqs.query.set_limits(0, 1)
    return sqs.facet_counts() or {}


def _kind_counts(counts):
    fields = (counts or {}).get("fields") or {}
    return dict(fields.get("kind_exact") or fields.get("kind") or [])


def _total(counts):
    kinds = _kind_counts(counts)
    return sum(kinds.get(k, 0) for k, _m, _l in KINDS)


def corrected_text(query):
    """``query`` with misspelled words replaced (quotes and order kept), or ''."""
    backend = _backend()
    if not hasattr(backend, "spelling_corrections"):
        return ""
    # Question, filler and stop words are not in the (stop-word free) spelling vocabulary:
    # never "correct" them ("hoe" is no typo of "hoge").
    words = [w.lower() for w in understanding.WORD_RE.findall(query)]
    words = [w for w in words if len(w) >= 3 and w not in understanding.STOP and w not in understanding.FILLERS]
    fixes = backend.spelling_corrections(words)
    if not fixes:
        return ""
    return re.sub(r"\w+", lambda m: fixes.get(m.group(0).lower(), m.group(0)), query)


def _choose_plan(query, plan, counts, cluster, author, vocabulary, exact=False):
    """(plan, counts, how) to show: the typed query unless it finds (almost) nothing and a
    fallback finds more. ``how`` is "", "corrected", "most" or "fuzzy"."""
    best = (plan, counts, "")
    best_total = _total(counts)
    if best_total > ALMOST_NOTHING or plan.is_empty and not query:
        return best
    def candidates():  # lazily: each costs a pass, the look-alike words most of all
        corrected = "" if exact else corrected_text(query)
        if corrected and corrected.lower() != query.lower():
            fixed = understanding.parse(corrected, vocabulary)
            yield fixed, "corrected"
            if len(fixed.clauses) > 1:
                yield fixed.with_mode("most"), "corrected"
        if len(plan.clauses) > 1:
            yield plan.with_mode("most"), "most"
        fuzzy = None if exact else understanding.with_fuzzy(plan, vocabulary)
        if fuzzy is not None:
            yield fuzzy, "fuzzy"
            if len(fuzzy.clauses) > 1:
                yield fuzzy.with_mode("most"), "fuzzy"

    for candidate, how in candidates():
        found = _count(candidate, cluster, author)
        total = _total(found)
        if total > best_total:
            best, best_total = (candidate, found, how), total
        if total > ALMOST_NOTHING:
            break
    return best


# -- the service -----------------------------------------------------------------------------------

def search(query, *, cluster="", author="", kind="", page=1, per_page=PER_PAGE, exact=False):
    """One page of results. ``query`` must come from ``clean_query``. ``exact``: the words as
    typed, never a spelling correction or look-alike words (the reader chose "Zoek in plaats
    daarvan naar ...").

    The same search on the same index is answered from a small memo in this process
    (``results_memo``): its key holds the index's generation and the synonym list's version, so
    a write to the index or a synonym edit makes every earlier answer unreachable. Facet names
    (clusters, authors) are looked up fresh each time."""
    cluster, author, kind, page = clean_slug(cluster), clean_slug(author), clean_kind(kind), clean_page(page)
    per_page = min(max(int(per_page or PER_PAGE), 1), MAX_PER_PAGE)
    stamp = results_memo.stamp() if query else None  # an empty search never touches the index
    found = results_memo.get_or_compute(
        stamp, (query, cluster, author, kind, page, per_page, bool(exact)),
        lambda: _search(query, cluster, author, kind, page, per_page, exact),
    )
    result_page = dataclasses.replace(found, results=[dataclasses.replace(h, sections=list(h.sections))
                                                      for h in found.results], stamp=stamp)
    _facets(result_page, result_page.counts)
    return result_page


def _search(query, cluster, author, kind, page, per_page, exact):
    result_page = SearchPage(query=query, results=[], total=0, page=page, per_page=per_page,
                             cluster=cluster, author=author, kind=kind)
    if not query:
        return result_page

    vocabulary = _vocabulary()
    typed = understanding.parse(query, vocabulary)
    plan, counts, how = _choose_plan(query, typed, _count(typed, cluster, author), cluster, author, vocabulary,
                                     exact=exact)
    result_page.dropped = plan.dropped
    if how == "corrected":
        result_page.searched = plan.text
    result_page.relaxed = plan.mode == "most"
    result_page.fuzzy = plan.fuzzy

    by_kind = _kind_counts(counts)
    result_page.kind_counts = [(k, label, by_kind.get(k, 0)) for k, _models, label in KINDS]
    shown = [(k, models, by_kind.get(k, 0)) for k, models, _label in KINDS if not kind or k == kind]
    total = sum(n for _k, _m, n in shown)
    if total and (page - 1) * per_page >= total:
        # Beyond the last page (?page=9999): show the last one.
        page = max(1, math.ceil(total / per_page))
    result_page.page, result_page.total = page, total
    if _total(counts) <= ALMOST_NOTHING and how != "corrected":
        corrected = corrected_text(query)
        if corrected and corrected.lower() != query.lower():
            result_page.suggestion = corrected

    # The kinds one after another, paged as one list; only the slices this page shows are fetched.
    start, end = (page - 1) * per_page, page * per_page
    offset, raw = 0, []
    for _k, models, n in shown:
        if n and start < offset + n and end > offset:
            sqs = _narrowed(_queryset(plan, models).highlight(), cluster, author)
            raw += list(sqs[max(0, start - offset):min(n, end - offset)])
        offset += n

    hits = [_hit(r) for r in raw]
    _attach_sections(plan, hits, [r for r in raw if r.model_name == "lemma"])
    result_page.results = hits
    result_page.counts = counts
    lemma_hits = [h for h in hits if h.kind == KIND_LEMMA]
    if page == 1 and lemma_hits and not any(h.about for h in lemma_hits):
        result_page.passing = [(h.title, h.url) for h in lemma_hits[:PASSING_LEMMAS]]
    return result_page


def _hit(result):
    title = getattr(result, "title", "") or ""
    context = ""
    if result.model_name == "sourcesection":
        context = getattr(result, "source_title", "") or ""
        if context:
            title = f"{context} — {title}"  # "Noten" alone says nothing: which book?
    return Hit(
        kind=getattr(result, "kind", "") or "lemma",
        title=title,
        url=getattr(result, "url", "") or "",
        score=float(result.score or 0),
        snippet=_snippet(result),
        cluster=getattr(result, "cluster", "") or "",
        authors=getattr(result, "author_names", "") or "",
        context=context,
        about=bool(getattr(result, "about", True)),
        lead=(getattr(result, "summary", "") or "") if result.model_name == "lemma" else "",
    )


def _attach_sections(plan, hits, lemma_results):
    """Best matching sections of the lemmas on this page, in one query."""
    if not lemma_results:
        return
    by_lemma = {int(r.pk): hit for r, hit in zip(lemma_results, [h for h in hits if h.kind == "lemma"])}
    ids = " OR ".join(str(pk) for pk in by_lemma)
    # The lemmas are found already: rank their sections by the text alone (no field boosts).
    sections_plan = dataclasses.replace(plan, boosted=False)
    sqs = _queryset(sections_plan, (LemmaSection,)).narrow(f"lemma_id:({ids})").highlight()
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
