"""Render once per version: a lemma's HTML is stored when it is saved and reused until it changes.

``rendered_for(lemma)`` returns the stored rendering when it is still valid (same body and
renderer version, same ``RenderingEpoch``), and otherwise renders, stores and returns it, so the
first reader after a change pays for the Markdown and every later one reads one row (joined into
the lemma's own query by ``LemmaQuerySet.with_rendering()``). The epoch is read before the link
targets are, so a rendering made while someone renamed a lemma is stored under the old epoch and
never served after that change commits.

The same events that empty the page cache make stored renderings stale: a lemma added, renamed,
(un)published or deleted, an old slug added or removed, a fixture load, and
``lexicon.content.signals.content_changed`` (bulk changes past the ORM). A change of one lemma's
body alone only concerns that lemma (its key changes); it is rendered again after the commit.
"""
import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from lexicon.content.models import Lemma, SlugRedirect
from lexicon.content.models.renderings import bump_epoch, rendered_for
from lexicon.content.signals import content_changed

log = logging.getLogger(__name__)


def refresh(pk):
    """Render and store lemma ``pk`` now (after its save commits), unless it is already current."""
    lemma = Lemma.objects.with_rendering().filter(pk=pk).first()
    if lemma is not None:
        rendered_for(lemma)


# --- invalidation ---------------------------------------------------------------------------------

LINK_FIELDS = ("title", "slug", "status")


def _before_lemma_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._links_moved = True
        return
    old = sender.objects.filter(pk=instance.pk).values_list(*LINK_FIELDS).first()
    instance._links_moved = old != tuple(getattr(instance, name) for name in LINK_FIELDS)


def _after_lemma_save(sender, instance, raw=False, **kwargs):
    if getattr(instance, "_links_moved", True):
        bump_epoch()
    if not raw:
        pk = instance.pk
        transaction.on_commit(lambda: _refresh_quietly(pk))


def _refresh_quietly(pk):
    try:
        refresh(pk)
    except Exception:  # the save succeeded; the page renders on its first read instead
        log.exception("Could not render lemma %s after saving it", pk)


def _links_changed(sender, **kwargs):
    bump_epoch()


def connect_signals():
    pre_save.connect(_before_lemma_save, sender=Lemma, dispatch_uid="renderings-lemma-pre-save")
    post_save.connect(_after_lemma_save, sender=Lemma, dispatch_uid="renderings-lemma-saved")
    post_delete.connect(_links_changed, sender=Lemma, dispatch_uid="renderings-lemma-deleted")
    post_save.connect(_links_changed, sender=SlugRedirect, dispatch_uid="renderings-redirect-saved")
    post_delete.connect(_links_changed, sender=SlugRedirect, dispatch_uid="renderings-redirect-deleted")
    content_changed.connect(_links_changed, dispatch_uid="renderings-bulk-change")
