"""The lemma admin at /beheer/: Markdown editor, live preview, review workflow, revision history
with diff and restore, authors and cross-references inline.

Roles (groups, see migration 0003): 'redacteur' writes and submits for review, 'hoofdredacteur'
also publishes (permission lexicon.publish_lemma). Rules are enforced in lexicon.editorial.workflow and
LemmaAdminForm, server-side.
"""
import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from lexicon.editorial import revision_diff
from lexicon.editorial.review import admin_hooks as review_hooks
from lexicon.editorial.review import services as review
from lexicon.editorial import workflow as editorial
from lexicon.content import rendering, wikilinks
from lexicon.editorial.forms import MAX_BODY_CHARS, LemmaAdminForm
from lexicon.content.models import (
    CrossReference, Lemma, LemmaAuthor, RelatedChoice,
)

# History of a lemma includes its authorships and outgoing cross-references, so a restore
# brings those back too.
reversion.register(LemmaAuthor)
reversion.register(CrossReference)
reversion.register(Lemma, follow=["lemma_authors", "outgoing_refs"])


class PlaceholderAutocomplete(AutocompleteSelect):
    """Django's search picker forces an empty placeholder; an empty picker then has no
    accessible name (axe: aria-input-field-name) and gives the editor no hint."""

    placeholder = ""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        if self.placeholder:
            attrs["data-placeholder"] = str(self.placeholder)
        return attrs


def with_placeholder(field, text):
    if field is not None and type(field.widget) is AutocompleteSelect:
        field.widget.__class__ = PlaceholderAutocomplete
        field.widget.placeholder = text
    return field


class LabelledInlineFormSet(BaseInlineFormSet):
    """Tabular inlines render their inputs in table cells without a <label>, and the column
    header alone says nothing about the row. Give every input a name that says which field of
    which row it is ("Positie van auteur 2"), for screen readers and voice control.

    row_labels (set by RowLabelledInline) maps field names to templates with "{n}" for the row
    number; the template also goes into data-row-label so static/js/lemma_editor.js can renumber
    rows added or removed in the browser (Django's inlines.js only renumbers id/name/for)."""

    row_labels = {}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The empty form is the hidden template row that JavaScript clones and then numbers.
        number = str(index + 1) if index is not None else _("(nieuw)")
        for name, template in self.row_labels.items():
            if name in form.fields:
                widget = form.fields[name].widget
                # A RelatedFieldWidgetWrapper's own attrs belong to the shared, uncopied widget.
                attrs = getattr(widget, "widget", widget).attrs
                attrs["data-row-label"] = template
                attrs["aria-label"] = template.replace("{n}", number)


class RowLabelledInline(admin.TabularInline):
    formset = LabelledInlineFormSet
    row_labels = {}  # field name -> label with %(n)s for the row number

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)  # a new class per call
        labels = {**self.row_labels, "DELETE": _("Verwijderen: %(item)s %(n)s")}
        formset.row_labels = {
            name: str(label) % {"n": "{n}", "item": self.verbose_name} for name, label in labels.items()
        }
        return formset


class LemmaAuthorInline(RowLabelledInline):
    model = LemmaAuthor
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = gettext_lazy("auteur")
    verbose_name_plural = gettext_lazy("auteurs (in volgorde)")
    row_labels = {
        "author": gettext_lazy("Auteur %(n)s"),
        "position": gettext_lazy("Positie van auteur %(n)s"),
    }

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["label"] = gettext_lazy("auteur")  # the model field has no Dutch verbose_name
        return with_placeholder(super().formfield_for_foreignkey(db_field, request, **kwargs), _("Zoek een auteur"))


class CrossReferenceInline(RowLabelledInline):
    """Cross-references set by hand. 'Vermelding' rows follow from the text and are kept in
    sync on save (lexicon.editorial.workflow.sync_mentions), so they are not edited here."""

    model = CrossReference
    fk_name = "source"
    autocomplete_fields = ["target"]
    extra = 0
    fields = ["target", "kind", "note"]
    verbose_name = gettext_lazy("kruisverwijzing")
    verbose_name_plural = gettext_lazy("kruisverwijzingen (zie ook)")
    row_labels = {
        "target": gettext_lazy("Kruisverwijzing %(n)s: naar lemma"),
        "kind": gettext_lazy("Soort van kruisverwijzing %(n)s"),
        "note": gettext_lazy("Toelichting bij kruisverwijzing %(n)s"),
    }

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(kind=CrossReference.Kind.MENTION)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [c for c in CrossReference.Kind.choices if c[0] != CrossReference.Kind.MENTION]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


def linking_lemmas(queryset):
    """[(lemma, [published lemmas that link to or mention it])] for the lemmas that have any."""
    pairs = [(lemma, editorial.linking_lemmas(lemma)) for lemma in queryset]
    return [(lemma, sources) for lemma, sources in pairs if sources]


