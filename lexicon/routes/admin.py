"""Routes in the admin at /beheer/: the route with its steps inline and in order, the lemmas'
publish rules (lexicon.routes.workflow) and their revision history (django-reversion)."""
import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.admin import VersionAdmin

from lexicon.editorial.admin.lemmas import RowLabelledInline, with_placeholder
from lexicon.routes import workflow
from lexicon.routes.forms import RouteAdminForm, RouteStepForm
from lexicon.routes.models import Route, RouteStep

# A route's history holds its steps, so a restore brings them back too.
reversion.register(RouteStep)
reversion.register(Route, follow=["steps"])


class RouteStepInline(RowLabelledInline):
    model = RouteStep
    form = RouteStepForm
    autocomplete_fields = ["lemma"]
    fields = ["order", "lemma", "section_anchor", "lemma_sections", "note", "question"]
    readonly_fields = ["lemma_sections"]
    extra = 1
    verbose_name = gettext_lazy("stap")
    verbose_name_plural = gettext_lazy("stappen (in volgorde)")
    row_labels = {
        "order": gettext_lazy("Volgorde van stap %(n)s"),
        "lemma": gettext_lazy("Lemma van stap %(n)s"),
        "section_anchor": gettext_lazy("Paragraaf van stap %(n)s"),
        "note": gettext_lazy("Inleiding bij stap %(n)s"),
        "question": gettext_lazy("Vraag bij stap %(n)s"),
    }

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return with_placeholder(field, _("Zoek een lemma")) if db_field.name == "lemma" else field

    @admin.display(description=gettext_lazy("paragrafen van het lemma"))
    def lemma_sections(self, step):
        """What the editor may type as the section, for a saved step (a new one says so on save)."""
        if not step or not step.lemma_id:
            return "–"
        titles = step.lemma.sections.exclude(anchor="").values_list("title", flat=True)
        return "; ".join(titles) or _("(geen paragrafen)")

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and workflow.may_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.may_edit(request.user, obj)


@admin.register(Route)
class RouteAdmin(VersionAdmin):
    form = RouteAdminForm
    inlines = [RouteStepInline]
    list_display = ["title", "kind", "audience", "step_count", "status_label", "short_url", "updated"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "slug", "audience", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["short_url"]
    actions = ["submit_for_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "audience", "introduction"]}),
        (gettext_lazy("Publicatie"), {"fields": ["status", "published_at", "short_url"]}),
    ]

    class Media:
        css = {"all": ["css/lemma_editor.css", "css/routes_admin.css"]}  # status badges; a narrower steps table
        # The lemma editor's script also names the inline rows and search pickers for screen readers.
        js = ["js/lemma_editor.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("steps")

    @admin.display(description=gettext_lazy("stappen"))
    def step_count(self, obj):
        return len(obj.steps.all())

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_label(self, obj):
        return format_html('<span class="lemma-status lemma-status-{}">{}</span>', obj.status, obj.get_status_display())

    @admin.display(description=gettext_lazy("kort adres"))
    def short_url(self, obj):
        if not obj or not obj.code:
            return _("(na opslaan)")
        return format_html('<a href="{}">{}</a>', obj.get_short_url(), obj.get_short_url())

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.may_edit(request.user, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.can_publish(request.user):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        return type(base.__name__, (base,), {"user": request.user})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.is_published and not workflow.can_publish(request.user):
            messages.info(request, _(
                "Deze leesroute is gepubliceerd; alleen de hoofdredacteur kan haar wijzigen."
            ))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Number the steps 1..n in the order the editor gave (ties by entry order); a step left at 0
        # (the empty row's default) goes at the end rather than before step 1.
        steps = sorted(form.instance.steps.all(), key=lambda step: (step.order == 0, step.order, step.pk))
        for number, step in enumerate(steps, start=1):
            if step.order != number:
                step.order = number
                step.save(update_fields=["order"])
        if reversion.is_active():
            reversion.add_to_revision(form.instance)

    # --- actions -----------------------------------------------------------------------
    def _set_status(self, request, queryset, status, done_message):
        changed = 0
        for route in queryset:
            try:
                workflow.set_status(route, status, request.user)
                changed += 1
            except PermissionError as exc:
                self.message_user(request, f"{route}: {exc}", messages.ERROR)
        if changed:
            self.message_user(request, done_message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Aanbieden voor review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset, Route.Status.REVIEW, _("%(count)s leesroute(s) aangeboden voor review."))

    @admin.action(description=gettext_lazy("Publiceren"))
    def publish(self, request, queryset):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        self._set_status(request, queryset, Route.Status.PUBLISHED, _("%(count)s leesroute(s) gepubliceerd."))

    @admin.action(description=gettext_lazy("Depubliceren (terug naar concept)"))
    def unpublish(self, request, queryset):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        self._set_status(request, queryset, Route.Status.DRAFT, _("%(count)s leesroute(s) teruggezet naar concept."))
