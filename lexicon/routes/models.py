"""A reading path (leesroute): an ordered list of lemmas or sections of lemmas, with a short
introduction and, per step, a note and a question, for a course or a theme.

Published like lemmas (status concept / ter review / gepubliceerd, lexicon.content.choices); a
reader sees a published route with only the steps whose lemma is published.
"""
from typing import NamedTuple, Optional

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lexicon.content import rendering
from lexicon.content.choices import LemmaStatus
from lexicon.content.models import Lemma, LemmaSection, sees_drafts
from lexicon.routes import codes
from lexicon.routes.sections import section_html, standalone_html


class RouteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=LemmaStatus.PUBLISHED)

    def visible_to(self, user):
        return self if sees_drafts(user) else self.published()

    def with_step_counts(self):
        """Routes with ``step_count``: their steps a reader sees (those with a published lemma)."""
        return self.annotate(step_count=models.Count("steps", filter=models.Q(steps__lemma__status=LemmaStatus.PUBLISHED)))


class Route(models.Model):
    Status = LemmaStatus

    class Kind(models.TextChoices):
        COURSE = "cursus", _("cursus")
        THEME = "thema", _("thema")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.THEME)
    audience = models.CharField(
        _("voor"), max_length=200, blank=True,
        help_text=_("Voor welke cursus, opleiding of groep, bijvoorbeeld ‘Hbo Social Work, jaar 2’."),
    )
    introduction = models.TextField(_("inleiding (Markdown)"), blank=True)
    code = models.SlugField(
        _("korte code"), max_length=12, unique=True, editable=False,
        help_text=_("Voor het korte adres /r/<code>/ dat je aan studenten geeft."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("publicatiedatum"), null=True, blank=True)
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    updated = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("leesroute")
        verbose_name_plural = _("leesroutes")
        permissions = [("publish_route", _("Mag leesroutes publiceren en depubliceren"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if not self.code:
            self.code = self._free_code()
        super().save(*args, **kwargs)

    @staticmethod
    def _free_code():
        while True:
            code = codes.new_code()
            if not Route.objects.filter(code=code).exists():
                return code

    def get_absolute_url(self):
        return reverse("lexicon:route", args=[self.slug])

    def get_short_url(self):
        return reverse("lexicon:route_short", args=[self.code])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @cached_property
    def introduction_html(self):
        return rendering.render_markdown(self.introduction).html

    def reading_steps(self):
        """The route as a reader follows it: ``ReadingStep``s in order, numbered 1..n, only the steps
        whose lemma is published. Each has its lemma (authors loaded), its section (a
        ``LemmaSection`` or None for the whole lemma) and ``body_html`` (the section's or the lemma's
        text). Five queries however many steps. What the route page, the reader, the API, the
        reading list (and a PDF of the route) are made of."""
        steps = list(
            self.steps.filter(lemma__status=LemmaStatus.PUBLISHED)
            # Lemmas with their stored rendering (lexicon.content.renderings): no query per step.
            .prefetch_related(Prefetch("lemma", queryset=Lemma.objects.with_rendering().select_related("cluster")),
                              "lemma__lemma_authors__author")
            .order_by("order", "pk")
        )
        anchors = {(s.lemma_id, s.section_anchor) for s in steps if s.section_anchor}
        sections = {}
        if anchors:
            rows = LemmaSection.objects.filter(lemma__in={pk for pk, _a in anchors}).exclude(anchor="")
            sections = {(row.lemma_id, row.anchor): row for row in rows}
        for step in steps:
            step.route = self  # no query per step for the route's slug
        total = len(steps)
        return [
            ReadingStep(number, total, step, step.lemma, sections.get((step.lemma_id, step.section_anchor)))
            for number, step in enumerate(steps, start=1)
        ]

    def lemmas(self, steps=None):
        """The distinct published lemmas of the route, in route order (for the reading list);
        ``steps``: this route's ``reading_steps()`` when the caller has them already."""
        seen, out = set(), []
        for item in self.reading_steps() if steps is None else steps:
            if item.lemma.pk not in seen:
                seen.add(item.lemma.pk)
                out.append(item.lemma)
        return out


class ReadingStep(NamedTuple):
    number: int
    total: int
    step: "RouteStep"
    lemma: Lemma
    section: Optional[LemmaSection]

    @property
    def anchor(self):
        return self.section.anchor if self.section else ""

    @property
    def title(self):
        return f"{self.lemma.title}: {self.section.title}" if self.section else self.lemma.title

    @property
    def note(self):
        return self.step.note

    @property
    def question(self):
        return self.step.question

    @property
    def body_html(self):
        html = self.lemma.body_html
        if self.section:
            return section_html(html, self.section.anchor) or html
        return html

    @property
    def reader_html(self):
        """``body_html`` with ids prefixed ``stap-<n>-`` and headings one level down: for one page
        (or file) holding all steps."""
        return standalone_html(self.body_html, f"stap-{self.number}-")

    def get_absolute_url(self):
        """The lemma page inside the route: 'stap n van N' and next/previous on it."""
        return f"{self.lemma.get_absolute_url()}?route={self.step.route.slug}&stap={self.number}"

    def text_url(self):
        """The step's text itself: the lemma, or the section's anchor on it."""
        url = self.lemma.get_absolute_url()
        return f"{url}#{self.section.anchor}" if self.section else url


class RouteStep(models.Model):
    route = models.ForeignKey(Route, verbose_name=_("leesroute"), on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    lemma = models.ForeignKey(Lemma, verbose_name=_("lemma"), on_delete=models.PROTECT, related_name="route_steps")
    section_anchor = models.CharField(
        _("paragraaf"), max_length=200, blank=True,
        help_text=_("Leeg voor het hele lemma; anders het kopje of het anker van een paragraaf van het lemma."),
    )
    note = models.TextField(_("korte inleiding bij deze stap"), blank=True)
    question = models.TextField(_("vraag bij deze stap"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        target = f"{self.lemma} #{self.section_anchor}" if self.section_anchor else str(self.lemma)
        return f"{self.route}: {target}"
