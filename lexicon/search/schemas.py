"""Response shapes of the search API (django-ninja generates the OpenAPI document from them and
validates every response against them)."""
from typing import Dict, List, Literal, Optional

from ninja import Field, Schema

from lexicon.search.queries import MAX_PER_PAGE


class SectionHit(Schema):
    title: str
    url: str = Field(json_schema_extra={"format": "uri"})
    snippet: str


class SearchHit(Schema):
    title: str = Field(description="Voor een hoofdstuk van een bron: ‘Boek — hoofdstuk’.")
    url: str = Field(json_schema_extra={"format": "uri"})
    kind: Literal["lemma", "pagina", "bron"]
    cluster: Optional[str]
    section: Optional[str] = Field(description="De best passende sectie van een lemma, of null.")
    section_url: Optional[str] = Field(json_schema_extra={"format": "uri"})
    sections: List[SectionHit]
    snippet: str = Field(description="HTML met <mark> rond de gevonden woorden.")
    text: str = Field(description="Het fragment als platte tekst.")
    score: float
    mention_only: bool = Field(description="Een lemma dat het woord alleen in de tekst noemt "
                                           "(niet in titel, andere termen, inleiding of kopjes).")


class MentionedIn(Schema):
    title: str
    url: str = Field(json_schema_extra={"format": "uri"})


class SearchPage(Schema):
    query: str
    searched: Optional[str] = Field(description="De verbeterde zoekterm waarvoor de resultaten zijn, als de "
                                                "getypte (bijna) niets vond; anders null.")
    relaxed: bool = Field(description="Niet alle woorden gevonden: resultaten met de meeste woorden.")
    fuzzy: bool = Field(description="Ook woorden die op de gezochte lijken.")
    total: int = Field(ge=0, description="Aantal resultaten van de gevraagde soort (zonder soort: alle).")
    counts: Dict[str, int] = Field(description="Aantal resultaten per soort: lemma, pagina, bron.")
    kind: Optional[Literal["lemma", "pagina", "bron"]]
    page: int = Field(ge=1)
    per_page: int = Field(ge=1, le=MAX_PER_PAGE)
    num_pages: int = Field(ge=1)
    suggestion: Optional[str] = Field(description="‘Bedoelde u…’-voorstel, of null.")
    mentioned_in: List[MentionedIn] = Field(description="Geen lemma gaat over de zoekterm; deze lemma's noemen hem.")
    results: List[SearchHit]


class Suggestion(Schema):
    label: str
    url: str
    kind: Literal["lemma", "term", "synonym", "author", "word"]
    kind_label: str
    lemma: Optional[str]


class Suggestions(Schema):
    query: str
    suggestions: List[Suggestion]
