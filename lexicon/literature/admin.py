"""Editors complete the cited works at /beheer/: search by author or title, filter 'onvolledig'."""
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from lexicon.literature.models import INCOMPLETE_Q, Citation, Work


class CompletenessFilter(admin.SimpleListFilter):
    title = _("volledigheid")
    parameter_name = "volledig"

    def lookups(self, request, model_admin):
        return [("nee", _("onvolledig")), ("ja", _("volledig"))]

    def queryset(self, request, queryset):
        if self.value() == "nee":
            return queryset.filter(INCOMPLETE_Q)
        if self.value() == "ja":
            return queryset.exclude(INCOMPLETE_Q)
        return queryset


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["lemma", "times", "in_reference_list", "sentences"]
    readonly_fields = ["lemma", "times", "in_reference_list", "sentences"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = ["cited_as", "year", "title", "publisher", "is_complete", "lemma_count"]
    list_filter = [CompletenessFilter, "citations__in_reference_list"]
    search_fields = ["authors", "cited_as", "title", "publisher", "year", "doi", "key", "citations__lemma__title"]
    readonly_fields = ["key"]
    fieldsets = [
        (None, {"fields": ["authors", "cited_as", "year", "title", "publisher", "doi", "url", "note"]}),
        (_("Koppeling"), {"fields": ["key"], "description": _("Het anker op de lemmapagina (#lit-…); wijzigt niet.")}),
    ]
    inlines = [CitationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # 'www.wrr.nl' -> https://

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(lemma_total=Count("citations", distinct=True))

    @admin.display(boolean=True, description=_("volledig"))
    def is_complete(self, obj):
        return obj.complete

    @admin.display(description=_("lemma's"), ordering="lemma_total")
    def lemma_count(self, obj):
        return obj.lemma_total


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["work", "lemma", "times", "in_reference_list"]
    list_filter = ["in_reference_list", "lemma__cluster"]
    search_fields = ["work__cited_as", "work__title", "lemma__title"]
    autocomplete_fields = ["lemma", "work"]
