"""Is the search index there, readable, filled and up to date? One answer for the search pages
(503 instead of a 500 or a silent "no results"), the health endpoint and the system check."""
import logging
import os
from dataclasses import dataclass
from haystack import connections

from lexicon.search.readers import live_frequency

log = logging.getLogger(__name__)

OK, MISSING, UNREADABLE, EMPTY, OUT_OF_DATE = "ok", "missing", "unreadable", "empty", "out-of-date"


class IndexUnavailable(Exception):
    """The index is missing or cannot be read; searching must say so (503), not crash."""

    def __init__(self, status, detail=""):
        super().__init__(f"{status}: {detail}" if detail else status)
        self.status = status


@dataclass
class IndexState:
    status: str
    detail: str = ""
    documents: int = 0
    lemmas: int = 0
    pending: int = 0

    @property
    def searchable(self):
        return self.status not in (MISSING, UNREADABLE)


def toc_exists(path, indexname="MAIN"):
    """Is there an index in ``path`` (a TOC file), without opening it (that may raise)?"""
    try:
        return any(n.startswith(f"_{indexname}_") and n.endswith(".toc") for n in os.listdir(path))
    except OSError:
        return False


def _whoosh_counts(backend):
    """(documents, lemma documents) of a Whoosh index; raises IndexUnavailable."""
    import whoosh.index

    from haystack.constants import DJANGO_CT

    if not toc_exists(backend.path):
        raise IndexUnavailable(MISSING, backend.path)
    try:
        index = whoosh.index.open_dir(backend.path)
        with index.searcher() as searcher:
            return searcher.doc_count(), live_frequency(searcher.reader(), DJANGO_CT, "lexicon.lemma")
    except Exception as error:  # a truncated TOC or segment raises anything from struct to EOFError
        raise IndexUnavailable(UNREADABLE, f"{type(error).__name__}: {error}") from error


def index_state(using="default"):
    """The index's state, never raising (the readability check only: cheap, used on every drain)."""
    backend = connections[using].get_backend()
    try:
        if getattr(backend, "use_file_storage", False) and getattr(backend, "path", None):
            documents, lemmas = _whoosh_counts(backend)
        else:
            from haystack.query import SearchQuerySet

            documents = SearchQuerySet(using=using).count()
            lemmas = SearchQuerySet(using=using).filter(django_ct="lexicon.lemma").count()
    except IndexUnavailable as error:
        return IndexState(error.status, str(error))
    except Exception as error:  # a search server that does not answer
        return IndexState(UNREADABLE, f"{type(error).__name__}: {error}")
    return IndexState(OK, documents=documents, lemmas=lemmas)
