"""The editors' synonym list: words readers search with that the texts say otherwise.

One row is a group of terms that mean the same here ("loneliness, eenzaamheid"; "buurtteam,
wijkteam, sociaal team"): a search for any of them also finds the others. With a lemma, a
search for any of the terms also finds that lemma, even where none of the words occurs in it
("mantelzorger" -> Wederkerigheid). Applied at query time and in the autocomplete; no reindex.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def split_terms(value):
    seen, out = set(), []
    for term in (t.strip() for t in (value or "").split(",")):
        if term and term.lower() not in seen:
            seen.add(term.lower())
            out.append(term)
    return out


class Synonym(models.Model):
    terms = models.CharField(
        _("termen"), max_length=500,
        help_text=_("Woorden of woordgroepen die hier hetzelfde betekenen, gescheiden door komma's, "
                    "bijvoorbeeld: loneliness, eenzaamheid."),
    )
    lemma = models.ForeignKey(
        "lexicon.Lemma", verbose_name=_("lemma"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="search_synonyms",
        help_text=_("Optioneel: wie een van de termen zoekt, krijgt dit lemma, ook als de termen er niet in staan."),
    )
    note = models.CharField(_("toelichting"), max_length=300, blank=True,
                            help_text=_("Waarom deze termen bij elkaar horen (voor de redactie)."))
    updated = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        target = f" → {self.lemma}" if self.lemma_id else ""
        return f"{', '.join(self.terms_list)}{target}"

    @property
    def terms_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = self.terms_list
        if not terms:
            raise ValidationError({"terms": _("Geef ten minste één term.")})
        if len(terms) < 2 and not self.lemma_id:
            raise ValidationError(_("Geef ten minste twee termen, of één term en het lemma waar die naar verwijst."))
        if any(len(t) > 100 for t in terms):
            raise ValidationError({"terms": _("Een term is hooguit 100 tekens lang.")})
        self.terms = ", ".join(terms)


class IndexChange(models.Model):
    """One entry of the index outbox: "the index must follow object ``kind``/``object_id``".

    Written in the same transaction as the change it describes (lexicon.search.signals), so a
    crash can never keep a committed change from the index; applied after the commit and by
    ``manage.py drain_index``. Each index directory remembers how far it has applied this log
    (lexicon.search.outbox), so several servers with their own index converge from one database.
    """

    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("indexwijziging")
        verbose_name_plural = _("indexwijzigingen")

    def __str__(self):
        return f"{self.id}: {self.kind} {self.object_id}"
