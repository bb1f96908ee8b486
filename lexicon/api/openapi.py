"""The OpenAPI 3.1 description of the API, written by hand and checked by tests/test_api.py
(spec validity, and every documented response validated against real responses)."""
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from ..models import CrossReference
from .pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE

SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(required if required is not None else properties),
    }


STRING = {"type": "string"}
NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
URL = {"type": "string", "format": "uri"}

SCHEMAS = {
    "Error": _obj({
        "fout": {"type": "string", "description": "Foutmelding in het Nederlands."},
        "status": {"type": "integer"},
    }),
    "ClusterRef": _obj({"slug": STRING, "name": STRING}),
    "AuthorRef": _obj({"slug": STRING, "name": STRING}),
    "LemmaRef": _obj({"slug": STRING, "title": STRING}),
    "LemmaLink": _obj({"slug": STRING, "title": STRING, "api_url": URL}),
    "LemmaSummary": _obj({
        "slug": STRING,
        "title": STRING,
        "subtitle": STRING,
        "cluster": _ref("ClusterRef"),
        "authors": {"type": "array", "items": _ref("AuthorRef")},
        "lead": {"type": "string", "description": "Inleiding; dient als definitie."},
        "order": {"type": "integer", "description": "Volgorde in het boek."},
        "published_at": NULLABLE_DATETIME,
        "updated": {"type": "string", "format": "date-time"},
        "url": URL,
        "api_url": URL,
    }),
    "LemmaDetail": {
        "allOf": [
            _ref("LemmaSummary"),
            _obj({
                "alternative_terms": {"type": "array", "items": STRING},
                "sections": {"type": "array", "items": _obj({"id": STRING, "title": STRING})},
                "body_markdown": STRING,
                "body_html": {"type": "string", "description": "Opgeschoonde HTML van de tekst."},
                "word_count": {"type": "integer", "minimum": 0},
                "see_also": {"type": "array", "items": _ref("LemmaRef")},
                "mentioned_in": {"type": "array", "items": _ref("LemmaRef")},
                "citation": _obj({"apa": STRING, "bibtex_url": URL, "ris_url": URL}),
            }),
        ]
    },
    "ClusterSummary": _obj({
        "slug": STRING,
        "name": STRING,
        "description": STRING,
        "order": {"type": "integer"},
        "lemma_count": {"type": "integer", "minimum": 0},
        "url": URL,
        "api_url": URL,
    }),
    "ClusterDetail": {
        "allOf": [
            _ref("ClusterSummary"),
            _obj({"lemmas": {"type": "array", "items": _ref("LemmaSummary")}}),
        ]
    },
    "AuthorSummary": _obj({
        "slug": STRING,
        "name": STRING,
        "sort_name": STRING,
        "affiliation": STRING,
        "lemma_count": {"type": "integer", "minimum": 1},
        "url": URL,
        "api_url": URL,
    }),
    "AuthorDetail": {
        "allOf": [
            _ref("AuthorSummary"),
            _obj({"bio": STRING, "lemmas": {"type": "array", "items": _ref("LemmaSummary")}}),
        ]
    },
    "CrossReference": _obj({
        "source": _ref("LemmaLink"),
        "target": _ref("LemmaLink"),
        "kind": {"type": "string", "enum": list(CrossReference.Kind.values)},
        "note": STRING,
    }),
}

PAGE_FIELDS = {
    "count": {"type": "integer", "minimum": 0, "description": "Totaal aantal resultaten."},
    "page": {"type": "integer", "minimum": 1},
    "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    "pages": {"type": "integer", "minimum": 1},
    "next": {"type": ["string", "null"], "format": "uri"},
    "previous": {"type": ["string", "null"], "format": "uri"},
}


def _page_of(item_schema):
    return _obj({**PAGE_FIELDS, "results": {"type": "array", "items": _ref(item_schema)}})


for _name in ("LemmaSummary", "ClusterSummary", "AuthorSummary", "CrossReference"):
    SCHEMAS[f"{_name.replace('Summary', '')}Page"] = _page_of(_name)

PARAMETERS = {
    "page": {
        "name": "page", "in": "query", "required": False,
        "description": "Paginanummer, vanaf 1. Een pagina voorbij de laatste geeft 404.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 999999999, "default": 1},
    },
    "per_page": {
        "name": "per_page", "in": "query", "required": False,
        "description": f"Aantal resultaten per pagina, 1 tot en met {MAX_PER_PAGE}.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
    },
    "slug": {
        "name": "slug", "in": "path", "required": True,
        "schema": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 200},
    },
}


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


