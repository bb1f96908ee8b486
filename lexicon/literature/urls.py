"""URLs of the literature pages (included by lexicon.web.urls, names ``lexicon:literature...``)."""
from django.urls import path

from lexicon.literature import views

urlpatterns = [
    path("literatuur/", views.work_list, name="literature"),
    path("lemma/<slug:slug>/literatuur.bib", views.lemma_bibtex, name="literature_bibtex"),
    path("lemma/<slug:slug>/literatuur.ris", views.lemma_ris, name="literature_ris"),
]
