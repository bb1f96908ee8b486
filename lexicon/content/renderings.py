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
import hashlib
import logging

from django.db import DatabaseError, transaction
from django.db.models import F, Subquery
from django.db.models.signals import post_delete, post_save, pre_save

from lexicon.content import rendering, wikilinks
from lexicon.content.signals import content_changed

log = logging.getLogger(__name__)

# Bump when rendering.py or wikilinks.py change what they produce: every stored rendering is redone.
RENDERER_VERSION = "1"
EPOCH_PK = 1


def source_key(body):
    return hashlib.sha256(f"{RENDERER_VERSION}\0{body or ''}".encode()).hexdigest()


def _key_of(lemma):
    """``source_key`` of the lemma's body as it is now (hashed once per body per object)."""
    body = lemma.body
    cached = lemma.__dict__.get("_rendering_key")
    if cached is None or cached[0] is not body:
        cached = lemma.__dict__["_rendering_key"] = (body, source_key(body))
    return cached[1]


def count_words(body):
    return len(rendering.plain_text(body).split())


def epoch_subquery():
    """The current epoch as a subquery, to read it in the same query as a lemma."""
    from lexicon.content.models import RenderingEpoch

    return Subquery(RenderingEpoch.objects.filter(pk=EPOCH_PK).values("value")[:1])


def current_epoch():
    from lexicon.content.models import RenderingEpoch

    return RenderingEpoch.objects.filter(pk=EPOCH_PK).values_list("value", flat=True).first() or 0


def bump_epoch():
    """Make every stored rendering stale (they are redone when next read)."""
    from lexicon.content.models import RenderingEpoch

    if not RenderingEpoch.objects.filter(pk=EPOCH_PK).update(value=F("value") + 1):
        RenderingEpoch.objects.get_or_create(pk=EPOCH_PK, defaults={"value": 2})


def render_live(lemma):
    from lexicon.content.models import Lemma

    return rendering.render_markdown(
        lemma.body, preprocess=wikilinks.preprocessor(Lemma.objects.link_index, source_pk=lemma.pk)
    )


def _stored(lemma):
    from lexicon.content.models import LemmaRendering

    try:
        return lemma.stored_rendering
    except LemmaRendering.DoesNotExist:
        return None


def rendered_for(lemma):
    """(html, toc) of the lemma's body, from the stored rendering when it is still valid."""
    epoch = lemma.__dict__.get("rendering_epoch")  # annotated by with_rendering()
    if epoch is None:
        epoch = current_epoch()
    key = _key_of(lemma)
    row = _stored(lemma) if lemma.pk else None
    if row is not None and row.epoch == epoch and row.source_key == key:
        return rendering.Rendered(html=row.html, toc=row.toc)
    result = render_live(lemma)
    if lemma.pk:
        store(lemma, epoch, key, result)
    return result


def word_count_for(lemma):
    """Words in the body: stored with the rendering (it only depends on the body)."""
    row = _stored(lemma) if lemma.pk else None
    if row is not None and row.source_key == _key_of(lemma):
        return row.word_count
    return count_words(lemma.body)


def store(lemma, epoch, key, result):
    """Save a rendering; a failure (a concurrent writer, a locked SQLite file) only costs a re-render."""
    from lexicon.content.models import LemmaRendering

    fields = {"epoch": epoch, "source_key": key, "html": result.html, "toc": result.toc,
              "word_count": count_words(lemma.body)}
    try:
        with transaction.atomic():
            if not LemmaRendering.objects.filter(lemma_id=lemma.pk).update(**fields):
                LemmaRendering.objects.create(lemma_id=lemma.pk, **fields)
        lemma.stored_rendering = LemmaRendering(lemma_id=lemma.pk, **fields)
    except DatabaseError:
        log.warning("Could not store the rendering of lemma %s", lemma.pk, exc_info=True)


def refresh(pk):
    """Render and store lemma ``pk`` now (after its save commits), unless it is already current."""
    from lexicon.content.models import Lemma

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
    from lexicon.content.models import Lemma, SlugRedirect

    pre_save.connect(_before_lemma_save, sender=Lemma, dispatch_uid="renderings-lemma-pre-save")
    post_save.connect(_after_lemma_save, sender=Lemma, dispatch_uid="renderings-lemma-saved")
    post_delete.connect(_links_changed, sender=Lemma, dispatch_uid="renderings-lemma-deleted")
    post_save.connect(_links_changed, sender=SlugRedirect, dispatch_uid="renderings-redirect-saved")
    post_delete.connect(_links_changed, sender=SlugRedirect, dispatch_uid="renderings-redirect-deleted")
    content_changed.connect(_links_changed, dispatch_uid="renderings-bulk-change")
