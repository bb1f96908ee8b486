"""Readers' suggestions: a new lemma or an addition to one, moderated in the admin.

The model keeps the content app's label (``lexicon``): its table and migrations stay where they were.
"""
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

class Suggestion(models.Model):
    """A reader's suggestion: a new lemma or an addition to one. Never published automatically."""

    class Status(models.TextChoices):
        NEW = "nieuw", _("nieuw")
        ACCEPTED = "overgenomen", _("overgenomen")
        REJECTED = "afgewezen", _("afgewezen")

    lemma = models.ForeignKey(
        "lexicon.Lemma", verbose_name=_("lemma"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    proposed_title = models.CharField(_("voorgesteld lemma"), max_length=200, blank=True)
    text = models.TextField(_("suggestie"))
    name = models.CharField(_("naam"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    editor_note = models.TextField(_("notitie van de redactie"), blank=True)
    created = models.DateTimeField(_("ingediend"), default=timezone.now, db_index=True)

    class Meta:
        app_label = "lexicon"
        ordering = ["-created"]
        verbose_name = _("suggestie van een lezer")
        verbose_name_plural = _("suggesties van lezers")

    def __str__(self):
        about = self.lemma or self.proposed_title or _("algemeen")
        return f"{about}: {self.text[:60]}"
