"""The editors' route form and step form: who may publish, and which section a step points to."""
from django import forms
from django.utils.translation import gettext_lazy as _

from lexicon.content.models import LemmaSection
from lexicon.content.rendering import heading_anchor
from lexicon.routes import workflow
from lexicon.routes.models import Route, RouteStep


class RouteAdminForm(forms.ModelForm):
    user = None  # set per request by RouteAdmin.get_form

    class Meta:
        model = Route
        fields = "__all__"
        widgets = {"introduction": forms.Textarea(attrs={"rows": 5, "class": "vLargeTextField"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            allowed = workflow.allowed_statuses(self.user)
            self.fields["status"].choices = [(v, label) for v, label in Route.Status.choices if v in allowed]
            if not workflow.can_publish(self.user):
                self.fields["status"].help_text = _(
                    "Als redacteur zet je een leesroute op ‘ter review’; de hoofdredacteur publiceert haar."
                )
        published_at = self.fields.get("published_at")
        if published_at is not None and hasattr(published_at.widget, "widgets"):
            date_input, time_input = published_at.widget.widgets
            date_input.attrs["aria-label"] = _("Publicatiedatum: datum")
            time_input.attrs["aria-label"] = _("Publicatiedatum: tijd")

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in workflow.allowed_statuses(self.user):
            raise forms.ValidationError(_("Alleen de hoofdredacteur kan een leesroute publiceren."))
        return status


def find_section(lemma, text):
    """The lemma's section named by ``text`` (its anchor, its heading, or the heading's slug)."""
    text = (text or "").strip().lstrip("#").strip()
    sections = [s for s in LemmaSection.objects.filter(lemma=lemma).exclude(anchor="")]
    for section in sections:
        if text in (section.anchor, section.title) or text.casefold() == section.title.casefold():
            return section
    wanted = heading_anchor(text)
    return next((s for s in sections if s.anchor == wanted), None)


class RouteStepForm(forms.ModelForm):
    class Meta:
        model = RouteStep
        fields = ["order", "lemma", "section_anchor", "note", "question"]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 2, "cols": 24}),
            "question": forms.Textarea(attrs={"rows": 2, "cols": 24}),
            "order": forms.NumberInput(attrs={"class": "vSmallField", "min": 0}),
        }

    def clean(self):
        cleaned = super().clean()
        lemma, text = cleaned.get("lemma"), cleaned.get("section_anchor", "")
        if lemma is None or not text.strip():
            cleaned["section_anchor"] = ""
            return cleaned
        section = find_section(lemma, text)
        if section is None:
            names = [s.title for s in LemmaSection.objects.filter(lemma=lemma).exclude(anchor="")]
            self.add_error("section_anchor", _("‘%(text)s’ is geen paragraaf van ‘%(lemma)s’. Kies uit: %(names)s.") % {
                "text": text, "lemma": lemma.title, "names": "; ".join(names) or _("(dit lemma heeft geen paragrafen)"),
            })
        else:
            cleaned["section_anchor"] = section.anchor
        return cleaned
