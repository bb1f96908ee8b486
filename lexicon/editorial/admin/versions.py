"""Published versions in the admin: read-only copies; only the public change note may be corrected
(a typo in a note should not need a new version of the text)."""
from django.contrib import admin

from lexicon.content.models import LemmaVersion


@admin.register(LemmaVersion)
class LemmaVersionAdmin(admin.ModelAdmin):
    list_display = ["lemma", "number", "published_at", "note"]
    list_filter = ["lemma__cluster"]
    search_fields = ["title", "note"]
    ordering = ["-published_at", "-number"]
    fields = ["lemma", "number", "published_at", "title", "subtitle", "author_names", "lead", "body", "note"]
    readonly_fields = ["lemma", "number", "published_at", "title", "subtitle", "author_names", "lead", "body"]

    def has_add_permission(self, request):
        return False  # versions come from publishing only

    def has_delete_permission(self, request, obj=None):
        return False  # a cited version stays
