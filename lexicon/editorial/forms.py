"""Forms: the editors' lemma form (admin) and the readers' suggestion form."""
from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lexicon.editorial import workflow as editorial
from lexicon.content import wikilinks
from lexicon.content.models import Lemma, SlugRedirect
from lexicon.editorial.review import services as review
from lexicon.editorial.review.forms import ReviewFields

MAX_BODY_CHARS = 400_000
# Form fields that are not edits of the lemma: kept out of "changed" (and so out of the history line).
BOOKKEEPING = ("loaded_version", "change_note", "edit_summary", "reviewer", "review_note")  # the longest lemma is ~40,000 characters


class MarkdownEditor(forms.Textarea):
    """A plain textarea with a small toolbar and a live preview pane (static/js/lemma_editor.js).

    Without JavaScript it is an ordinary textarea; the preview is then the staff view of the
    public page ('Bekijk op site')."""

    def value_from_datadict(self, data, files, name):
        # Browsers submit CRLF line ends; store LF, so an unchanged body is not reported
        # (and versioned) as changed.
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value

    template_name = "lexicon/widgets/markdown_editor.html"  # an app template: the form renderer looks there

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 24, "class": "markdown-source", "spellcheck": "true", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview_url"] = reverse("admin:lexicon_lemma_preview")
        context["picker_url"] = reverse("review:picker")
        return context

    class Media:
        css = {"all": ["css/lemma_editor.css"]}
        js = ["js/lemma_picker.js", "js/lemma_editor.js"]


class LemmaAdminForm(ReviewFields, forms.ModelForm):
    # The version the editor loaded; a save from an older version is refused (optimistic locking).
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Empty: a new lemma goes to the end of its cluster (review.services.place_at_end_of_cluster).
    order = forms.IntegerField(
        label=_("volgorde in het boek"), min_value=0, required=False,
        help_text=_("Leeg laten: het lemma komt achteraan in zijn cluster."),
    )
    # Not a model field: it goes into the new citable version when a published text changes.
    change_note = forms.CharField(
        label=_("Openbare wijzigingsnotitie"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text=_("Alleen bij een gepubliceerd lemma: wat is er veranderd? Lezers zien dit bij de versies "
                    "van het lemma en in de feed. Een gewijzigde tekst wordt bij opslaan een nieuwe versie."),
    )

    # Set per request by LemmaAdmin.get_form.
    user = None
    live_version = None  # the row's version before a revision view reverted it

    class Meta:
        model = Lemma
        fields = "__all__"
        widgets = {
            "body": MarkdownEditor(),
            "lead": forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_version"] = self.live_version or self.instance.version
        if not self.instance.pk and not self.is_bound:
            self.initial["order"] = None
        self.setup_review_fields(self.user)
        published_at = self.fields.get("published_at")
        if published_at is not None and hasattr(published_at.widget, "widgets"):
            # The admin's split date/time inputs have no label of their own (screen readers).
            date_input, time_input = published_at.widget.widgets
            date_input.attrs["aria-label"] = _("Publicatiedatum: datum")
            time_input.attrs["aria-label"] = _("Publicatiedatum: tijd")
        if "status" in self.fields:
            allowed = editorial.allowed_statuses(self.user)
            self.fields["status"].choices = [(v, label) for v, label in Lemma.Status.choices if v in allowed]
            if not editorial.can_publish(self.user):
                self.fields["status"].help_text = _(
                    "Als redacteur zet je een lemma op ‘ter review’; de hoofdredacteur publiceert het."
                )

    @cached_property
    def changed_data(self):
        # The hidden version stamp is bookkeeping, not an edit: keep it out of the history.
        return [name for name, bf in self._bound_items() if name not in BOOKKEEPING and bf._has_changed()]

    def clean_status(self):
        status = self.cleaned_data["status"]
        # Server-side, whatever the browser sent: only the editor-in-chief publishes.
        if status not in editorial.allowed_statuses(self.user):
            raise forms.ValidationError(_("Alleen de hoofdredacteur kan een lemma publiceren."))
        return status

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        taken = SlugRedirect.objects.filter(old_slug=slug).exclude(lemma_id=self.instance.pk).select_related("lemma").first()
        if taken:
            raise forms.ValidationError(
                _("Deze slug was eerder het adres van ‘%(title)s’ en verwijst daar nog naar; kies een andere.")
                % {"title": taken.lemma.title}
            )
        return slug

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        if len(body) > MAX_BODY_CHARS:
            raise forms.ValidationError(_("De tekst is te lang (meer dan %(max)s tekens).") % {"max": MAX_BODY_CHARS})
        # A draft may link to another draft; clean() checks again when the lemma is to be published.
        problems = wikilinks.problems(body, Lemma.objects.link_index, source_pk=self.instance.pk,
                                      allow_unpublished=True)
        if problems:
            raise forms.ValidationError([*problems, _("Pas de link aan.")])
        return body

    def clean_order(self):
        order = self.cleaned_data.get("order")
        if order is None and self.instance.pk:
            return self.instance.order  # an existing lemma keeps its place
        return order

    def _check_publication(self, cleaned):
        if cleaned.get("status") != Lemma.Status.PUBLISHED or "body" not in cleaned:
            return
        draft = Lemma(pk=self.instance.pk, title=cleaned.get("title") or self.instance.title, body=cleaned["body"])
        for problem in review.publish_problems([draft]):
            self.add_error("body", problem)
        if cleaned.get("publish_at"):
            self.add_error("publish_at", _("Kies ‘gepubliceerd’ om nu te publiceren, of een datum om te plannen, niet allebei."))

    def clean(self):
        cleaned = super().clean()
        self._check_publication(cleaned)
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            live = self.live_version or editorial.current_version(self.instance.pk)
            if loaded is None or loaded != live:
                raise forms.ValidationError(
                    _(
                        "Iemand anders heeft dit lemma opgeslagen nadat jij het opende (jouw versie %(mine)s, "
                        "nu versie %(live)s). Je wijzigingen zijn niet opgeslagen, maar je tekst staat hieronder nog. "
                        "Kopieer hem, open het lemma opnieuw en voeg je wijzigingen toe; in de geschiedenis zie je "
                        "wat de ander veranderde."
                    ) % {"mine": loaded if loaded is not None else "?", "live": live},
                    code="conflict",
                )
        return cleaned
