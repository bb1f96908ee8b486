"""Admin of what surrounds the lemmas: clusters, authors, the Over-pages, sources, old slugs and
cross-references as a list."""
from django.contrib import admin
from django.utils.translation import gettext_lazy

from lexicon.content.models import Author, Cluster, CrossReference, Page, SlugRedirect, Source, SourceSection


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "sort_name", "affiliation", "is_editor"]
    list_filter = ["is_editor"]
    search_fields = ["name", "sort_name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name"]}),
        (gettext_lazy("Op de auteurspagina"), {
            "fields": ["affiliation", "bio", "is_editor"],
            "description": gettext_lazy(
                "Optioneel. De affiliatie (bijvoorbeeld ‘lector Sociale Nabijheid, Hogeschool van Amsterdam’) en een "
                "korte bio van een paar zinnen staan op de openbare auteurspagina. ‘Lid van de redactie’ komt uit het "
                "colofon van het boek (fixtures/editors.tsv)."),
        }),
    ]


class SourceSectionInline(admin.StackedInline):
    model = SourceSection
    extra = 0


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "order", "updated"]
    search_fields = ["title", "body"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "authors", "year"]
    search_fields = ["title", "authors"]
    inlines = [SourceSectionInline]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "lemma", "created"]
    search_fields = ["old_slug", "lemma__title"]
    autocomplete_fields = ["lemma"]


@admin.register(CrossReference)
class CrossReferenceAdmin(admin.ModelAdmin):
    list_display = ["source", "target", "kind"]
    list_filter = ["kind"]
    search_fields = ["source__title", "target__title"]
    autocomplete_fields = ["source", "target"]
