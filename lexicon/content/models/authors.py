"""The authors of lemmas (and editors of the lexicon)."""
from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..names import sort_name_for, split_name
from .lemmas import LemmaAuthor, fill_urls, published_q

# The columns a row of the author list shows (see AuthorQuerySet.list_rows_in_order).
AUTHOR_ROW_FIELDS = ("name", "slug", "sort_name", "affiliation")


class AuthorQuerySet(models.QuerySet):
    def with_published_lemmas(self):
        """Authors of at least one published lemma. EXISTS rather than JOIN + DISTINCT: no
        de-duplication over every authorship of a big lexicon."""
        published_work = LemmaAuthor.objects.filter(published_q("lemma__"), author=OuterRef("pk"))
        return self.filter(Exists(published_work))

    def with_published_counts(self):
        """Authors of at least one published lemma with ``published_count``, by sort name."""
        return (
            self.annotate(published_count=Count("lemmas", filter=published_q("lemmas__"), distinct=True))
            .filter(published_count__gt=0)
            .order_by("sort_name", "name", "slug")
        )

    def list_rows_in_order(self, pks):
        """The authors ``pks`` in that order, with only the columns a row of the author list shows and
        ``url`` filled in (a pk this queryset does not hold is left out)."""
        loaded = self.only(*AUTHOR_ROW_FIELDS).in_bulk(pks)
        return fill_urls([loaded[pk] for pk in pks if pk in loaded])


class Author(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    sort_name = models.CharField(
        _("sorteernaam"), max_length=200, blank=True,
        help_text=_("Achternaam eerst, zonder tussenvoegsel vooraan: ‘Lans, Jos van der’."),
    )
    affiliation = models.CharField(_("affiliatie"), max_length=300, blank=True)
    bio = models.TextField(_("over de auteur"), blank=True)
    # From the book's colofon (fixtures/editors.tsv, through the importer); shown on the author page.
    is_editor = models.BooleanField(_("lid van de redactie van het lexicon"), default=False)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = sort_name_for(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("lexicon:author", args=[self.slug])

    @cached_property
    def url(self):
        """``get_absolute_url()``, once per object; ``fill_urls()`` fills it in for a whole list at once."""
        return self.get_absolute_url()

    @property
    def initial(self):
        return (self.sort_name or self.name)[:1].upper()

    @property
    def citation_name(self):
        """APA form: 'Lans, J. van der'."""
        given, particles, surname = split_name(self.name)
        initials = " ".join("-".join(f"{p[0]}." for p in g.split("-") if p) for g in given.split())
        return " ".join(x for x in (f"{surname}, {initials}" if initials else surname, particles) if x)
