"""The readers' suggestion form: a honeypot field, length and character checks."""
from django import forms
from django.utils.translation import gettext_lazy as _

from lexicon.editorial.suggestions.models import Suggestion


class SuggestionForm(forms.ModelForm):
    # Honeypot: hidden from people, filled in by bots. Never saved.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    class Meta:
        model = Suggestion
        fields = ["proposed_title", "text", "name", "email"]
        labels = {
            "proposed_title": _("Welk begrip ontbreekt?"),
            "text": _("Je suggestie"),
            "name": _("Naam (niet verplicht)"),
            "email": _("E-mail (niet verplicht)"),
        }
        help_texts = {
            "text": _("Wat hebben we gemist? Wat kan er beter of rijker?"),
            "email": _("Alleen om je te kunnen antwoorden; we publiceren het nooit."),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 8, "maxlength": 5000})}
        error_messages = {"text": {"required": _("Schrijf je suggestie op; dat veld is verplicht.")}}

    def __init__(self, *args, lemma=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lemma = lemma
        if lemma is not None:
            del self.fields["proposed_title"]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].error_messages["invalid"] = _("Dit is geen geldig e-mailadres.")

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) > 5000:
            raise forms.ValidationError(_("Je suggestie is te lang (hoogstens 5000 tekens)."))
        if "\x00" in text:
            raise forms.ValidationError(_("De tekst bevat ongeldige tekens."))
        return text

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def save(self, commit=True):
        suggestion = super().save(commit=False)
        suggestion.lemma = self.lemma
        if commit:
            suggestion.save()
        return suggestion
