"""Compare every public object with the index and repair the difference (``manage.py
reconcile_index``): the safety net under the outbox, e.g. after a change made past the ORM, an
index restored from an old copy, or a server that was away longer than the outbox keeps rows.

An object is compared by the digest of its prepared document (lexicon.search.backend), so a
change anywhere in a long text is found, not only in the stored snippet prefix.
"""
from dataclasses import dataclass, field

from haystack import connections
from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from lexicon.search.reindex import APPLY

MISSING, LEAKED, STALE = "ontbreekt", "te veel", "verouderd"


@dataclass
class Fix:
    problem: str
    identifier: str
    title: str


@dataclass
class Report:
    checked: int = 0
    fixes: list = field(default_factory=list)


def _group(identifier, doc):
    """The outbox kind and id that re-indexes this document (a section belongs to its lemma)."""
    app_model = doc.get(DJANGO_CT) or identifier.rsplit(".", 1)[0]
    model = app_model.split(".", 1)[1]
    if model == "lemmasection":
        return "lemma", int(doc.get("lemma_id") or 0)
    return model, int(doc.get(DJANGO_ID) or identifier.rsplit(".", 1)[1])


def expected_documents(using="default"):
    """identifier -> prepared document, for everything that should be searchable now."""
    backend = connections[using].get_backend()
    if not backend.setup_complete:
        backend.setup()  # the schema and field names documents are prepared with
    unified = connections[using].get_unified_index()
    out = {}
    for index in unified.collect_indexes():
        for obj in index.index_queryset(using).iterator(chunk_size=500):
            doc = backend._prepare_doc(index, obj)
            out[doc[ID]] = doc
    return out


def indexed_documents(using="default"):
    """identifier -> stored fields, for everything in the index."""
    backend = connections[using].get_backend()
    searcher = backend.get_searcher()
    return {doc[ID]: doc for doc in searcher.reader().all_stored_fields()}


def compare(using="default"):
    """(Report without repairs, {(kind, id)} to re-index)."""
    expected, indexed = expected_documents(using), indexed_documents(using)
    report, groups = Report(checked=len(expected)), set()
    for identifier, doc in expected.items():
        found = indexed.get(identifier)
        problem = MISSING if found is None else STALE if found.get("digest") != doc.get("digest") else None
        if problem:
            report.fixes.append(Fix(problem, identifier, str(doc.get("title", ""))))
            groups.add(_group(identifier, doc))
    for identifier, doc in indexed.items():
        if identifier not in expected:
            report.fixes.append(Fix(LEAKED, identifier, str(doc.get("title", ""))))
            groups.add(_group(identifier, doc))
    return report, groups


def reconcile(using="default", dry_run=False):
    """Compare, then (unless ``dry_run``) re-index every object that differs; returns the report."""
    report, groups = compare(using)
    if not dry_run:
        backend = connections[using].get_backend()
        for fix in report.fixes:
            if fix.problem == LEAKED:
                backend.remove(fix.identifier)
        for kind, pk in sorted(groups):
            if kind in APPLY:
                APPLY[kind](pk, using)
    return report
