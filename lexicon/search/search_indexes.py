"""What goes into the search index: published lemmas, their sections, the Over-pages and the sources.

Field names are a contract with ``lexicon.search.backend`` (analysis and boosts per field) and
``lexicon.search.queries`` (filters, facets, result labels). Drafts never get in: every
``index_queryset`` is limited to published lemmas, and the signal processor removes a lemma's
documents as soon as it is no longer published.

Only what readers read is indexed (``lexicon.search.text``): editorial placeholders such as
"(De figuur is bij de digitalisering verloren gegaan ...)" and attribute markup ("{: #noot-vii }")
stay out of the index and so out of the snippets. The lead has its own field, weighted between
the alternative terms and the headings.
"""
from functools import lru_cache

from django.db.models.functions import Length
from haystack import indexes

from lexicon.content import sections
from lexicon.content.models import Lemma, LemmaSection, Page, Source, SourceSection
from lexicon.search.text import readable_markdown, readable_text

KIND_LEMMA = "lemma"
KIND_SECTION = "sectie"
KIND_SOURCE = "bron"
KIND_PAGE = "pagina"


@lru_cache(maxsize=64)
def _readable_sections(title, body):
    """anchor -> readable text of a lemma's sections (computed once per lemma body)."""
    return {s.anchor: s.text for s in sections.split_sections(title, readable_markdown(body))}


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
    lead = indexes.CharField(default="")
    # Groups a lemma's documents (the lemma and its sections) so they are replaced together.
    lemma_id = indexes.IntegerField(default=0)
    # A hash of everything else in the document (set by the backend): `reconcile_index` finds a
    # stale document by it, also when the change is beyond the stored snippet prefix.
    digest = indexes.CharField(indexed=False, default="")


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

    def build_costs(self, qs, pks):
        """pk -> work on the lemma in characters of text, for sharing a bulk build between
        processes (``lexicon.search.parallel``): body and lead one and a half times (the text
        field, and the spelling field's cheaper pass and postings; measured at 10,000 lemmas)."""
        rows = Lemma.objects.published().annotate(n=Length("body") + Length("lead")).values_list("pk", "n")
        return {pk: (n or 0) * 3 // 2 for pk, n in rows}

    def prepare(self, obj):
        data = super().prepare(obj)
        authors = obj.ordered_authors
        plain_body = readable_text(obj.body)
        plain_lead = readable_text(obj.lead)
        # The imported lead is the body's first paragraph: index it once, or snippets repeat it.
        lead = "" if plain_lead[:200] in plain_body else plain_lead
        data.update(
            # What readers read first, so snippets come from the text; the title, alternative terms
            # and authors (searchable, and shown elsewhere on the result) after it.
            text=_join(lead, plain_body, obj.title, obj.subtitle, obj.alternative_terms,
                       ", ".join(a.name for a in authors)),
            lead=_join(obj.subtitle, plain_lead),
            title=obj.title,
            kind=KIND_LEMMA,
            url=obj.get_absolute_url(),
            cluster=obj.cluster.slug,
            authors=[a.slug for a in authors],
            author_names=", ".join(a.name for a in authors),
            summary=(plain_lead or plain_body)[:400],
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

    def build_costs(self, qs, pks):
        """pk -> characters analysed for the section (``LemmaIndex.build_costs``)."""
        return {pk: n or 0 for pk, n in LemmaSection.objects.published().annotate(n=Length("text")).values_list("pk", "n")}

    def prepare(self, obj):
        data = super().prepare(obj)
        lemma = obj.lemma
        authors = lemma.ordered_authors
        text = _readable_sections(lemma.title, lemma.body).get(obj.anchor, obj.text)
        data.update(
            text=_join(obj.title, text),
            title=obj.title,
            kind=KIND_SECTION,
            url=obj.get_absolute_url() if obj.anchor else lemma.get_absolute_url(),
            cluster=lemma.cluster.slug,
            authors=[a.slug for a in authors],
            author_names=", ".join(a.name for a in authors),
            summary=text[:400],
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
        plain = readable_text(obj.body)
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


class PageIndex(_BaseIndex, indexes.Indexable):
    """The Over-pages (voorwoord, inleiding, colofon): the introduction defines *nabijheid*."""

    headings = indexes.CharField(default="")
    spelling = indexes.CharField(default="")

    def get_model(self):
        return Page

    def prepare(self, obj):
        data = super().prepare(obj)
        plain = readable_text(obj.body)
        data.update(
            text=_join(obj.title, obj.author_line, plain),
            title=obj.title,
            kind=KIND_PAGE,
            url=obj.get_absolute_url(),
            author_names=obj.author_line,
            summary=plain[:400],
            headings="\n".join(s.title for s in sections.split_sections(obj.title, obj.body) if s.anchor),
            spelling=_join(obj.title, obj.author_line, plain),
        )
        return data
