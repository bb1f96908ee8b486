"""The editors' say over "Verwant" on a lemma page: pin a lemma there, or hide one that the
content similarity puts there wrongly. The similarity itself is computed (lexicon.reading.related)."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .lemmas import Lemma


class RelatedChoice(models.Model):
    class Mode(models.TextChoices):
        PIN = "vast", _("vastzetten bij ‘Verwant’")
        HIDE = "verbergen", _("nooit tonen bij ‘Verwant’")

    lemma = models.ForeignKey(Lemma, verbose_name=_("lemma"), on_delete=models.CASCADE, related_name="related_choices")
    other = models.ForeignKey(Lemma, verbose_name=_("verwant lemma"), on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(_("keuze"), max_length=12, choices=Mode.choices, default=Mode.PIN)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["lemma", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["lemma", "other"], name="unique_related_choice"),
            models.CheckConstraint(condition=~Q(lemma=models.F("other")), name="related_choice_not_self"),
        ]
        verbose_name = _("keuze bij ‘Verwant’")
        verbose_name_plural = _("keuzes bij ‘Verwant’")

    def __str__(self):
        return f"{self.lemma} – {self.other} ({self.get_mode_display()})"
