"""Open data as files: citations of a lemma, the SKOS export (the JSON API is assembled in lexicon.web.api)."""
from django.urls import path

from lexicon.opendata import downloads

urlpatterns = [
    path("lemma/<slug:slug>/citeer.bib", downloads.cite_bibtex, name="cite_bibtex"),
    path("lemma/<slug:slug>/citeer.ris", downloads.cite_ris, name="cite_ris"),
    path("export/lexicon.ttl", downloads.skos_turtle, name="skos_turtle"),
    path("export/lexicon.jsonld", downloads.skos_jsonld, name="skos_jsonld"),
]
