"""Forms of the review conversation: the extra fields of the lemma form, comments, invitations."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lexicon.editorial.review import paragraphs, services

MAX_COMMENT_CHARS = 5000


class ReviewFields(forms.Form):
    """Mixed into the admin's lemma form: not model fields, handled by LemmaAdmin after the save."""

    edit_summary = forms.CharField(
        label=_("Samenvatting van de wijziging"), max_length=300, required=False,
        help_text=_("Optioneel; staat in de geschiedenis. Bij een gepubliceerd lemma is dit ook de "
                    "wijzigingsnotitie voor lezers."),
    )
    reviewer = forms.ChoiceField(
        label=_("Reviewer"), required=False,
        help_text=_("Bij ‘ter review’: wie het lemma beoordeelt (standaard de hoofdredactie)."),
    )
    review_note = forms.CharField(
        label=_("Notitie voor de reviewer"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publiceren op"), required=False,
        widget=forms.SplitDateTimeWidget(date_attrs={"type": "date", "aria-label": _("Publiceren op: datum")},
                                         time_attrs={"type": "time", "aria-label": _("Publiceren op: tijd")},
                                         date_format="%Y-%m-%d", time_format="%H:%M"),
        help_text=_("Optioneel, alleen de hoofdredacteur: het lemma wordt op dit moment gepubliceerd "
                    "(manage.py publish_scheduled). Leeg laten en status ‘gepubliceerd’ kiezen publiceert nu."),
    )

    def setup_review_fields(self, user):
        from lexicon.editorial.workflow import can_publish

        if not can_publish(user):
            del self.fields["publish_at"]  # only the editor-in-chief schedules (LemmaAdmin hides it too)
        self.fields["reviewer"].choices = [("", _("De hoofdredactie (groep)"))] + services.reviewer_choices(user)
        entry = getattr(self.instance, "scheduled_publication", None) if self.instance.pk else None
        if entry is not None and entry.done is None and not self.is_bound:
            self.initial["publish_at"] = timezone.localtime(entry.publish_at)

    def clean_publish_at(self):
        when = self.cleaned_data.get("publish_at")
        if when and when <= timezone.now() and self.has_changed() and "publish_at" in self.changed_data:
            raise forms.ValidationError(_("Kies een moment in de toekomst, of publiceer nu met de status."))
        return when


class CommentForm(forms.Form):
    paragraph = forms.TypedChoiceField(label=_("Waarover"), required=False, coerce=int, empty_value=None)
    text = forms.CharField(label=_("Opmerking"), max_length=MAX_COMMENT_CHARS,
                           widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, lemma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", _("Het concept als geheel"))] + [
            (p.index, _("Alinea %(n)s%(heading)s: %(excerpt)s") % {
                "n": p.index + 1, "heading": f" ({p.heading})" if p.heading else "", "excerpt": p.excerpt[:50]})
            for p in paragraphs.split(lemma.body)
        ]


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Naam van de gastlezer"), max_length=200)
    email = forms.EmailField(label=_("E-mail (optioneel; de link wordt dan gemaild)"), required=False)
    days = forms.IntegerField(label=_("Geldig (dagen)"), min_value=1, max_value=90, initial=14)
