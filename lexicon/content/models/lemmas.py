"""Clusters and lemmas, the links between lemmas, their derived sections and old slugs.

Data flows one way: seed text -> importer -> these models -> (index, templates, API).
Rendering of Markdown lives in ``lexicon.content.rendering``; the models only expose it.
"""
import math
import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.urls.converters import SlugConverter
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lexicon.content import rendering, wikilinks
from lexicon.content.choices import LemmaStatus

from . import renderings as stored  # the read path of stored renderings

WORDS_PER_MINUTE = 200

_URL_SLUG = re.compile(SlugConverter.regex)


def fill_urls(objects):
    """Set ``url`` to ``get_absolute_url()`` on each of ``objects`` (of one model whose URL is
    ``reverse(name, args=[slug])``) with one reverse() for them all, and return them. reverse()
    matches the URL patterns anew on every call, as much time as the rest of a row of a list page;
    here the URL is reversed once with a placeholder slug and each slug filled in. Only slugs the
    ``<slug:>`` converter accepts are filled in (reverse() would not change them); any other goes
    through ``get_absolute_url()`` itself, and fails there as it would."""
    if not objects:
        return objects
    prefix, _placeholder, suffix = type(objects[0])(slug="slug").get_absolute_url().rpartition("slug")
    for obj in objects:
        obj.url = f"{prefix}{obj.slug}{suffix}" if _URL_SLUG.fullmatch(obj.slug) else obj.get_absolute_url()
    return objects


def published_q(path=""):
    """The one "published" rule as a filter on a related lemma: ``published_q("lemmas__")``."""
    return Q(**{f"{path}status": LemmaStatus.PUBLISHED})


class ClusterQuerySet(models.QuerySet):
    def with_published_counts(self):
        """Clusters with ``published_count``, in the book's order (an aggregate drops Meta.ordering)."""
        return self.annotate(published_count=models.Count("lemmas", filter=published_q("lemmas__"))).order_by(
            "order", "name"
        )


class Cluster(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("korte beschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("lexicon:cluster", args=[self.slug])


# The columns a lemma card on a list page shows (see LemmaQuerySet.cards).
CARD_FIELDS = ("title", "slug", "subtitle", "cluster", "lead")


def sees_drafts(user):
    """Does ``user`` read drafts (an active staff member: the editors' previews)?"""
    return user is not None and user.is_active and user.is_staff


class LemmaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def visible_to(self, user):
        return self if sees_drafts(user) else self.published()

    def for_listing(self):
        """Lemmas with their cluster and authors (``ordered_authors``) in a fixed number of queries."""
        return self.select_related("cluster").prefetch_related("lemma_authors__author")

    def cards(self):
        """This queryset's lemmas as the cards of a list page (templates/includes/lemma_cards.html), as a
        list: only the columns a card shows (not the Markdown body), ``author_names`` in order from one
        query and the clusters from one more, without an Author, LemmaAuthor or Cluster object per row.
        Three queries however many cards; a template that wants more than a card shows (e.g.
        ``ordered_authors``) should use ``for_listing()`` instead."""
        lemmas = list(self.only(*CARD_FIELDS))
        if not lemmas:
            return lemmas
        pks = [lemma.pk for lemma in lemmas]
        names = {}
        authorships = LemmaAuthor.objects.filter(lemma__in=pks).order_by("lemma", "position", "pk")
        for lemma_id, name in authorships.values_list("lemma", "author__name"):
            names.setdefault(lemma_id, []).append(name)
        clusters = Cluster.objects.in_bulk({lemma.cluster_id for lemma in lemmas})
        for lemma in lemmas:
            lemma.author_names = names.get(lemma.pk, [])
            lemma.cluster = clusters[lemma.cluster_id]
        return fill_urls(lemmas)

    def link_index(self):
        """Every lemma a ``[[wiki link]]`` may point to (any status: drafts are refused, not unknown),
        in one query; old slugs of renamed lemmas are read only when a link is not found otherwise."""
        targets = (wikilinks.Target(*row) for row in self.values_list("pk", "title", "slug", "status"))
        return wikilinks.LinkIndex(
            targets, old_slugs=lambda: dict(SlugRedirect.objects.values_list("old_slug", "lemma_id"))
        )

    def with_rendering(self):
        """Lemmas with their stored rendering and the current rendering epoch in the same query
        (``Lemma.rendered`` then needs no query of its own; see lexicon.content.renderings)."""
        return self.select_related("stored_rendering").annotate(rendering_epoch=stored.epoch_subquery())

    def cards_in_order(self, pks):
        """``cards()`` of the lemmas ``pks``, in that order (a pk this queryset does not hold is left out)."""
        loaded = {lemma.pk: lemma for lemma in self.filter(pk__in=pks).cards()}
        return [loaded[pk] for pk in pks if pk in loaded]


class Lemma(models.Model):
    Status = LemmaStatus

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    subtitle = models.CharField(_("ondertitel"), max_length=300, blank=True)
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="lemmas"
    )
    authors = models.ManyToManyField(
        "Author", verbose_name=_("auteurs"), through="LemmaAuthor", related_name="lemmas", blank=True
    )
    order = models.PositiveIntegerField(_("volgorde in het boek"), default=0, db_index=True)
    lead = models.TextField(
        _("inleiding"), blank=True,
        help_text=_("Eerste alinea of samenvatting van de redactie; gebruikt als definitie en in zoekresultaten."),
    )
    body = models.TextField(_("tekst (Markdown)"), blank=True)
    alternative_terms = models.CharField(
        _("andere termen"), max_length=500, blank=True,
        help_text=_("Synoniemen en verwante zoektermen, gescheiden door komma's."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("publicatiedatum"), null=True, blank=True)
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    updated = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    # Optimistic locking: bumped on every save, so a second editor's stale form is refused.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    objects = LemmaQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("lemma")
        verbose_name_plural = _("lemma's")
        indexes = [models.Index(fields=["status", "order"])]
        permissions = [("publish_lemma", _("Mag lemma's publiceren en depubliceren"))]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember the slug as loaded, so a rename can leave a redirect behind.
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        old_slug = getattr(self, "_loaded_slug", None)
        adding = self._state.adding
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"lemma": self})
        if adding or (old_slug and old_slug != self.slug):
            # The slug is a live URL again (e.g. renamed back): it no longer redirects.
            SlugRedirect.objects.filter(old_slug=self.slug).delete()
        self._loaded_slug = self.slug

    def get_absolute_url(self):
        return reverse("lexicon:lemma", args=[self.slug])

    @cached_property
    def url(self):
        """``get_absolute_url()``, once per object; ``cards()`` fills it in for a whole list at once."""
        return self.get_absolute_url()

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def initial(self):
        return rendering.initial_letter(self.title)

    @cached_property
    def ordered_authors(self):
        # Uses the prefetch cache of for_listing() when present.
        return [la.author for la in sorted(self.lemma_authors.all(), key=lambda la: la.position)]

    @cached_property
    def author_names(self):
        """The authors' names in order: what a lemma card shows. ``cards()`` fills it in bulk."""
        return [author.name for author in self.ordered_authors]

    @cached_property
    def rendered(self):
        """(html, toc) of the body; toc is a list of {'id', 'name', 'level'}.

        ``[[wiki links]]`` and first mentions of other lemmas become links (lexicon.content.wikilinks).
        Rendered once per version and stored (lexicon.content.renderings)."""
        return stored.rendered_for(self)

    @property
    def body_html(self):
        return self.rendered.html

    @property
    def toc(self):
        return self.rendered.toc

    @cached_property
    def word_count(self):
        return stored.word_count_for(self)

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def alternative_terms_list(self):
        return [t.strip() for t in self.alternative_terms.split(",") if t.strip()]


