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
    body_markdown: str
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


class WorkOut(Schema):
    key: str = Field(description="Auteurs en jaar zoals geciteerd; ook het anker #lit-<key> op de lemmapagina.")
    authors: str
    cited_as: str = Field(description="Zoals de tekst citeert: ‘Engbersen & Sprinkhuizen’, ‘Britt et al.’.")
    year: str = Field(description="‘2019’, ‘2012a’, ‘te verschijnen’.")
    title: str
    publisher: str = Field(description="Uitgever, of tijdschrift met jaargang en nummer.")
    doi: str
    url: str
    complete: bool = Field(description="Onwaar: titel of vindplaats nog aan te vullen door de redactie.")
    cited_in: List["WorkCitation"]

    model_config = {"title": "Work"}


class WorkCitation(Schema):
    lemma: LemmaLink
    url: str = Field(json_schema_extra={"format": "uri"}, description="De ingang in de Literatuur van het lemma.")
    times: int = Field(ge=0, description="Hoe vaak de tekst het werk citeert (0: alleen in de literatuurlijst).")
    sentences: List[str] = Field(description="De zinnen die het werk citeren.")


WorkOut.model_rebuild()


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
# --- Reading paths (leesroutes, lexicon.routes) -------------------------------------------

class RouteSection(Schema):
    id: str = Field(description="Anker van de paragraaf op de lemmapagina.")
    title: str


class RouteStepOut(Schema):
    number: int = Field(ge=1, description="Stapnummer, vanaf 1; alleen stappen met een gepubliceerd lemma tellen.")
    lemma: LemmaLink
    section: Optional[RouteSection] = Field(description="De paragraaf van deze stap; null: het hele lemma.")
    note: str = Field(description="Korte inleiding bij de stap.")
    question: str = Field(description="Vraag bij de stap.")
    url: str = Field(json_schema_extra={"format": "uri"}, description="Het lemma binnen de route (‘stap 2 van 6’).")
    text_url: str = Field(json_schema_extra={"format": "uri"}, description="Het lemma of de paragraaf zelf.")

    model_config = {"title": "RouteStep"}


class RouteSummary(Schema):
    slug: str
    title: str
    kind: Literal["cursus", "thema"]
    audience: str = Field(description="Voor welke cursus of groep.")
    introduction: str = Field(description="Inleiding (Markdown).")
    step_count: int = Field(ge=0)
    published_at: Optional[datetime]
    updated: datetime
    url: str = Field(json_schema_extra={"format": "uri"})
    short_url: str = Field(json_schema_extra={"format": "uri"}, description="Kort adres om aan studenten te geven.")
    api_url: str = Field(json_schema_extra={"format": "uri"})


class RouteReadingList(Schema):
    apa: List[str] = Field(description="APA-verwijzingen van de lemma's van de route, in APA-volgorde.")
    text_url: str = Field(json_schema_extra={"format": "uri"})
    ris_url: str = Field(json_schema_extra={"format": "uri"})
    bibtex_url: str = Field(json_schema_extra={"format": "uri"})


class RouteDetail(RouteSummary):
    introduction_html: str = Field(description="Opgeschoonde HTML van de inleiding.")
    reader_url: str = Field(json_schema_extra={"format": "uri"}, description="De hele route op één pagina.")
    steps: List[RouteStepOut]
    reading_list: RouteReadingList


class RoutePage(_Page):
    results: List[RouteSummary]
class WorkPage(_Page):
    results: List[WorkOut]
