"""Synonyms in the admin (/beheer/): editors keep the list, searches use it at once."""
from django.contrib import admin

from lexicon.search.models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["__str__", "lemma", "note", "updated"]
    list_filter = [("lemma", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["terms", "note", "lemma__title"]
    autocomplete_fields = ["lemma"]
    fields = ["terms", "lemma", "note"]
