"""The moderation queue of readers' suggestions: nothing a reader sends is published automatically."""
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import ngettext

from lexicon.editorial.suggestions.models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """Moderation queue: nothing a reader sends is published automatically."""

    list_display = ["created", "about", "short_text", "name", "status"]
    list_filter = ["status", "created"]
    search_fields = ["text", "proposed_title", "name", "email", "lemma__title"]
    readonly_fields = ["lemma", "proposed_title", "text", "name", "email", "created"]
    fields = ["created", "lemma", "proposed_title", "text", "name", "email", "status", "editor_note"]
    actions = ["mark_accepted", "mark_rejected"]
    list_select_related = ["lemma"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=gettext_lazy("over"))
    def about(self, obj):
        return obj.lemma or obj.proposed_title or _("(nieuw lemma)")

    @admin.display(description=gettext_lazy("suggestie"))
    def short_text(self, obj):
        return obj.text[:120] + ("…" if len(obj.text) > 120 else "")

    def _mark(self, request, queryset, status):
        count = queryset.update(status=status)
        self.message_user(request, ngettext(
            "%(count)d suggestie gemarkeerd als ‘%(status)s’.", "%(count)d suggesties gemarkeerd als ‘%(status)s’.", count
        ) % {"count": count, "status": Suggestion.Status(status).label}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Markeren als overgenomen"), permissions=["change"])
    def mark_accepted(self, request, queryset):
        self._mark(request, queryset, Suggestion.Status.ACCEPTED)

    @admin.action(description=gettext_lazy("Markeren als afgewezen"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._mark(request, queryset, Suggestion.Status.REJECTED)
