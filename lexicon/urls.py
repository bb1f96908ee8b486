"""Public URLs are the site's interface: keep them stable."""
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from . import download_views, suggestions, views
from .search import api as search_api
from .search import views as search_views
from .feeds import LemmaFeed
from .sitemaps import SITEMAPS


public = [
    path("", views.home, name="home"),
    path("lemma/<slug:slug>/", views.lemma_detail, name="lemma"),
    path("lemma/<slug:slug>/suggestie/", suggestions.suggest_for_lemma, name="suggest_lemma"),
    path("suggestie/", suggestions.suggest_general, name="suggest"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("a-z/", views.a_z, name="a_z"),
    path("auteurs/", views.author_list, name="authors"),
    path("auteurs/<slug:slug>/", views.author_detail, name="author"),
    path("over/", RedirectView.as_view(url="/over/inleiding/", permanent=False)),
    path("over/<slug:slug>/", views.page_detail, name="page"),
    path("bronnen/", views.source_list, name="sources"),
    path("bronnen/<slug:slug>/", views.source_detail, name="source"),
    path("zoeken/", search_views.search, name="search"),
    # Search API (issue 4); listed before the open-data API include.
    path("api/zoeken", search_api.search, name="api_search"),
    path("api/suggest", search_api.suggest_view, name="api_suggest"),
    # Open data (issue 6): API, citations, SKOS export.
    path("api/", include("lexicon.api.urls")),
    path("lemma/<slug:slug>/citeer.bib", download_views.cite_bibtex, name="cite_bibtex"),
    path("lemma/<slug:slug>/citeer.ris", download_views.cite_ris, name="cite_ris"),
    path("export/lexicon.ttl", download_views.skos_turtle, name="skos_turtle"),
    path("export/lexicon.jsonld", download_views.skos_jsonld, name="skos_jsonld"),
]

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include((public, "lexicon"))),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feed/", LemmaFeed(), name="lexicon_feed"),
]

handler404 = "lexicon.views.not_found"
handler500 = "lexicon.views.server_error"
