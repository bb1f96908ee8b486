"""The search page. The search API (/api/zoeken, /api/suggest) is a router of the site's one
NinjaAPI (lexicon.search.api, added in lexicon.web.api)."""
from django.urls import path

from lexicon.search import health, views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("gezondheid/", health.health_page, name="health"),
]
