"""Keep sections and the search index in step with the database.

``HAYSTACK_SIGNAL_PROCESSOR`` points here. On every save/delete of a lemma (and of the things
shown with it: authorship, author, cluster) the lemma's sections are re-derived and an outbox row
(lexicon.search.outbox) is written *in the same transaction*; after the commit the outbox is
drained: the object is re-read from the database and its documents replaced under the index
write lock. A crash between commit and index write loses nothing: the row stays, and the next
drain (another save, start-up, ``manage.py drain_index``) applies it. A lemma that is not
published (or no longer exists) has all its documents removed.
Fixture loads (``loaddata``, raw saves) only derive sections; run ``rebuild_index`` after them.
"""
import logging

from django.db import transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier

from lexicon.content import sections
from lexicon.content.models import Author, Cluster, Lemma, LemmaAuthor, Page, Source, SourceSection
from lexicon.search import outbox
from lexicon.search.reindex import reindex_lemma, reindex_page, reindex_source

log = logging.getLogger(__name__)


def _sync_sections_of(pk):
    lemma = Lemma.objects.filter(pk=pk).only("pk", "title", "body").first()
    if lemma is not None:
        sections.sync_sections(lemma)


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

    def lemma_saved(self, sender, instance, raw=False, **kwargs):
        if raw:
            # Fixture load: the file may carry its own sections further on, so derive them once
            # everything is loaded. The index is not touched one lemma at a time here: `loaddata`
            # is followed by `rebuild_index` (make data/index), which is much faster.
            transaction.on_commit(lambda pk=instance.pk: _sync_sections_of(pk))
            return
        # Sections follow the body right away (also for drafts, so previews and exports agree).
        sections.sync_sections(instance)
        outbox.record("lemma", instance.pk)

    def lemma_deleted(self, sender, instance, **kwargs):
        outbox.record("lemma", instance.pk)

    def authorship_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        outbox.record("lemma", instance.lemma_id)

    def author_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for pk in instance.lemmas.published().values_list("pk", flat=True):
            outbox.record("lemma", pk)

    def cluster_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        for pk in instance.lemmas.published().values_list("pk", flat=True):
            outbox.record("lemma", pk)

    def source_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        outbox.record("source", instance.pk)

    def page_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        outbox.record("page", instance.pk)

    def source_section_changed(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        outbox.record("sourcesection", instance.pk)


__all__ = ["LockedSignalProcessor", "reindex_lemma", "reindex_page", "reindex_source", "get_identifier"]
