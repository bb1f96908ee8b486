"""The search page and the search API."""
from django.urls import path

from lexicon.search import api, views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("api/zoeken", api.search, name="api_search"),
    path("api/suggest", api.suggest_view, name="api_suggest"),
]
