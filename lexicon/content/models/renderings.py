"""Stored renderings: a lemma's sanitised HTML and table of contents, computed once per version.

A lemma body's HTML depends on the body and on every other lemma a ``[[wiki link]]`` or a first
mention may point to (titles, slugs, status, old slugs). So a stored rendering is valid while
its ``source_key`` (the body and the renderer version) matches and its ``epoch`` is the current
``RenderingEpoch``: any change that can move a link elsewhere (a lemma added, renamed,
(un)published or deleted, an old slug, a bulk change) bumps the epoch, which makes every stored
rendering stale at once without touching them.

The read path (``rendered_for``: stored or rendered and stored) lives here beside the models, so
``Lemma`` can use it without importing a higher module; ``lexicon.content.renderings`` holds the
events that make renderings stale and the refresh after a save.
"""
import hashlib
import logging

from django.db import DatabaseError, models, transaction
from django.db.models import F, Subquery
from django.utils.translation import gettext_lazy as _

from lexicon.content import rendering, wikilinks

log = logging.getLogger(__name__)

# Bump when rendering.py or wikilinks.py change what they produce: every stored rendering is redone.
RENDERER_VERSION = "1"
EPOCH_PK = 1


class RenderingEpoch(models.Model):
    """One row: the generation of the link targets every stored rendering was made against."""

    value = models.PositiveBigIntegerField(default=1)

    class Meta:
        verbose_name = _("weergavegeneratie")
        verbose_name_plural = _("weergavegeneraties")


class LemmaRendering(models.Model):
    lemma = models.OneToOneField("Lemma", on_delete=models.CASCADE, related_name="stored_rendering")
    epoch = models.PositiveBigIntegerField()
    source_key = models.CharField(max_length=64)
    html = models.TextField()
    toc = models.JSONField(default=list)
    word_count = models.PositiveIntegerField(default=0)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opgeslagen weergave")
        verbose_name_plural = _("opgeslagen weergaven")

    def __str__(self):
        return f"{self.lemma_id} @ {self.epoch}"


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
    return Subquery(RenderingEpoch.objects.filter(pk=EPOCH_PK).values("value")[:1])


def current_epoch():
    return RenderingEpoch.objects.filter(pk=EPOCH_PK).values_list("value", flat=True).first() or 0


def bump_epoch():
    """Make every stored rendering stale (they are redone when next read)."""
    if not RenderingEpoch.objects.filter(pk=EPOCH_PK).update(value=F("value") + 1):
        RenderingEpoch.objects.get_or_create(pk=EPOCH_PK, defaults={"value": 2})


def render_live(lemma):
    return rendering.render_markdown(
        lemma.body, preprocess=wikilinks.preprocessor(type(lemma).objects.link_index, source_pk=lemma.pk)
    )


def _stored(lemma):
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
    fields = {"epoch": epoch, "source_key": key, "html": result.html, "toc": result.toc,
              "word_count": count_words(lemma.body)}
    try:
        with transaction.atomic():
            if not LemmaRendering.objects.filter(lemma_id=lemma.pk).update(**fields):
                LemmaRendering.objects.create(lemma_id=lemma.pk, **fields)
        lemma.stored_rendering = LemmaRendering(lemma_id=lemma.pk, **fields)
    except DatabaseError:
        log.warning("Could not store the rendering of lemma %s", lemma.pk, exc_info=True)
