"""The texts around the lemmas: the Over-pages (voorwoord, inleiding, colofon) and the sources."""
from django.db import models
from django.db.models import Sum
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import rendering, wikilinks
from .lemmas import Lemma


class Page(models.Model):
    """Foreword, introduction, colophon: the book's front matter."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    author_line = models.CharField(_("auteur(s)"), max_length=300, blank=True)
    body = models.TextField(_("tekst (Markdown)"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    updated = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lexicon:page", args=[self.slug])

    @cached_property
    def rendered(self):
        return rendering.render_markdown(
            self.body, preprocess=wikilinks.preprocessor(Lemma.objects.link_index, autolink=False)
        )


# A source longer than this (Markdown characters) is read chapter by chapter, each on its own page
# under a contents page: Duyvendak & Tonkens is some 450,000 characters, 340 phone screens on one page.
PAGED_MIN_CHARS = 30_000


class Source(models.Model):
    """A related text the lexicon cites or answers ("Bronnen")."""

    title = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    authors = models.CharField(_("auteurs"), max_length=300)
    year = models.PositiveIntegerField(_("jaar"), null=True, blank=True)
    publisher = models.CharField(_("uitgever"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lexicon:source", args=[self.slug])

    @cached_property
    def paged(self):
        """Is this source read chapter by chapter (see PAGED_MIN_CHARS)?"""
        if self.pk is None:
            return False
        total = self.sections.aggregate(chars=Sum(Length("body")))["chars"] or 0
        return total > PAGED_MIN_CHARS and self.sections.count() > 1


class SourceSection(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    anchor = models.SlugField(_("anker"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"), blank=True)

    class Meta:
        ordering = ["source", "order"]
        unique_together = [("source", "anchor")]
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")

    def __str__(self):
        return f"{self.source}: {self.title}"

    def get_absolute_url(self):
        if self.source.paged:
            return reverse("lexicon:source_chapter", args=[self.source.slug, self.anchor])
        return f"{self.source.get_absolute_url()}#{self.anchor}"

    @cached_property
    def rendered(self):
        return rendering.render_markdown(self.body)
