"""What goes into the search index: published lemmas, their sections, and the sources ("Bronnen").

Field names are a contract with ``lexicon.search.backend`` (analysis and boosts per field) and
``lexicon.search.queries`` (filters, facets, result labels). Drafts never get in: every
``index_queryset`` is limited to published lemmas, and the signal processor removes a lemma's
documents as soon as it is no longer published.
"""
from haystack import indexes

from lexicon.content import rendering, sections
from lexicon.content.models import Lemma, LemmaSection, Source, SourceSection

KIND_LEMMA = "lemma"
KIND_SECTION = "sectie"
KIND_SOURCE = "bron"


def _join(*parts):
    return "\n".join(p for p in parts if p)


class _BaseIndex(indexes.SearchIndex):
    text = indexes.CharField(document=True)
    title = indexes.CharField()
    kind = indexes.CharField(faceted=True)  # facet counts per kind give the paging totals
    url = indexes.CharField(indexed=False)
    # Facets and filters: slugs; names are looked up for display.
    cluster = indexes.CharField(faceted=True, default="")
    authors = indexes.MultiValueField(faceted=True, default=list)
    author_names = indexes.CharField(default="")
    summary = indexes.CharField(indexed=False, default="")
    # Groups a lemma's documents (the lemma and its sections) so they are replaced together.
    lemma_id = indexes.IntegerField(default=0)


class LemmaIndex(_BaseIndex, indexes.Indexable):
    alternative_terms = indexes.CharField(model_attr="alternative_terms", default="")
    headings = indexes.CharField(default="")
    spelling = indexes.CharField(default="")

    def get_model(self):
        return Lemma

    def index_queryset(self, using=None):
        return Lemma.objects.published().for_listing().prefetch_related("sections")

    def read_queryset(self, using=None):
        return Lemma.objects.published().select_related("cluster")

    def prepare(self, obj):
        data = super().prepare(obj)
        authors = obj.ordered_authors
        plain_body = rendering.plain_text(obj.body)
        # The imported lead is the body's first paragraph: index it once, or snippets repeat it.
        lead = "" if rendering.plain_text(obj.lead)[:200] in plain_body else obj.lead
        data.update(
            text=_join(obj.title, obj.subtitle, obj.alternative_terms, ", ".join(a.name for a in authors),
                       lead, plain_body),
            title=obj.title,
            kind=KIND_LEMMA,
            url=obj.get_absolute_url(),
            cluster=obj.cluster.slug,
            authors=[a.slug for a in authors],
            author_names=", ".join(a.name for a in authors),
            summary=(obj.lead or plain_body)[:400],
            lemma_id=obj.pk,
            headings="\n".join(s.title for s in obj.sections.all() if s.anchor),
            spelling=_join(obj.title, obj.subtitle, obj.alternative_terms, ", ".join(a.name for a in authors),
                           lead, plain_body),
        )
        return data


class LemmaSectionIndex(_BaseIndex, indexes.Indexable):
    lemma_title = indexes.CharField(indexed=False, default="")
    anchor = indexes.CharField(indexed=False, default="")

    def get_model(self):
        return LemmaSection

    def index_queryset(self, using=None):
        # rebuild_index must work right after a raw `loaddata` or bulk import: derive sections
        # for published lemmas that have none yet (saves keep them in step otherwise).
        sections.sync_all_sections(Lemma.objects.published().filter(sections__isnull=True))
        return (
            LemmaSection.objects.published()
            .select_related("lemma__cluster")
            .prefetch_related("lemma__lemma_authors__author")
        )

    def prepare(self, obj):
        data = super().prepare(obj)
        lemma = obj.lemma
        authors = lemma.ordered_authors
        data.update(
            text=_join(obj.title, obj.text),
            title=obj.title,
            kind=KIND_SECTION,
            url=obj.get_absolute_url() if obj.anchor else lemma.get_absolute_url(),
            cluster=lemma.cluster.slug,
            authors=[a.slug for a in authors],
            author_names=", ".join(a.name for a in authors),
            summary=obj.text[:400],
            lemma_id=lemma.pk,
            lemma_title=lemma.title,
            anchor=obj.anchor,
        )
        return data


class SourceIndex(_BaseIndex, indexes.Indexable):
    spelling = indexes.CharField(default="")

    def get_model(self):
        return Source

    def prepare(self, obj):
        data = super().prepare(obj)
        data.update(
            text=_join(obj.title, obj.authors, obj.publisher, obj.description),
            title=obj.title,
            kind=KIND_SOURCE,
            url=obj.get_absolute_url(),
            author_names=obj.authors,
            summary=obj.description[:400],
            spelling=_join(obj.title, obj.authors, obj.description),
        )
        return data


class SourceSectionIndex(_BaseIndex, indexes.Indexable):
    source_title = indexes.CharField(indexed=False, default="")
    spelling = indexes.CharField(default="")

    def get_model(self):
        return SourceSection

    def index_queryset(self, using=None):
        return SourceSection.objects.select_related("source")

    def prepare(self, obj):
        data = super().prepare(obj)
        plain = rendering.plain_text(obj.body)
        data.update(
            text=_join(obj.title, plain),
            title=obj.title,
            kind=KIND_SOURCE,
            url=obj.get_absolute_url(),
            author_names=obj.source.authors,
            summary=plain[:400],
            source_title=obj.source.title,
            spelling=_join(obj.title, plain),
        )
        return data
