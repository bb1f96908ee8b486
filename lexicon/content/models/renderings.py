"""Stored renderings: a lemma's sanitised HTML and table of contents, computed once per version.

A lemma body's HTML depends on the body and on every other lemma a ``[[wiki link]]`` or a first
mention may point to (titles, slugs, status, old slugs). So a stored rendering is valid while
its ``source_key`` (the body and the renderer version) matches and its ``epoch`` is the current
``RenderingEpoch``: any change that can move a link elsewhere (a lemma added, renamed,
(un)published or deleted, an old slug, a bulk change) bumps the epoch, which makes every stored
rendering stale at once without touching them. ``lexicon.content.renderings`` reads and writes them.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


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
