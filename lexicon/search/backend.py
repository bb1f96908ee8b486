"""A Dutch Whoosh engine for haystack.

Differences from haystack's stock Whoosh backend, each for a reason:

* Dutch analysis (``analysis.dutch_analyzer``) for every text field, at index, query *and*
  highlight time (stock hard-codes an English StemmingAnalyzer for highlighting).
* Field boosts at query time (title > alternative terms > headings > authors > body): words
  must match the document field; copies of them on the boosted fields only add to the score
  (``boost_query``), so title matches rank first without a slow multifield match. The copies
  are scored once per query and added by the collector (``_boost_scores``), not advanced to
  every matching document.
* One searcher per process/thread, reused until the index changes (stock opens two new
  searchers per query: one for the query, one for the model filter). Model and narrow
  filters are Whoosh queries passed as ``filter=``, their doc sets cached per searcher.
* "Pinpoint" highlighting from character offsets stored in the index: no re-tokenizing
  of essay-length documents per result.
* Writes take an inter-process file lock (``locks.index_lock``) and wait for Whoosh's own
  lock instead of failing, so concurrent gunicorn workers never show a LockError and never
  lose an update. A lemma and its sections are replaced in one commit.
* Spelling suggestions come from an unstemmed ``spelling`` field, so "Bedoelde u ...?"
  proposes real words ("eenzaamheid", not the stem "eenzam").
* The search service passes a ``QueryPlan`` (lexicon.search.understanding) through haystack's
  query object (``DutchSearchQuery``): compounds, synonyms, question words and fuzzy fallbacks
  are then built into the Whoosh query here (lexicon.search.planner); in "most" mode a document
  must match a majority of the clauses and more matched clauses rank first. A query string
  without a plan (haystack's AutoQuery) is parsed as before.
"""
import hashlib
import json
import os
import shutil
import time
from array import array
from bisect import bisect_left
from collections import defaultdict

from django.utils.encoding import force_str
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.models import SearchResult
from haystack.utils import get_model_ct
from haystack.utils.app_loading import haystack_get_model
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, STORED, TEXT, Schema
from whoosh.highlight import HtmlFormatter, Highlighter, PinpointFragmenter
from whoosh.index import LockError
from whoosh.qparser import QueryParser
from whoosh.qparser import plugins as qplugins
from whoosh import collectors
from whoosh.query import And, AndMaybe, ConstantScoreQuery, Not, NullQuery, Or, Phrase, Term
from whoosh.query.compound import DefaultOr
from whoosh.searching import ResultsPage

from lexicon.search import compounds, planner, synonyms, whoosh_files
from lexicon.search.indexing import bulk_writer, lengths_in_memory, speed_up
from lexicon.search.analysis import dutch_analyzer, spelling_analyzer
from lexicon.search.locks import index_lock
from lexicon.search.readers import live_frequency
from lexicon.search.state import MISSING, UNREADABLE, IndexUnavailable, toc_exists
from lexicon.search.understanding import Vocabulary

whoosh_files.install()  # segments opened without a copy of each part

# Query-time boosts per field; fields missing from the schema are skipped.
FIELD_BOOSTS = {
    "title": 10.0,
    "alternative_terms": 5.0,
    "lead": 3.0,
    "headings": 2.0,
    "author_names": 2.0,
    "text": 1.0,
}
# A lemma is *about* a query when a query term is in one of these (else it only mentions it).
STRONG_FIELDS = ("title", "alternative_terms", "lead", "headings")
CLAUSE_BONUS = 1.0e6  # "most" mode: each matched clause outranks any difference in text score
RARE = 1  # a word in at most this many documents may be a typo of a far more frequent one
SPELLING_FIELD = "spelling"
KEYWORD_FIELDS = {"cluster", "kind"}
SNIPPET_CHARS = 12000  # stored prefix of the document field, the part snippets come from
SNIPPET_MATCHES = 40  # matched words considered per snippet (frequent words match hundreds of times)
WRITER_TIMEOUT = 60.0
PARSE_CACHE_SIZE = 256  # seconds to wait for Whoosh's write lock (after our own file lock)


def document_digest(doc):
    """sha1 of a prepared document (without its digest): equal digests, equal documents."""
    items = sorted((k, v) for k, v in doc.items() if k != "digest")
    return hashlib.sha1(json.dumps(items, default=str, ensure_ascii=False).encode("utf-8")).hexdigest()


class SnippetFormatter(HtmlFormatter):
    """<mark>…</mark> around matched words; text is HTML-escaped by Whoosh. A fragment cut
    from the middle of the text gets an ellipsis, so it does not read as a sentence start."""

    template = "<mark>%(t)s</mark>"

    def format(self, fragments, replace=False):
        out = []
        for fragment in fragments:
            html = self.format_fragment(fragment, replace=replace).strip()
            if fragment.startchar > 0:
                html = "… " + html
            if fragment.endchar < len(fragment.text):
                html += " …"
            out.append(html)
        return " ".join(out).replace("… …", "…")


