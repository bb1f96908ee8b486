"""Readers' suggestion forms (public; moderated in the admin)."""
from django.urls import path

from lexicon.editorial.suggestions import views

urlpatterns = [
    path("lemma/<slug:slug>/suggestie/", views.suggest_for_lemma, name="suggest_lemma"),
    path("suggestie/", views.suggest_general, name="suggest"),
]
