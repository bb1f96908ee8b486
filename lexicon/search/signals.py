"""Keep sections and the search index in step with the database.

``HAYSTACK_SIGNAL_PROCESSOR`` points here. On every save/delete of a lemma (and of the
things shown with it: authorship, cluster) the lemma's sections are re-derived and, once the
transaction commits, the lemma is re-read from the database and its documents replaced under
the index write lock. Re-reading at commit time, under the lock, is what prevents lost updates
when several workers save at once: whoever writes last writes the latest committed state.
A lemma that is not published (or no longer exists) has all its documents removed.
Fixture loads (``loaddata``, raw saves) only derive sections; run ``rebuild_index`` after them.
"""
import logging

from django.db import transaction
from django.db.models import signals
from haystack import connections
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier

from lexicon.content import sections
from lexicon.content.models import Author, Cluster, Lemma, LemmaAuthor, LemmaSection, Page, Source, SourceSection

log = logging.getLogger(__name__)


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


def _sync_sections_of(pk):
    lemma = Lemma.objects.filter(pk=pk).only("pk", "title", "body").first()
    if lemma is not None:
        sections.sync_sections(lemma)


def _on_commit(func, *args):
    def run():
        try:
            func(*args)
        except Exception:  # the data is saved; a failed index write must not turn that into an error page
            log.exception("Search index update failed for %s%r; run `manage.py rebuild_index`", func.__name__, args)

    transaction.on_commit(run)


class LockedSignalProcessor(BaseSignalProcessor):
    """Realtime index updates, serialized across processes, after the transaction commits."""

    def setup(self):
        signals.post_save.connect(self.lemma_saved, sender=Lemma, dispatch_uid="search-lemma-saved")
        signals.post_delete.connect(self.lemma_deleted, sender=Lemma, dispatch_uid="search-lemma-deleted")
        for model in (LemmaAuthor,):
            signals.post_save.connect(self.authorship_changed, sender=model, dispatch_uid=f"search-{model.__name__}-s")
            signals.post_delete.connect(self.authorship_changed, sender=model, dispatch_uid=f"search-{model.__name__}-d")
        signals.post_save.connect(self.author_changed, sender=Author, dispatch_uid="search-author-saved")
        signals.post_save.connect(self.cluster_changed, sender=Cluster, dispatch_uid="search-cluster-saved")
        signals.post_save.connect(self.source_changed, sender=Source, dispatch_uid="search-source-saved")
        signals.post_delete.connect(self.source_changed, sender=Source, dispatch_uid="search-source-deleted")
        signals.post_save.connect(self.source_section_changed, sender=SourceSection, dispatch_uid="search-ss-saved")
        signals.post_save.connect(self.page_changed, sender=Page, dispatch_uid="search-page-saved")
        signals.post_delete.connect(self.page_changed, sender=Page, dispatch_uid="search-page-deleted")
        signals.post_delete.connect(self.source_section_changed, sender=SourceSection, dispatch_uid="search-ss-del")

    def teardown(self):
        for sig, uid in [
            (signals.post_save, "search-lemma-saved"), (signals.post_delete, "search-lemma-deleted"),
            (signals.post_save, "search-LemmaAuthor-s"), (signals.post_delete, "search-LemmaAuthor-d"),
            (signals.post_save, "search-author-saved"), (signals.post_save, "search-cluster-saved"),
            (signals.post_save, "search-source-saved"), (signals.post_delete, "search-source-deleted"),
            (signals.post_save, "search-ss-saved"), (signals.post_delete, "search-ss-del"),
            (signals.post_save, "search-page-saved"), (signals.post_delete, "search-page-deleted"),
        ]:
            sig.disconnect(dispatch_uid=uid)

    def _using(self, instance):
        return self.connection_router.for_write(instance=instance)

    def _each_alias(self, instance):
        try:
            return list(self._using(instance))
        except Exception:
            return ["default"]

    def lemma_saved(self, sender, instance, raw=False, **kwargs):
        if raw:
            # Fixture load: the file may carry its own sections further on, so derive them once
            # everything is loaded. The index is not touched one lemma at a time here: `loaddata`
            # is followed by `rebuild_index` (make data/index), which is much faster.
            _on_commit(_sync_sections_of, instance.pk)
            return
        # Sections follow the body right away (also for drafts, so previews and exports agree).
        sections.sync_sections(instance)
        for using in self._each_alias(instance):
            _on_commit(reindex_lemma, instance.pk, using)

    def lemma_deleted(self, sender, instance, **kwargs):
        for using in self._each_alias(instance):
            _on_commit(reindex_lemma, instance.pk, using)

    def authorship_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for using in self._each_alias(instance):
            _on_commit(reindex_lemma, instance.lemma_id, using)

    def author_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for pk in instance.lemmas.published().values_list("pk", flat=True):
            for using in self._each_alias(instance):
                _on_commit(reindex_lemma, pk, using)

    def cluster_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for pk in instance.lemmas.published().values_list("pk", flat=True):
            for using in self._each_alias(instance):
                _on_commit(reindex_lemma, pk, using)

    def source_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for using in self._each_alias(instance):
            _on_commit(reindex_source, instance.pk, using)

    def page_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for using in self._each_alias(instance):
            _on_commit(reindex_page, instance.pk, using)

    def source_section_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for using in self._each_alias(instance):
            _on_commit(reindex_source_section, instance.pk, using)


__all__ = ["LockedSignalProcessor", "reindex_lemma", "reindex_page", "reindex_source", "get_identifier"]
