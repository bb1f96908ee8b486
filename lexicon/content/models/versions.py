"""Citable versions: a frozen copy of each published text of a lemma.

A version is written when a lemma is published (or a published lemma is changed) and never edited
afterwards, so a citation of ``/lemma/<slug>/versies/<n>/`` always shows what was cited. Drafts
never become versions. The book's 2022 text is version 1 of every lemma (``ensure_first_versions``).
"""
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import rendering, wikilinks
from .lemmas import Lemma

# The fields of a lemma a version freezes; a change to any of them makes a new version.
FROZEN_FIELDS = ("title", "subtitle", "lead", "body")
BOOK_NOTE = _("Tekst uit het boek (2022).")


class LemmaVersionQuerySet(models.QuerySet):
    def public(self):
        """Versions a reader may see: those of lemmas that are published now."""
        return self.filter(lemma__status=Lemma.Status.PUBLISHED)

    def latest_for(self, lemma):
        return self.filter(lemma=lemma).order_by("-number").first()


class LemmaVersion(models.Model):
    lemma = models.ForeignKey(Lemma, verbose_name=_("lemma"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versienummer"))
    title = models.CharField(_("titel"), max_length=200)
    subtitle = models.CharField(_("ondertitel"), max_length=300, blank=True)
    lead = models.TextField(_("inleiding"), blank=True)
    body = models.TextField(_("tekst (Markdown)"), blank=True)
    # The byline as published, in order: authors may be renamed or removed later.
    author_names = models.JSONField(_("auteurs"), default=list, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), default=timezone.now)
    note = models.TextField(
        _("wijzigingsnotitie"), blank=True,
        help_text=_("Openbaar: wat is er in deze versie veranderd?"),
    )

    objects = LemmaVersionQuerySet.as_manager()

    class Meta:
        ordering = ["lemma", "number"]
        constraints = [models.UniqueConstraint(fields=["lemma", "number"], name="unique_lemma_version")]
        verbose_name = _("gepubliceerde versie")
        verbose_name_plural = _("gepubliceerde versies")

    def __str__(self):
        return f"{self.title} (versie {self.number})"

    def get_absolute_url(self):
        return reverse("lexicon:lemma_version", args=[self.lemma.slug, self.number])

    # --- what citation.py and the templates read (the same names as on Lemma) -------------
    @property
    def slug(self):
        return self.lemma.slug

    @cached_property
    def ordered_authors(self):
        from .authors import Author

        return [Author(name=name) for name in self.author_names]

    @cached_property
    def rendered(self):
        return rendering.render_markdown(
            self.body, preprocess=wikilinks.preprocessor(Lemma.objects.link_index, source_pk=self.lemma_id)
        )

    @property
    def body_html(self):
        return self.rendered.html

    @property
    def toc(self):
        return self.rendered.toc


def _byline(lemma):
    return list(
        lemma.lemma_authors.order_by("position", "pk").values_list("author__name", flat=True)
    )


def differs(lemma, version):
    """Does ``lemma`` as it stands differ from ``version`` in what a version freezes?"""
    if version is None:
        return True
    return any(getattr(lemma, name) != getattr(version, name) for name in FROZEN_FIELDS) or (
        _byline(lemma) != version.author_names
    )


def freeze(lemma, note="", published_at=None, *, only_if_changed=True):
    """Write the next version of published ``lemma`` and return it (or the latest one when nothing
    a version holds has changed and ``only_if_changed``). Drafts are refused."""
    if lemma.status != Lemma.Status.PUBLISHED:
        raise ValueError("only a published lemma gets a version")
    with transaction.atomic():
        # Lock the lemma row so two publishers cannot take the same number.
        Lemma.objects.select_for_update().filter(pk=lemma.pk).first()
        latest = LemmaVersion.objects.latest_for(lemma)
        if only_if_changed and latest is not None and not differs(lemma, latest):
            return latest
        return LemmaVersion.objects.create(
            lemma=lemma, number=(latest.number + 1) if latest else 1,
            title=lemma.title, subtitle=lemma.subtitle, lead=lemma.lead, body=lemma.body,
            author_names=_byline(lemma), published_at=published_at or timezone.now(), note=note,
        )


def ensure_first_versions(note=None):
    """Version 1 for each published lemma without one: its text as loaded, dated its publication
    date (the book's date for the 2022 text). Returns how many were written."""
    written = 0
    for lemma in Lemma.objects.published().filter(versions__isnull=True):
        freeze(lemma, str(note if note is not None else BOOK_NOTE), lemma.published_at or lemma.created)
        written += 1
    return written


def latest_version(lemma):
    """The latest published version of ``lemma`` (number and date; the text is loaded when read), or
    None for a draft or a lemma without versions. Remembered on the instance: the lemma page asks
    for it twice (the "Laatst bijgewerkt" line and the structured data)."""
    if not lemma.is_published or lemma.pk is None:
        return None
    if not hasattr(lemma, "_latest_version"):
        version = LemmaVersion.objects.filter(lemma=lemma).defer("body", "lead").order_by("-number").first()
        if version is not None:
            version.lemma = lemma
        lemma._latest_version = version
    return lemma._latest_version


def with_last_change(queryset):
    """Lemmas annotated with ``last_change``: the date of their latest published version (the true
    "Laatst bijgewerkt"), falling back to ``published_at`` for a lemma without versions."""
    latest = LemmaVersion.objects.filter(lemma=OuterRef("pk")).order_by("-number").values("published_at")[:1]
    return queryset.annotate(last_version_at=Subquery(latest)).annotate(
        last_change=Coalesce("last_version_at", "published_at")
    )

