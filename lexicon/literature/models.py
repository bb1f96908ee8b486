"""A Work is one cited publication, shared by every lemma that cites it; a Citation links a lemma
to a work with the sentences that cite it. The importer fills them from the text (authors and year,
and for Ervaringsdeskundigheid its own reference list); editors complete title, publisher, DOI, URL."""
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# what a reader needs to find a work: a title, and a publisher/journal or a link
INCOMPLETE_Q = Q(title="") | (Q(publisher="") & Q(doi="") & Q(url=""))


class WorkQuerySet(models.QuerySet):
    def incomplete(self):
        return self.filter(INCOMPLETE_Q)

    def complete(self):
        return self.exclude(INCOMPLETE_Q)

    def cited_by_published(self):
        from lexicon.content.models import Lemma

        return self.filter(citations__lemma__in=Lemma.objects.published()).distinct()


class Work(models.Model):
    key = models.SlugField(_("sleutel"), max_length=200, unique=True,
                           help_text=_("Auteurs en jaar zoals geciteerd; het anker #lit-… op de lemmapagina."))
    authors = models.CharField(_("auteurs"), max_length=500,
                               help_text=_("Zoals in een literatuurlijst: ‘Keuzenkamp, S., & Van Hoorn, E.’ of ‘WRR’."))
    cited_as = models.CharField(_("geciteerd als"), max_length=300, help_text=_("‘Engbersen & Sprinkhuizen’, ‘Britt et al.’"))
    year = models.CharField(_("jaar"), max_length=30, help_text=_("‘2019’, ‘2012a’, ‘te verschijnen’"))
    title = models.CharField(_("titel"), max_length=500, blank=True)
    publisher = models.CharField(_("uitgever of tijdschrift"), max_length=300, blank=True,
                                 help_text=_("Uitgever, of tijdschrift met jaargang en nummer."))
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("Zonder https://doi.org/, bijv. 10.1234/abcd"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    note = models.CharField(_("notitie voor de redactie"), max_length=300, blank=True)

    objects = WorkQuerySet.as_manager()

    class Meta:
        ordering = ["cited_as", "year"]
        verbose_name = _("werk")
        verbose_name_plural = _("werken")

    def __str__(self):
        return f"{self.cited_as} ({self.year})" + (f" – {self.title}" if self.title else "")

    @property
    def complete(self):
        return bool(self.title) and bool(self.publisher or self.doi or self.url)

    @property
    def title_stop(self):
        """The full stop after the title, unless it ends in its own '?' or '!'."""
        return "" if self.title.endswith(("?", "!", ".")) else "."

    @property
    def anchor(self):
        return f"lit-{self.key}"

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def get_absolute_url(self):
        return reverse("lexicon:literature") + f"#{self.anchor}"


class Citation(models.Model):
    lemma = models.ForeignKey("lexicon.Lemma", on_delete=models.CASCADE, related_name="citations", verbose_name=_("lemma"))
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="citations", verbose_name=_("werk"))
    sentences = models.JSONField(_("citerende zinnen"), default=list, blank=True)
    times = models.PositiveIntegerField(_("aantal keer geciteerd"), default=0)
    in_reference_list = models.BooleanField(_("in de literatuurlijst van het lemma"), default=False)
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["lemma", "position"]
        constraints = [models.UniqueConstraint(fields=["lemma", "work"], name="literature_one_citation_per_work")]
        verbose_name = _("citatie")
        verbose_name_plural = _("citaties")

    def __str__(self):
        return f"{self.lemma} → {self.work}"
