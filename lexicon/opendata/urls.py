"""Open data: the JSON API, citations of a lemma, the SKOS export."""
from django.urls import include, path

from lexicon.opendata import downloads

urlpatterns = [
    path("api/", include("lexicon.opendata.api.urls")),
    path("lemma/<slug:slug>/citeer.bib", downloads.cite_bibtex, name="cite_bibtex"),
    path("lemma/<slug:slug>/citeer.ris", downloads.cite_ris, name="cite_ris"),
    path("export/lexicon.ttl", downloads.skos_turtle, name="skos_turtle"),
    path("export/lexicon.jsonld", downloads.skos_jsonld, name="skos_jsonld"),
]
