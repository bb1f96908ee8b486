"""The API's response shapes. The OpenAPI document is generated from these (django-ninja), and
every response is validated against them, so the document cannot drift from what is served."""
from datetime import datetime
from typing import List, Literal, Optional

from ninja import Field, Schema

from lexicon.content.models import CrossReference
from lexicon.opendata.api.pagination import MAX_PER_PAGE


class Error(Schema):
    fout: str = Field(description="Foutmelding in het Nederlands.")
    status: int


class ClusterRef(Schema):
    slug: str
    name: str


class AuthorRef(Schema):
    slug: str
    name: str


class LemmaRef(Schema):
    slug: str
    title: str


class LemmaLink(LemmaRef):
    api_url: str = Field(json_schema_extra={"format": "uri"})


class LemmaSummary(Schema):
    slug: str
    title: str
    subtitle: str
    cluster: ClusterRef
    authors: List[AuthorRef]
    lead: str = Field(description="Inleiding; dient als definitie.")
    order: int = Field(description="Volgorde in het boek.")
    published_at: Optional[datetime]
    updated: datetime
    url: str = Field(json_schema_extra={"format": "uri"})
    api_url: str = Field(json_schema_extra={"format": "uri"})


class SectionRef(Schema):
    id: str
    title: str


class Citation(Schema):
    apa: str
    bibtex_url: str = Field(json_schema_extra={"format": "uri"})
    ris_url: str = Field(json_schema_extra={"format": "uri"})


class LemmaDetail(LemmaSummary):
    alternative_terms: List[str]
    sections: List[SectionRef]
    body_markdown: str = Field(description="De tekst in Markdown zoals de pagina hem toont: links naar "
                                           "gepubliceerde lemma's als gewone Markdown-links, links naar "
                                           "niet-gepubliceerde lemma's als platte tekst.")
    body_html: str = Field(description="Opgeschoonde HTML van de tekst.")
    word_count: int = Field(ge=0)
    see_also: List[LemmaRef]
    mentioned_in: List[LemmaRef]
    citation: Citation


class ClusterSummary(Schema):
    slug: str
    name: str
    description: str
    order: int
    lemma_count: int = Field(ge=0)
    url: str = Field(json_schema_extra={"format": "uri"})
    api_url: str = Field(json_schema_extra={"format": "uri"})


class ClusterDetail(ClusterSummary):
    lemmas: List[LemmaSummary]


class AuthorSummary(Schema):
    slug: str
    name: str
    sort_name: str
    affiliation: str
    lemma_count: int = Field(ge=1)
    url: str = Field(json_schema_extra={"format": "uri"})
    api_url: str = Field(json_schema_extra={"format": "uri"})


class AuthorDetail(AuthorSummary):
    bio: str
    lemmas: List[LemmaSummary]


class CrossReferenceOut(Schema):
    source: LemmaLink
    target: LemmaLink
    kind: Literal[tuple(CrossReference.Kind.values)]  # type: ignore[valid-type]
    note: str

    model_config = {"title": "CrossReference"}


class _Page(Schema):
    count: int = Field(ge=0, description="Totaal aantal resultaten.")
    page: int = Field(ge=1)
    per_page: int = Field(ge=1, le=MAX_PER_PAGE)
    pages: int = Field(ge=1)
    next: Optional[str] = Field(json_schema_extra={"format": "uri"})
    previous: Optional[str] = Field(json_schema_extra={"format": "uri"})


class LemmaPage(_Page):
    results: List[LemmaSummary]


class ClusterPage(_Page):
    results: List[ClusterSummary]


class AuthorPage(_Page):
    results: List[AuthorSummary]


class CrossReferencePage(_Page):
    results: List[CrossReferenceOut]


class VersionSummary(Schema):
    number: int = Field(ge=1, description="Versienummer; versie 1 is de tekst uit het boek (2022).")
    title: str
    published_at: datetime
    note: str = Field(description="Openbare wijzigingsnotitie van de redactie.")
    url: str = Field(json_schema_extra={"format": "uri"}, description="Vast adres van deze versie.")
    api_url: str = Field(json_schema_extra={"format": "uri"})


class VersionList(Schema):
    lemma: LemmaRef
    count: int = Field(ge=0)
    results: List[VersionSummary]


class VersionCitation(Schema):
    apa: str
    bibtex: str
    ris: str


class VersionDetail(VersionSummary):
    lemma: LemmaRef
    subtitle: str
    authors: List[str]
    lead: str
    body_markdown: str
    body_html: str = Field(description="Opgeschoonde HTML van de tekst.")
    citation: VersionCitation