class RelatedChoiceInline(RowLabelledInline):
    """Pin or hide lemmas under "Verwant" (otherwise computed from the texts, lexicon.reading.related)."""

    model = RelatedChoice
    fk_name = "lemma"
    autocomplete_fields = ["other"]
    extra = 0
    fields = ["other", "mode", "position"]
    verbose_name = gettext_lazy("keuze bij ‘Verwant’")
    verbose_name_plural = gettext_lazy("verwante lemma’s (vastzetten of verbergen)")
    row_labels = {
        "other": gettext_lazy("Verwant lemma %(n)s"),
        "mode": gettext_lazy("Keuze bij verwant lemma %(n)s"),
        "position": gettext_lazy("Volgorde van verwant lemma %(n)s"),
    }


@admin.register(Lemma)
class LemmaAdmin(VersionAdmin):
    form = LemmaAdminForm
    inlines = [LemmaAuthorInline, CrossReferenceInline, RelatedChoiceInline]
    list_display = ["title", "cluster", "order", "status_label", "published_at", "updated"]
    list_display_links = ["title"]
    list_filter = ["status", "cluster"]
    search_fields = ["title", "slug", "alternative_terms", "lead"]
    autocomplete_fields = ["cluster"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]
    actions = ["submit_for_review", "publish", "unpublish"]
    object_history_template = "admin/lexicon/lemma/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "subtitle", "cluster", "order"]}),
        (gettext_lazy("Tekst"), {"fields": ["lead", "body", "alternative_terms"]}),
        (gettext_lazy("Publicatie"), {"fields": ["status", "published_at", "change_note", "loaded_version"]}),
        (gettext_lazy("Review en wijzigingsnotitie"), {"fields": ["reviewer", "review_note", "edit_summary", "publish_at"]}),
    ]

    class Media:
        css = {"all": ["css/lemma_editor.css"]}  # status badges in the list

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return with_placeholder(field, _("Zoek een cluster")) if db_field.name == "cluster" else field

    def get_fieldsets(self, request, obj=None):
        if not editorial.can_publish(request.user):
            # Scheduling is publishing: only the hoofdredacteur sees "Publiceren op".
            return [(name, {**options, "fields": [f for f in options["fields"] if f != "publish_at"]})
                    for name, options in self.fieldsets]
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.is_published and editorial.can_publish(request.user) \
                and editorial.linking_lemmas(obj):
            # Unpublishing from the form asks for the same confirmation as the action.
            name, options = fieldsets[-1]
            fieldsets = [*fieldsets[:-1], (name, {**options, "fields": [*options["fields"], "confirm_unpublish"]})]
        return fieldsets

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_label(self, obj):
        return format_html('<span class="lemma-status lemma-status-{}">{}</span>', obj.status, obj.get_status_display())

    # --- permissions -------------------------------------------------------------------
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and editorial.may_edit(request.user, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not editorial.can_publish(request.user):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    # --- form and saving -----------------------------------------------------------------
    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        return type(base.__name__, (base,), {
            "user": request.user,
            "live_version": getattr(request, "_lemma_live_version", None),
        })

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == Lemma.Status.PUBLISHED and not editorial.can_publish(request.user):
            messages.info(request, _(
                "Dit lemma is gepubliceerd; alleen de hoofdredacteur kan het wijzigen. Vraag om het terug "
                "te zetten naar ‘concept’ als je het wilt bewerken."
            ))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if hasattr(request, "_lemma_form"):
            review_hooks.set_revision_comment(request._lemma_form, entry.get_change_message())
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if hasattr(request, "_lemma_form"):
            review_hooks.set_revision_comment(request._lemma_form, entry.get_change_message())
        return entry

    def save_model(self, request, obj, form, change):
        request._lemma_form = form  # for the history comment (log_change runs after the save)
        if not change:
            if obj.order is None:
                review.place_at_end_of_cluster(obj)
            obj.save()
            return
        loaded = form.cleaned_data.get("loaded_version")
        live = getattr(request, "_lemma_live_version", None)
        if live is None:
            editorial.save_lemma(obj, expected_version=loaded)
        else:  # restoring a revision: the reverted row carries the old version number
            editorial.save_lemma(obj, expected_version=obj.version, new_version=live + 1)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        editorial.sync_mentions(form.instance)
        scheduled = review_hooks.after_save(request, form)
        if scheduled:
            messages.info(request, scheduled)
        # After the inlines: the version's byline is the saved one. Without a public note of its
        # own, the editor's edit summary is offered as the change note.
        data = form.cleaned_data
        editorial.freeze_published(form.instance, data.get("change_note", "") or data.get("edit_summary", ""))
        if reversion.is_active():
            # Re-take the lemma with its final authors and references (bulk writes send no signals).
            reversion.add_to_revision(form.instance)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except editorial.EditConflict:
            # Another save won the race between our validation and our UPDATE; everything was
            # rolled back. Running the view again re-validates, so the form reports the conflict
            # and keeps the editor's text.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request._lemma_live_version = editorial.current_version(unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    # --- actions -----------------------------------------------------------------------
    def _set_status(self, request, queryset, status, done_message, note=""):
        changed = 0
        for lemma in queryset:
            try:
                editorial.set_status(lemma, status, request.user, note=note)
                changed += 1
            except PermissionError as exc:
                self.message_user(request, f"{lemma}: {exc}", messages.ERROR)
        if changed:
            self.message_user(request, done_message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Aanbieden voor review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset, Lemma.Status.REVIEW, _("%(count)s lemma('s) aangeboden voor review."))
        for lemma in queryset:
            if lemma.status == Lemma.Status.REVIEW:
                review.submit_for_review(lemma, request.user)

    @admin.action(description=gettext_lazy("Publiceren"))
    def publish(self, request, queryset):
        if not editorial.can_publish(request.user):
            raise PermissionDenied
        problems = review.publish_problems(list(queryset))
        if problems:
            for problem in problems:
                self.message_user(request, problem, messages.ERROR)
            self.message_user(request, _("Er is niets gepubliceerd: herstel eerst de links."), messages.ERROR)
            return None
        if "apply" not in request.POST:
            # A second step, as Django's delete action has: the public change note for the versions.
            return TemplateResponse(request, "admin/lexicon/lemma/publish_note.html", {
                **self.admin_site.each_context(request), "opts": Lemma._meta, "lemmas": queryset,
                "title": _("Publiceren met een wijzigingsnotitie"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            })
        note = " ".join(request.POST.get("change_note", "").split())[:1000]
        self._set_status(request, queryset, Lemma.Status.PUBLISHED, _("%(count)s lemma('s) gepubliceerd."), note=note)
        for lemma in queryset:
            review.close_requests(lemma)
            if lemma.status == Lemma.Status.PUBLISHED:
                review.record_summary(lemma, request.user, note)
        return None

    @admin.action(description=gettext_lazy("Depubliceren (terug naar concept)"))
    def unpublish(self, request, queryset):
        if not editorial.can_publish(request.user):
            raise PermissionDenied
        linked = linking_lemmas(queryset)
        if linked and request.POST.get("bevestigd") != "1":
            # Their links turn into plain text and their "Zie ook" loses the lemma: ask first.
            return TemplateResponse(request, "admin/lexicon/lemma/unpublish_confirm.html", {
                **self.admin_site.each_context(request), "opts": Lemma._meta, "linked": linked,
                "lemmas": list(queryset), "title": _("Depubliceren bevestigen"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            })
        self._set_status(request, queryset, Lemma.Status.DRAFT, _("%(count)s lemma('s) teruggezet naar concept."))

    # --- extra views: live preview and revision diff -----------------------------------
    def get_urls(self):
        extra = [
            path("voorbeeld/", self.admin_site.admin_view(self.preview_view), name="lexicon_lemma_preview"),
            path("<path:object_id>/history/vergelijk/", self.admin_site.admin_view(self.compare_view),
                 name="lexicon_lemma_compare"),
        ]
        return extra + super().get_urls()

    def preview_view(self, request):
        """Render POSTed Markdown exactly as the public page will (same renderer, same links)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        body = request.POST.get("body", "")
        if len(body) > MAX_BODY_CHARS:
            return HttpResponseBadRequest(_("De tekst is te lang voor een voorbeeld."))
        try:
            source_pk = int(request.POST.get("lemma") or 0) or None
        except ValueError:
            source_pk = None
        index = Lemma.objects.link_index()
        rendered = rendering.render_markdown(body, preprocess=wikilinks.preprocessor(index, source_pk=source_pk))
        problems = wikilinks.problems(body, index, source_pk=source_pk)
        return TemplateResponse(
            request, "admin/lexicon/lemma/preview.html", {"html": rendered.html, "problems": problems}
        )

    def history_view(self, request, object_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(Lemma, unquote(object_id)).select_related(
            "revision", "revision__user"
        )
        context = {"lemma_versions": versions, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        lemma = get_object_or_404(Lemma, pk=unquote(object_id))
        if not self.has_view_or_change_permission(request, lemma):
            raise PermissionDenied
        versions = Version.objects.get_for_object(lemma)
        try:
            old = versions.get(pk=int(request.GET.get("van", "")))
            new = versions.get(pk=int(request.GET.get("naar", "")))
        except (ValueError, Version.DoesNotExist):
            messages.error(request, _("Kies twee versies om te vergelijken."))
            return TemplateResponse(request, "admin/lexicon/lemma/compare.html", {
                **self.admin_site.each_context(request), "opts": Lemma._meta, "original": lemma,
                "title": _("Versies vergelijken"), "diffs": None,
            }, status=400)
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        return TemplateResponse(request, "admin/lexicon/lemma/compare.html", {
            **self.admin_site.each_context(request),
            "opts": Lemma._meta, "original": lemma, "title": _("Versies vergelijken: %s") % lemma.title,
            "old": old, "new": new, "diffs": revision_diff.compare(old, new),
            "restore_url": reverse("admin:lexicon_lemma_revision", args=[lemma.pk, old.pk]),
        })