BAD_REQUEST = _json("Ongeldige parameter (bijvoorbeeld page=abc of per_page=1000).", "Error")
NOT_FOUND = _json("Niet gevonden (of niet gepubliceerd), of een pagina voorbij de laatste.", "Error")


def _list(summary, description, page_schema, tag, extra_params=()):
    return {"get": {
        "summary": summary,
        "description": description,
        "tags": [tag],
        "parameters": [_ref_param("page"), _ref_param("per_page"), *extra_params],
        "responses": {"200": _json("Een pagina resultaten.", page_schema), "400": BAD_REQUEST, "404": NOT_FOUND},
    }}


def _detail(summary, schema, tag):
    return {"get": {
        "summary": summary,
        "tags": [tag],
        "parameters": [_ref_param("slug")],
        "responses": {"200": _json(summary, schema), "404": NOT_FOUND},
    }}


def _ref_param(name):
    return {"$ref": f"#/components/parameters/{name}"}


def _slug_filter(name, description):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 200}}


def _paths():
    paths = {
        "/api/lemmas/": _list(
            "Gepubliceerde lemma's", "In de volgorde van het boek.", "LemmaPage", "lemma's",
            [_slug_filter("cluster", "Alleen lemma's uit dit cluster (slug)."),
             _slug_filter("auteur", "Alleen lemma's van deze auteur (slug).")],
        ),
        "/api/lemmas/{slug}/": _detail("Eén lemma met tekst, verwijzingen en citeerwijze", "LemmaDetail", "lemma's"),
        "/api/clusters/": _list("Clusters", "De vier clusters van het lexicon.", "ClusterPage", "clusters"),
        "/api/clusters/{slug}/": _detail("Eén cluster met zijn lemma's", "ClusterDetail", "clusters"),
        "/api/auteurs/": _list(
            "Auteurs", "Auteurs met ten minste één gepubliceerd lemma, op achternaam.", "AuthorPage", "auteurs"
        ),
        "/api/auteurs/{slug}/": _detail("Eén auteur met zijn of haar lemma's", "AuthorDetail", "auteurs"),
        "/api/kruisverwijzingen/": _list(
            "Kruisverwijzingen", "Verwijzingen tussen gepubliceerde lemma's.", "CrossReferencePage",
            "kruisverwijzingen",
            [_slug_filter("lemma", "Alleen verwijzingen van of naar dit lemma (slug)."),
             {"name": "soort", "in": "query", "required": False, "description": "Soort verwijzing.",
              "schema": {"type": "string", "enum": list(CrossReference.Kind.values)}}],
        ),
    }
    paths.update(_search_paths())
    return paths


NULLABLE_STRING = {"type": ["string", "null"]}
SEARCH_SCHEMAS = {
    "SearchError": _obj({
        "fout": {"type": "string", "description": "Foutmelding in het Nederlands."},
        "status": {"type": "integer"},
        "results": {"type": "array", "maxItems": 0},
        "total": {"type": "integer"},
        "suggestion": {"type": "null"},
    }),
    "SearchHit": _obj({
        "title": STRING,
        "url": URL,
        "kind": STRING,
        "cluster": NULLABLE_STRING,
        "section": NULLABLE_STRING,
        "section_url": {"type": ["string", "null"], "format": "uri"},
        "sections": {"type": "array", "items": _obj({"title": STRING, "url": URL, "snippet": STRING})},
        "snippet": {"type": "string", "description": "HTML met <mark> rond de gevonden woorden."},
        "text": STRING,
        "score": {"type": "number"},
        "mention_only": {"type": "boolean",
                         "description": "Een lemma dat het woord alleen in de tekst noemt (niet in titel, inleiding of kopjes)."},
    }),
    "SearchPage": _obj({
        "query": STRING,
        "searched": {**NULLABLE_STRING,
                     "description": "De verbeterde zoekterm waarvoor de resultaten zijn, als de getypte (bijna) niets vond; anders null."},
        "relaxed": {"type": "boolean", "description": "Niet alle woorden gevonden: resultaten met de meeste woorden."},
        "fuzzy": {"type": "boolean", "description": "Ook woorden die op de gezochte lijken."},
        "total": {"type": "integer", "minimum": 0, "description": "Aantal resultaten van de getoonde soort (of alle)."},
        "counts": _obj({kind: {"type": "integer", "minimum": 0} for kind in ("lemma", "pagina", "bron")}),
        "kind": {"type": ["string", "null"], "enum": ["lemma", "pagina", "bron", None]},
        "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        "num_pages": {"type": "integer", "minimum": 1},
        "suggestion": {**NULLABLE_STRING, "description": "‘Bedoelde u…’-voorstel, of null."},
        "mentioned_in": {"type": "array", "description": "Geen lemma gaat over de zoekterm; deze noemen hem.",
                         "items": _obj({"title": STRING, "url": URL})},
        "results": {"type": "array", "items": _ref("SearchHit")},
    }),
    "Suggestions": _obj({
        "query": STRING,
        "suggestions": {"type": "array", "items": _obj({
            "label": STRING, "url": STRING, "kind": {"type": "string", "enum": ["lemma", "term", "synonym", "author", "word"]},
            "kind_label": STRING, "lemma": NULLABLE_STRING,
        })},
    }),
}