class LemmaAuthor(models.Model):
    lemma = models.ForeignKey(Lemma, on_delete=models.CASCADE, related_name="lemma_authors")
    author = models.ForeignKey("Author", on_delete=models.PROTECT, related_name="lemma_authors")
    position = models.PositiveSmallIntegerField(_("positie"), default=0)

    class Meta:
        ordering = ["position"]
        unique_together = [("lemma", "author")]
        verbose_name = _("auteurschap")
        verbose_name_plural = _("auteurschappen")

    def __str__(self):
        return f"{self.author} – {self.lemma}"


class CrossReferenceQuerySet(models.QuerySet):
    def between_published(self):
        """References a reader may see: both ends published."""
        return self.filter(published_q("source__"), published_q("target__"))

    def to_published(self):
        return self.filter(published_q("target__"))

    def from_published(self):
        return self.filter(published_q("source__"))

    def lemmas_at(self, side):
        """The distinct lemmas at one end ("source" or "target") of these references, in book order."""
        seen, out = set(), []
        # Callers show a title and a link: the other lemmas' texts are not read.
        for ref in self.select_related(side).defer(f"{side}__body", f"{side}__lead").order_by(f"{side}__order"):
            other = getattr(ref, side)
            if other.pk not in seen:
                seen.add(other.pk)
                out.append(other)
        return out

    def around(self, lemma):
        """References of ``lemma`` whose other end is published (a draft's own, for its preview)."""
        return self.filter(Q(source=lemma) & published_q("target__") | Q(target=lemma) & published_q("source__"))


class CrossReference(models.Model):
    class Kind(models.TextChoices):
        SEE_ALSO = "zie-ook", _("zie ook (uit de tekst)")
        EDITOR = "redactie", _("toegevoegd door de redactie")
        MENTION = "vermelding", _("vermelding")

    source = models.ForeignKey(
        Lemma, verbose_name=_("van lemma"), on_delete=models.CASCADE, related_name="outgoing_refs"
    )
    target = models.ForeignKey(
        Lemma, verbose_name=_("naar lemma"), on_delete=models.CASCADE, related_name="incoming_refs"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.EDITOR)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    objects = CrossReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["source__order", "target__order"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="unique_crossref"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="crossref_not_self"),
        ]
        verbose_name = _("kruisverwijzing")
        verbose_name_plural = _("kruisverwijzingen")

    def __str__(self):
        return f"{self.source} → {self.target} ({self.get_kind_display()})"


class LemmaSectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q("lemma__"))


class LemmaSection(models.Model):
    """A ``##`` section of a lemma, derived from its body: the unit of deep-linked search results.

    Rebuilt from the body whenever a lemma is saved (lexicon.content.sections); never edited by hand.
    """

    lemma = models.ForeignKey(Lemma, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    anchor = models.SlugField(_("anker"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)

    objects = LemmaSectionQuerySet.as_manager()

    class Meta:
        ordering = ["lemma", "order"]
        unique_together = [("lemma", "anchor")]
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")

    def __str__(self):
        return f"{self.lemma}: {self.title}"

    def get_absolute_url(self):
        return f"{self.lemma.get_absolute_url()}#{self.anchor}"


class SlugRedirect(models.Model):
    """An old slug of a renamed lemma, so old links and citations keep working."""

    old_slug = models.SlugField(_("oude slug"), max_length=200, unique=True)
    lemma = models.ForeignKey(Lemma, on_delete=models.CASCADE, related_name="old_slugs")
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")

    def __str__(self):
        return f"{self.old_slug} → {self.lemma.slug}"