class SnippetFragmenter(PinpointFragmenter):
    """Pinpoint fragments from the stored prefix, looking at the first matches only."""

    def fragment_matches(self, text, tokens):
        return super().fragment_matches(text, tokens[:SNIPPET_MATCHES])


def _positive_leaves(query):
    """Term and phrase leaves of a query, not those under a NOT."""
    if isinstance(query, Not):
        return
    if query.is_leaf():
        if isinstance(query, (Term, Phrase)):
            yield query
        return
    for child in query.children():
        yield from _positive_leaves(child)


def _split_boosts(query):
    """(query to match and score, boosted-field copies or None) of ``AndMaybe(match, copies)``,
    also under an ``And`` with narrowing filters (see ``boost_query`` and ``planner.build``)."""
    if isinstance(query, AndMaybe):
        return query.a, query.b
    if isinstance(query, And) and query.subqueries and isinstance(query.subqueries[0], AndMaybe):
        first = query.subqueries[0]
        return And([first.a] + list(query.subqueries[1:]), boost=query.boost), first.b
    return query, None


def boost_union(copies):
    """The Or of boosted-field copies, always as a tree of union matchers: Whoosh picks an
    array matcher for small indexes, whose skip_to scans (and sums in another order)."""
    return DefaultOr(copies)


