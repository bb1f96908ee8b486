"""Make the index hold the committed state of one object (re-read from the database).

Every function is idempotent: applying it twice, or late, gives the same index. That is what lets
the outbox (lexicon.search.outbox) re-apply entries after a crash without harm.
"""
from haystack import connections

from lexicon.content import sections
from lexicon.content.models import Lemma, LemmaSection, Page, Source, SourceSection


def reindex_lemma(pk, using="default"):
    """Make the index hold exactly the committed, published state of lemma ``pk``."""
    backend = connections[using].get_backend()
    unified = connections[using].get_unified_index()
    lemma_index = unified.get_index(Lemma)
    section_index = unified.get_index(LemmaSection)
    lemma = lemma_index.index_queryset(using).filter(pk=pk).first()
    if lemma is not None:
        sections.sync_sections(lemma)
    section_objs = list(
        LemmaSection.objects.filter(lemma=lemma).select_related("lemma__cluster")
        .prefetch_related("lemma__lemma_authors__author")
    ) if lemma is not None else []
    if hasattr(backend, "replace_group"):
        docs = [(lemma_index, [lemma]), (section_index, section_objs)] if lemma is not None else []
        backend.replace_group("lemma_id", pk, docs)
        return
    # Other backends (Elasticsearch): remove what was there, then add the current state.
    from haystack.query import SearchQuerySet

    stale = SearchQuerySet(using=using).models(LemmaSection).filter(lemma_id=pk).values_list("id", flat=True)
    for identifier in list(stale):
        backend.remove(identifier)
    backend.remove(f"lexicon.lemma.{pk}")
    if lemma is not None:
        backend.update(lemma_index, [lemma])
        if section_objs:
            backend.update(section_index, section_objs)


def reindex_source(pk, using="default"):
    backend = connections[using].get_backend()
    unified = connections[using].get_unified_index()
    source = Source.objects.filter(pk=pk).first()
    backend.remove(f"lexicon.source.{pk}")
    if source is not None:
        backend.update(unified.get_index(Source), [source])


def reindex_source_section(pk, using="default"):
    backend = connections[using].get_backend()
    section = SourceSection.objects.filter(pk=pk).select_related("source").first()
    if section is None:
        backend.remove(f"lexicon.sourcesection.{pk}")
    else:
        backend.update(connections[using].get_unified_index().get_index(SourceSection), [section])


def reindex_page(pk, using="default"):
    backend = connections[using].get_backend()
    page = Page.objects.filter(pk=pk).first()
    if page is None:
        backend.remove(f"lexicon.page.{pk}")
    else:
        backend.update(connections[using].get_unified_index().get_index(Page), [page])


APPLY = {"lemma": reindex_lemma, "source": reindex_source, "sourcesection": reindex_source_section,
         "page": reindex_page}