def _q(required):
    return {"name": "q", "in": "query", "required": required, "description": "Zoekterm.",
            "schema": {"type": "string", "maxLength": 500}}


def _search_paths():
    """The search engineer's endpoints (lexicon.search.api), described only if they are routed."""
    out = {}
    search_error = _json("Geen of een onbruikbare zoekterm.", "SearchError")
    try:
        reverse("lexicon:api_search")
    except NoReverseMatch:
        pass
    else:
        out["/api/zoeken"] = {"get": {
            "summary": "Zoeken in lemma's, secties en bronnen", "tags": ["zoeken"],
            "parameters": [
                _q(True),
                {"name": "cluster", "in": "query", "required": False, "schema": {"type": "string"},
                 "description": "Alleen dit cluster (slug); een onbekende waarde wordt genegeerd."},
                {"name": "auteur", "in": "query", "required": False, "schema": {"type": "string"},
                 "description": "Alleen deze auteur (slug); een onbekende waarde wordt genegeerd."},
                {"name": "soort", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["lemma", "pagina", "bron"]},
                 "description": "Alleen lemma's, pagina's (Over het lexicon) of bronnen; een onbekende waarde wordt genegeerd."},
                {"name": "precies", "in": "query", "required": False, "schema": {"type": "string", "enum": ["1"]},
                 "description": "1: zoek precies de getypte woorden, ook als die (bijna) niets vinden (geen verbetering)."},
                {"name": "page", "in": "query", "required": False,
                 "description": "Paginanummer; een ongeldige waarde geeft pagina 1, een te hoge de laatste.",
                 "schema": {"type": "integer", "minimum": 1}},
                {"name": "per_page", "in": "query", "required": False,
                 "description": f"Aantal resultaten per pagina, 1 tot en met {MAX_PER_PAGE}; anders 400.",
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 10}},
            ],
            "responses": {"200": _json("Een pagina zoekresultaten.", "SearchPage"), "400": search_error,
                          "405": _json("Alleen GET (en HEAD).", "SearchError")},
        }}
    try:
        reverse("lexicon:api_suggest")
    except NoReverseMatch:
        pass
    else:
        out["/api/suggest"] = {"get": {
            "summary": "Suggesties bij het typen", "tags": ["zoeken"],
            "parameters": [_q(False)],
            "responses": {"200": _json("Suggesties (leeg bij minder dan twee tekens).", "Suggestions"),
                          "400": search_error, "405": _json("Alleen GET (en HEAD).", "SearchError")},
        }}
    return out


def document():
    book = settings.LEXICON
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{book['TITLE']} – API",
            "version": "1.0.0",
            "description": (
                "Alleen-lezen JSON-API van het lexicon: gepubliceerde lemma's, clusters, auteurs en "
                "kruisverwijzingen. Lijsten zijn gepagineerd met ?page= en ?per_page= "
                f"(standaard {DEFAULT_PER_PAGE}, hoogstens {MAX_PER_PAGE}). Fouten zijn JSON met een "
                "Nederlandse melding in het veld ‘fout’."
            ),
            "license": {"name": "Zie het colofon van het lexicon", "url": f"{settings.SITE_URL}/over/colofon/"},
        },
        "servers": [{"url": "/"}],
        "paths": _paths(),
        "components": {"schemas": {**SCHEMAS, **SEARCH_SCHEMAS}, "parameters": PARAMETERS},
    }


def endpoint_summaries():
    """(path, summary, description) for the human-readable /api/ page."""
    return [
        (path_, op["get"]["summary"], op["get"].get("description", ""))
        for path_, op in document()["paths"].items()
    ]