class RecordingTopCollector(collectors.TopCollector):
    """Top N by score that also remembers every (filtered) match, for facet counts.

    With ``bonus`` (docnum -> number), that number is added to a document's score: in "most"
    mode, the number of query clauses it matches times ``CLAUSE_BONUS``."""

    def __init__(self, *args, bonus=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bonus = bonus

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.seen = []

    def _collect(self, global_docnum, score):
        self.seen.append(global_docnum)
        if self.bonus is not None:
            score += self.bonus.get(global_docnum, 0)
        return super()._collect(global_docnum, score)


class DocSet(set):
    """A filter's document numbers, with their sorted order computed once (for skipping)."""

    def ordered(self):
        ordered = self.__dict__.get("_ordered")
        if ordered is None:
            ordered = self.__dict__["_ordered"] = array("I", sorted(self))
        return ordered


class SkippingFilterCollector(collectors.FilterCollector):
    """Whoosh's FilterCollector steps the matcher through every matching document and drops the
    ones the filter does not allow. On a large index a frequent word matches tens of thousands of
    section documents that a lemma search never shows; here the matcher skips from a refused
    document straight to the next allowed one (one ``skip_to`` over a run of sections, and a
    segment without any allowed document is not read at all). The same documents are collected,
    in the same order: only the refused ones are no longer visited."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        allow = self._allow
        self._ordered = None
        if allow is not None and self._restrict is None:
            self._ordered = allow.ordered() if isinstance(allow, DocSet) else array("I", sorted(allow))

    def collect_matches(self):
        ordered = self._ordered
        if ordered is None:
            return super().collect_matches()
        child, allow, offset = self.child, self._allow, self.offset
        lo = bisect_left(ordered, offset)
        hi = bisect_left(ordered, offset + self.subsearcher.doc_count_all())
        if lo == hi:
            return  # nothing allowed in this segment
        matcher, collect = child.matcher, child.collect
        while matcher.is_active():
            docnum = matcher.id()
            if docnum + offset in allow:
                collect(docnum)
                matcher.next()
                continue
            lo = bisect_left(ordered, docnum + offset, lo, hi)
            if lo >= hi:
                break
            matcher.skip_to(ordered[lo] - offset)


class ScoreMapCollector(collectors.ScoredCollector):
    """docnum -> score of every match, added into a dict (no list of all matches sorted)."""

    def __init__(self, scores):
        super().__init__(replace=0)
        self.scores = scores

    def _collect(self, global_docnum, score):
        self.scores[global_docnum] = score + self.scores.get(global_docnum, 0)
        return 0

    def results(self):
        return self.scores


class IndexVocabulary(Vocabulary):
    """The query understanding's view of the index: the unstemmed ``spelling`` vocabulary."""

    def __init__(self, backend, searcher):
        self.backend, self.searcher = backend, searcher
        self.has_field = SPELLING_FIELD in searcher.schema.names()

    def frequency(self, word):
        if not self.has_field:
            return 0
        try:
            return live_frequency(self.searcher.reader(), SPELLING_FIELD, word)
        except Exception:
            return 0

    def near(self, word, maxdist):
        if not self.has_field or not maxdist:
            return []
        reader = self.searcher.reader()
        found = [(live_frequency(reader, SPELLING_FIELD, w), w)
                 for w in reader.terms_within(SPELLING_FIELD, word, maxdist, prefix=1)]
        return [w for f, w in sorted(found, key=lambda fw: (-fw[0], fw[1])) if f]

    def synonyms(self):
        return synonyms.groups()

    def names_something(self, word):
        from lexicon.search.analysis import query_terms

        reader = self.searcher.reader()
        names = self.searcher.schema.names()
        for stem in query_terms(word):
            for field in ("title", "alternative_terms"):
                if field in names and live_frequency(reader, field, stem):
                    return True
        return False


class DutchWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self.include_spelling = True
        self._searcher = None
        self._stamp = None
        self._filter_cache = {}
        self._parse_cache = {}

    # -- schema and parser ---------------------------------------------------------------

    def setup(self):
        if self.use_file_storage and self.path:
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        super().setup()
        # Words are AND-ed (narrowing, like users expect) over the document field, which holds
        # everything searchable; the boosted fields only add to the score (see boost_query).
        self.parser = QueryParser(self.content_field_name, schema=self.schema)
        self.boost_fields = [
            (name, boost) for name, boost in FIELD_BOOSTS.items()
            if name in self.schema.names() and name != self.content_field_name
        ]
        # Users' "*", "?" and "~" are ordinary characters here, not wildcards or fuzzy operators.
        # Fewer plugins also make parsing (a visible part of each query's time) cheaper.
        for plugin in (qplugins.WildcardPlugin, qplugins.BoostPlugin, qplugins.RangePlugin, qplugins.EveryPlugin):
            self.parser.remove_plugin_class(plugin)
        self.filter_parser = QueryParser(DJANGO_CT, schema=self.schema)
        self._parse_cache = {}
        self._drop_searcher()

    def build_schema(self, fields):
        schema_fields = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        analyzer = dutch_analyzer()
        for field in fields.values():
            name = field.index_fieldname
            if name == SPELLING_FIELD:
                schema_fields[name] = speed_up(TEXT(analyzer=spelling_analyzer(), stored=False, phrase=False))
            elif field.is_multivalued:
                schema_fields[name] = KEYWORD(stored=True, commas=True, lowercase=False)
            elif getattr(field, "facet_for", None) or name in KEYWORD_FIELDS or field.field_type == "integer":
                schema_fields[name] = WHOOSH_ID(stored=True)
            elif not field.indexed:
                schema_fields[name] = STORED()
            elif field.document:
                # chars=True stores character offsets: highlighting without re-tokenizing.
                schema_fields[name] = speed_up(TEXT(analyzer=analyzer, stored=True, chars=True))
            else:
                schema_fields[name] = speed_up(TEXT(analyzer=analyzer, stored=True))
            if field.document:
                content_field_name = name
        return content_field_name, Schema(**schema_fields)

    # -- searcher reuse ------------------------------------------------------------------

    def _index_stamp(self):
        """(generation, TOC file identity): changes on every commit and when the index is recreated."""
        gen = self.index.latest_generation()
        try:
            st = os.stat(os.path.join(self.path, f"_{self.index.indexname}_{gen}.toc"))
            return gen, st.st_ino, st.st_mtime_ns
        except OSError:
            return gen, None, None

    def _drop_searcher(self):
        if self._searcher is not None:
            self._searcher.close()
        self._searcher, self._stamp, self._filter_cache = None, None, {}

    def get_searcher(self):
        """The shared searcher; IndexUnavailable when the index is missing or unreadable (a
        search must then say so, never create an empty index that answers "no results")."""
        if self.use_file_storage and not toc_exists(self.path):
            self._drop_searcher()
            raise IndexUnavailable(MISSING, self.path)
        try:
            return self._open_searcher()
        except IndexUnavailable:
            raise
        except Exception as error:  # a truncated TOC or segment: struct.error, EOFError, ...
            self._drop_searcher()
            self.setup_complete = False
            raise IndexUnavailable(UNREADABLE, f"{type(error).__name__}: {error}") from error

    def _open_searcher(self):
        if not self.setup_complete:
            self.setup()
        if not self.use_file_storage:
            return self.index.refresh().searcher()
        stamp = self._index_stamp()
        if self._searcher is None or stamp != self._stamp:
            # A fresh reader, not Searcher.refresh(): whoosh-reloaded 2.7.5's reader reuse adds
            # the previous generation's segments back (stale and duplicate hits; TypeError after
            # an empty index). Reopening only happens after a write, so it costs little.
            self._drop_searcher()
            self.index = self.storage.open_index(schema=self.schema)
            self._searcher, self._stamp = lengths_in_memory(self.index.searcher()), stamp
        return self._searcher

    def _filter_docs(self, searcher, query):
        """Doc set of a filter query, cached for the life of the searcher (filters repeat a lot)."""
        key = repr(query)
        docs = self._filter_cache.get(key)
        if docs is None:
            docs = self._filter_cache[key] = DocSet(query.docs(searcher))
        return docs

    # -- writing -------------------------------------------------------------------------

    def _writer(self, **options):
        """A writer that waits for Whoosh's lock instead of raising LockError."""
        deadline = time.monotonic() + WRITER_TIMEOUT
        while True:
            try:
                self.index = self.storage.open_index(schema=self.schema)
                return self.index.writer(timeout=5.0, delay=0.05, **options)
            except LockError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _prepare_doc(self, index, obj, learn=True):
        doc = index.full_prepare(obj)
        for key in doc:
            value = self._from_python(doc[key])
            # Integers (lemma_id) are ID fields here: exact-match terms, not numeric ranges.
            doc[key] = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        doc.pop("boost", None)
        if "digest" in doc:
            doc["digest"] = document_digest(doc)
        text = doc.get(self.content_field_name)
        if learn:  # its words may be compound parts (a bulk build read them all from the database)
            compounds.learn(text if isinstance(text, str) else "")
        if isinstance(text, str) and len(text) > SNIPPET_CHARS:
            # The whole text is indexed; only its start is stored for snippets. Loading and
            # decompressing 50 KB chapters per hit was most of a query's time.
            doc["_stored_" + self.content_field_name] = text[:SNIPPET_CHARS]
        return doc

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        docs = []
        for obj in iterable:
            try:
                docs.append(self._prepare_doc(index, obj))
            except SkipDocument:
                continue
        if not docs:
            return
        with index_lock(self.path):
            writer = self._writer()
            try:
                for doc in docs:
                    writer.update_document(**doc)
            except Exception:
                writer.cancel()
                raise
            writer.commit()

    def remove(self, obj_or_string, commit=True):
        from haystack.utils import get_identifier

        if not self.setup_complete:
            self.setup()
        with index_lock(self.path):
            writer = self._writer()
            writer.delete_by_term(ID, get_identifier(obj_or_string))
            writer.commit()

    def replace_group(self, field, value, docs_by_index):
        """Delete every document with ``field == value`` and add ``docs_by_index`` in one commit.

        ``docs_by_index`` is a list of (SearchIndex, [objects]). Used to replace a lemma and all
        its sections atomically (readers never see a lemma without its sections)."""
        if not self.setup_complete:
            self.setup()
        docs = []
        for index, objects in docs_by_index:
            for obj in objects:
                try:
                    docs.append(self._prepare_doc(index, obj))
                except SkipDocument:
                    continue
        with index_lock(self.path):
            writer = self._writer()
            try:
                writer.delete_by_term(field, force_str(value))
                for doc in docs:
                    writer.add_document(**doc)
            except Exception:
                writer.cancel()
                raise
            writer.commit()

    def bulk_build(self, indexes, procs=None, limitmb=256, chunk_size=500, progress=None):
        """Replace the whole index with the documents of ``indexes`` in one commit.

        Readers keep the previous index until the commit (which drops its segments: CLEAR);
        realtime updates wait on the index lock and then apply the committed state. The compound
        vocabulary is read from the database once, so documents are not scanned for new words.
        ``progress(done, total)`` (objects) is called after every chunk. Returns the number of
        documents written.

        With ``procs`` 2 (the default on a machine with two cores or more, for a large enough
        build) the documents of the first index (the lemmas, about half the work) are written by
        a forked process into a segment of their own while this process lists and writes the
        rest (the sections, which it first derives, and the other indexes) into a second one;
        the commit lists both segments, in document order: the documents get the same numbers,
        terms, postings and stored fields as in a one-process build (``lexicon.search.parallel``).
        No full garbage collections meanwhile (``parallel.no_full_collections``)."""
        from lexicon.search import parallel

        with parallel.no_full_collections():
            return self._bulk_build(indexes, procs, limitmb, chunk_size, progress)

    def _bulk_build(self, indexes, procs, limitmb, chunk_size, progress):
        from whoosh.writing import CLEAR

        from lexicon.search import parallel

        if not self.setup_complete:
            self.setup()
        compounds.reset()
        compounds.corpus()  # loaded before the writer forks: every process shares it
        indexes = list(indexes)
        first = None
        if indexes and parallel.wanted(self, procs):
            qs = indexes[0].index_queryset(using=self.connection_alias)
            first = (indexes[0], qs, list(qs.order_by("pk").values_list("pk", flat=True)))
            if len(first[2]) < parallel.MIN_OBJECTS and procs is None:
                first = None
        with index_lock(self.path):
            writer = child = None
            try:
                if first is not None:  # forked before this process opens any segment file
                    child = parallel.start(self, indexes, first, chunk_size, limitmb)
                writer = bulk_writer(self._writer(limitmb=limitmb))
                rest = indexes[1:] if child is not None else indexes
                batches = [(index, index.index_queryset(using=self.connection_alias)) for index in rest]
                batches = [(index, qs, list(qs.order_by("pk").values_list("pk", flat=True))) for index, qs in batches]
                total = sum(len(pks) for _i, _q, pks in batches) + (len(first[2]) if child else 0)
                if child is not None:  # the child also takes the first of the sections, if it is ahead
                    batches = child.share(batches)
                done = 0
                for index, qs, pks in batches:
                    for start in range(0, len(pks), chunk_size):
                        self._add_chunk(writer, index, qs, pks[start:start + chunk_size])
                        done += len(pks[start:start + chunk_size])
                        if child is not None:
                            child.poll()
                        if progress:
                            progress(done + (child.done if child else 0), total)
                if child is not None:
                    segment, child_added = child.wait(lambda: progress and progress(done + child.done, total))
                    parallel.commit(writer, [segment] if child_added else [])
                    added = writer.docnum + child_added
                else:
                    added = writer.docnum
                    writer.commit(mergetype=CLEAR)
            except BaseException:
                if child is not None:
                    child.stop()
                if writer is not None and not writer.is_closed:
                    writer.cancel()
                raise
        self._drop_searcher()
        return added

    def _add_chunk(self, writer, index, qs, pks):
        """Prepare and add the objects ``pks`` of ``index`` (in pk order) to a bulk writer."""
        for obj in qs.filter(pk__in=pks).order_by("pk"):
            try:
                doc = self._prepare_doc(index, obj, learn=False)
            except SkipDocument:
                continue
            writer.add_document(**doc)

    def clear(self, models=None, commit=True):
        if models is not None and not self.setup_complete:
            self.setup()
        with index_lock(self.path):
            if models is None:
                # Straight to the files: haystack's delete_index() opens the index first, which
                # fails on the corrupt index a rebuild is meant to replace.
                self._drop_searcher()
                if self.use_file_storage and os.path.exists(self.path):
                    shutil.rmtree(self.path)
                self.setup_complete = False
                self.setup()
                compounds.reset()  # a rebuild reads the lexicon's vocabulary afresh
            else:
                writer = self._writer()
                for model in models:
                    writer.delete_by_term(DJANGO_CT, get_model_ct(model))
                writer.commit()

    def optimize(self):
        if not self.setup_complete:
            self.setup()
        with index_lock(self.path):
            writer = self._writer()
            writer.commit(optimize=True)

    # -- searching -----------------------------------------------------------------------

    def parse_user_query(self, query_string):
        """Parse haystack's query string; never raises (bad syntax gives None = no results).

        Parsing with the multifield parser costs milliseconds, and one request parses the same
        query twice (results, then sections), so parsed queries are kept in a small cache."""
        query_string = force_str(query_string)
        cache = self._parse_cache
        if query_string in cache:
            return cache[query_string]
        try:
            parsed = self.boost_query(self.parser.parse(query_string))
        except Exception:  # Whoosh's parser can raise on odd input; the user sees "no results".
            self.log.warning("Unparsable query %r", query_string[:200])
            parsed = None
        if parsed is NullQuery:
            parsed = None
        if len(cache) >= PARSE_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[query_string] = parsed
        return parsed

    def boost_query(self, query):
        """``AndMaybe(query, title/terms/headings/author copies of its words and phrases)``.

        Matching stays on the document field (an intersection of plain term lists, cheap);
        the copies only score documents that already match, so a title match ranks first.
        This replaces a multifield parse, whose per-word unions made matching several times
        slower on a large index."""
        if query is None or query is NullQuery:
            return None
        copies = []
        for leaf in _positive_leaves(query):
            if getattr(leaf, "fieldname", None) != self.content_field_name:
                continue
            for name, boost in self.boost_fields:
                copy = leaf.copy()
                copy.fieldname, copy.boost = name, boost
                copies.append(copy)
        return AndMaybe(query, boost_union(copies)) if copies else query

    def plan_query(self, searcher, plan):
        """(scoring query, per-clause match queries) for a ``QueryPlan``, or None; cached."""
        if not self.setup_complete:
            self.setup()
        key = ("plan", plan.cache_key())
        cache = self._parse_cache
        if key in cache:
            return cache[key]
        built = planner.build(plan, self.content_field_name, self.boost_fields, fields=self.schema.names())
        result = (built[1], built[2]) if built else None
        if len(cache) >= PARSE_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = result
        return result

    def _clause_matches(self, searcher, plan, clause_queries, need):
        """"most" mode: (docs matching at least ``need`` clauses, docnum -> clause bonus)."""
        counts = defaultdict(int)
        for q in clause_queries:  # not cached: every query has its own clauses
            for docnum in q.docs(searcher):
                counts[docnum] += 1
        allowed = {d for d, n in counts.items() if n >= need}
        return allowed, {d: n * CLAUSE_BONUS for d, n in counts.items()}

    def _about(self, searcher, results, plan):
        """Docnums among the top hits that are *about* the query: for some clause, all words of
        the clause (or of one of its alternatives: a joined compound, a synonym) occur in the
        strong fields (title, alternative terms, lead, headings), or a synonym names the lemma.
        One word of a synonym ("informal" of "informal care") is not enough."""
        reader = searcher.reader()
        names = set(searcher.schema.names())
        top_ids = {docnum for _, docnum in results.top_n}
        fields = [f for f in STRONG_FIELDS if f in names]
        has = {}

        def docs_with(stem):  # top docs with ``stem`` in a strong field
            if stem not in has:
                found = set()
                for field in fields:
                    btext = searcher.schema[field].to_bytes(stem)
                    if (field, btext) in reader:
                        found.update(d for d in reader.postings(field, btext).all_ids() if d in top_ids)
                has[stem] = found
            return has[stem]

        out = set()
        for groups, lemma_ids in planner.clause_groups(plan):
            for stems in groups:
                if stems:
                    out |= set.intersection(*(docs_with(s) for s in stems))
            for value in lemma_ids:
                if "lemma_id" in names:
                    out |= {d for d in self._filter_docs(searcher, Term("lemma_id", value)) if d in top_ids}
        return out

    def vocabulary(self):
        return IndexVocabulary(self, self.get_searcher())

    def _model_filter(self, searcher, models, limit_to_registered_models):
        from django.conf import settings

        if limit_to_registered_models is None:
            limit_to_registered_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        if models:
            model_choices = sorted(get_model_ct(model) for model in models)
        elif limit_to_registered_models:
            model_choices = self.build_models_list()
        else:
            return None
        return self._filter_docs(searcher, Or([Term(DJANGO_CT, ct) for ct in model_choices]))

    def _facet_values(self, searcher, field):
        """docnum -> [values] of a keyword field, built once per searcher (Whoosh's FieldFacet
        rebuilds this on every search, which was most of a faceted query's time)."""
        key = ("facet", field)
        values = self._filter_cache.get(key)
        if values is None:
            values = {}
            if field in searcher.schema.names():
                reader = searcher.reader()
                fieldobj = searcher.schema[field]
                for btext in reader.lexicon(field):
                    value = fieldobj.from_bytes(btext)
                    for docnum in reader.postings(field, value).all_ids():
                        values.setdefault(docnum, []).append(value)
            self._filter_cache[key] = values
        return values

    @log_query
    def search(self, query_string, sort_by=None, start_offset=0, end_offset=None, fields="",
               highlight=False, facets=None, date_facets=None, query_facets=None,
               narrow_queries=None, spelling_query=None, within=None, dwithin=None,
               distance_point=None, models=None, limit_to_registered_models=None,
               result_class=None, **kwargs):
        empty = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}
        query_string = force_str(query_string or "")
        plan = kwargs.get("plan")
        if not query_string.strip() and plan is None:
            return empty
        searcher = self.get_searcher()
        parsed, most, bonus = self._build_query(searcher, query_string, plan, narrow_queries)
        if parsed is None:
            return {**empty, "spelling_suggestion": self._suggest_if_needed(searcher, 0, spelling_query)}
        allowed = self._model_filter(searcher, models, limit_to_registered_models)
        if most is not None:
            allowed = most if allowed is None else allowed & most
        if allowed is not None and not allowed:
            # No document of the asked-for models: Whoosh treats an empty allow-set as no filter.
            return {**empty, "spelling_suggestion": self._suggest_if_needed(searcher, 0, spelling_query)}

        page_num, page_length = self.calculate_page(start_offset, end_offset)
        cut = 0
        if start_offset and end_offset and start_offset % (end_offset - start_offset):
            # haystack turns (start, end) into (page number, page length), which is only right for
            # slices that start on a page boundary; for others fetch the top `end` and cut.
            page_num, page_length, cut = 1, end_offset, start_offset
        results, seen = self._collect(searcher, parsed, allowed, sort_by, highlight, page_num * page_length, bonus)
        # Whether a hit is *about* the query is asked of lemmas only (the "passing mention" note).
        wants_about = plan is not None and highlight and not sort_by and (
            not models or any(get_model_ct(m) == planner.LEMMA_CT for m in models))
        about = self._about(searcher, results, plan) if wants_about else None
        try:
            raw_page = ResultsPage(results, page_num, page_length)
        except ValueError:
            return empty
        hits = len(seen)
        if raw_page.pagenum < page_num:
            # Whoosh returns the last page for a page number beyond it; haystack expects nothing.
            return {**empty, "hits": hits,
                    "spelling_suggestion": self._suggest_if_needed(searcher, hits, spelling_query)}
        return {
            "results": self._process_page(raw_page, highlight, result_class, skip=cut, about=about),
            "hits": hits,
            "facets": self._facet_counts(searcher, facets, seen),
            "spelling_suggestion": self._suggest_if_needed(searcher, hits, spelling_query),
        }

    def _build_query(self, searcher, query_string, plan, narrow_queries):
        """(Whoosh query or None, allow-set of "most" mode or None, per-document bonus or None)."""
        bonus = most = None
        if plan is not None:
            built = self.plan_query(searcher, plan)
            parsed = built[0] if built else None
            if built and plan.mode == "most":
                most, bonus = self._clause_matches(searcher, plan, built[1], plan.min_match)
        else:
            parsed = self.parse_user_query(query_string)
        narrow = [self.filter_parser.parse(force_str(nq)) for nq in narrow_queries or ()]
        if parsed is not None and narrow:
            # Narrowing terms (cluster, author, lemma ids) are intersected with the query but do
            # not change its scores.
            parsed = And([parsed] + [ConstantScoreQuery(nq, 0.0) for nq in narrow])
        return parsed, most, bonus

    def _collect(self, searcher, parsed, allowed, sort_by, highlight, limit, bonus):
        """(Whoosh results, docnums of every filtered match) for the top ``limit`` hits."""
        if sort_by:
            reverse = sort_by[0].startswith("-")
            results = searcher.search(parsed, limit=None, filter=allowed, terms=bool(highlight),
                                      sortedby=[s.lstrip("-") for s in sort_by], reverse=reverse)
            return results, list(results.docs())
        # Top N by score, recording every filtered match for the total and the facet counts.
        # replace=0: by default Whoosh swaps in matchers that skip documents unable to reach
        # the top N, and the total and facet counts then depended on the page asked.
        match, boosts = _split_boosts(parsed)
        if boosts is not None:
            bonus = self._boost_scores(searcher, boosts, bonus, allowed)
        top = RecordingTopCollector(limit=limit, usequality=False, replace=0, bonus=bonus)
        collector = top
        if allowed is not None:
            collector = SkippingFilterCollector(collector, allow=allowed)
        searcher.search_with_collector(match, collector)
        results = collector.results()
        if highlight:
            self._record_matched_terms(searcher, results, parsed)
        return results, top.seen

    def _boost_scores(self, searcher, boosts, bonus, allowed=None):
        """docnum -> score of the boosted-field copies (plus the "most" mode bonus).

        ``AndMaybe(match, copies)`` advanced the union of copies to every matching document
        (tens of thousands for a frequent word on a large index) to add its score; the copies
        match few documents (titles, leads, headings), so they are scored once here and added
        by the collector: the same sums, without a skip per match."""
        scores = dict(bonus or {})
        collector = ScoreMapCollector(scores)
        if allowed is not None:  # only the documents the search may show need their bonus
            collector = SkippingFilterCollector(collector, allow=allowed)
        searcher.search_with_collector(boosts, collector)
        return scores

    def _facet_counts(self, searcher, facets, seen):
        facet_counts = {"fields": {}, "dates": {}, "queries": {}}
        for name in facets or ():
            values, counts = self._facet_values(searcher, name), {}
            for docnum in seen:
                for value in values.get(docnum, ()):
                    counts[value] = counts.get(value, 0) + 1
            facet_counts["fields"][name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return facet_counts

    def _record_matched_terms(self, searcher, results, query):
        """Which query terms occur in which of the top documents, for pinpoint highlighting.

        Whoosh's TermsCollector records this for *every* match while collecting (a quarter of
        a query's time on a large index); the snippets only need it for the top N."""
        field = self.content_field_name
        fieldobj = searcher.schema[field]
        reader = searcher.reader()
        top_ids = sorted(docnum for _, docnum in results.top_n)
        docterms, termdocs = defaultdict(list), defaultdict(lambda: array("I"))
        for fieldname, text in set(query.iter_all_terms()):
            if fieldname != field:
                continue
            btext = fieldobj.to_bytes(text) if isinstance(text, str) else text
            if (field, btext) not in reader:
                continue
            matcher = searcher.postings(field, btext)
            for docnum in top_ids:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if matcher.is_active() and matcher.id() == docnum:
                    docterms[docnum].append((field, btext))
                    termdocs[(field, btext)].append(docnum)
        results.docterms, results.termdocs = docterms, termdocs

    def _process_page(self, raw_page, highlight, result_class, skip=0, about=None):
        """SearchResults for the hits of ``raw_page`` from position ``skip`` on (the hits before
        it were only fetched to reach an unaligned slice: not loaded, not highlighted)."""
        from haystack import connections

        result_class = result_class or SearchResult
        unified = connections[self.connection_alias].get_unified_index()
        highlighter = None
        if highlight:
            highlighter = Highlighter(
                fragmenter=SnippetFragmenter(maxchars=220, surround=70, autotrim=True, charlimit=SNIPPET_CHARS),
                formatter=SnippetFormatter(),
                always_retokenize=False,
            )
        results = []
        for offset, hit in enumerate(raw_page):
            if offset < skip:
                continue
            stored = hit.fields()
            app_label, model_name = stored[DJANGO_CT].split(".")
            model = haystack_get_model(app_label, model_name)
            if model is None:
                continue
            search_index = unified.get_index(model)
            extra = {}
            for key, value in stored.items():
                if key in (DJANGO_CT, DJANGO_ID):
                    continue
                field = search_index.fields.get(key)
                if field is not None and field.is_multivalued:
                    extra[key] = value.split(",") if value else []
                elif field is not None and field.field_type == "integer":
                    extra[key] = int(value) if value not in (None, "") else None
                else:
                    extra[key] = value
            if highlighter is not None:
                snippet = ""
                if self.content_field_name in stored:
                    snippet = highlighter.highlight_hit(hit, self.content_field_name, top=2)
                extra["highlighted"] = {self.content_field_name: [snippet]}
            if about is not None:
                extra["about"] = hit.docnum in about
            results.append(
                result_class(app_label, model_name, stored[DJANGO_ID], raw_page.score(offset) or 0, **extra)
            )
        return results

    # -- "Bedoelde u ...?" ---------------------------------------------------------------

    def _suggest_if_needed(self, searcher, hits, spelling_query):
        if hits or not spelling_query or not self.include_spelling:
            return None
        return self.suggest_spelling(spelling_query, searcher)

    def suggest_spelling(self, text, searcher=None):
        """A corrected version of ``text`` from the index's own vocabulary, or None."""
        searcher = searcher or self.get_searcher()
        words = [t.text for t in spelling_analyzer()(force_str(text)[:500])][:10]
        fixes = self.spelling_corrections(words, searcher)
        return " ".join(fixes.get(w, w) for w in words) if fixes else None

    def spelling_corrections(self, words, searcher=None):
        """{word: correction} for the (lowercase) words that look misspelled.

        Words the index knows are kept; unknown words are replaced by the most frequent
        indexed word at the smallest edit distance (1, then 2). A word found in only ``RARE``
        document is replaced too when a word one edit away is twenty times as frequent (a typo
        that also occurs once in the texts)."""
        searcher = searcher or self.get_searcher()
        if SPELLING_FIELD not in searcher.schema.names():
            return {}
        reader = searcher.reader()
        fixes = {}
        for word in words:
            freq = live_frequency(reader, SPELLING_FIELD, word)
            if freq > RARE or word in fixes:
                continue
            if freq:
                near = [(live_frequency(reader, SPELLING_FIELD, w), w)
                        for w in reader.terms_within(SPELLING_FIELD, word, 1, prefix=1) if w != word]
                best = max(near) if near else None
                if best and best[0] >= 20 * freq:
                    fixes[word] = best[1]
                continue
            for maxdist in (1, 2):
                candidates = [
                    (freq, w) for freq, w in (
                        (live_frequency(reader, SPELLING_FIELD, w), w)
                        for w in reader.terms_within(SPELLING_FIELD, word, maxdist, prefix=1) if w != word)
                    if freq  # a word only deleted documents had (unpublished, removed) is no suggestion
                ]
                if candidates:
                    fixes[word] = max(candidates)[1]
                    break
        return fixes

    def vocabulary_prefix(self, field, prefix, limit=10):
        """Indexed words of ``field`` starting with ``prefix`` (for autocomplete)."""
        searcher = self.get_searcher()
        reader = searcher.reader()
        out = []
        for btext in reader.expand_prefix(field, prefix):
            word = btext if isinstance(btext, str) else btext.decode("utf-8")
            if not live_frequency(reader, field, word):
                continue  # only in deleted documents: an unpublished lemma's words
            out.append(word)
            if len(out) >= limit:
                break
        return out


class DutchSearchQuery(WhooshSearchQuery):
    """Haystack's Whoosh query plus an optional ``plan`` handed to the backend's search()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = None

    def build_params(self, spelling_query=None, **kwargs):
        params = super().build_params(spelling_query, **kwargs)
        if self.plan is not None:
            params["plan"] = self.plan
        return params

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass=klass, using=using)
        clone.plan = self.plan
        return clone


class DutchWhooshEngine(WhooshEngine):
    backend = DutchWhooshSearchBackend
    query = DutchSearchQuery
