"""Public URLs are the site's interface: keep them stable."""
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import views


public = [
    path("", views.home, name="home"),
    path("lemma/<slug:slug>/", views.lemma_detail, name="lemma"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("a-z/", views.a_z, name="a_z"),
    path("auteurs/", views.author_list, name="authors"),
    path("auteurs/<slug:slug>/", views.author_detail, name="author"),
    path("over/", RedirectView.as_view(url="/over/inleiding/", permanent=False)),
    path("over/<slug:slug>/", views.page_detail, name="page"),
    path("bronnen/", views.source_list, name="sources"),
    path("bronnen/<slug:slug>/", views.source_detail, name="source"),
    path("zoeken/", views.search_placeholder, name="search"),
]

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include((public, "lexicon"))),
]

handler404 = "lexicon.views.not_found"
handler500 = "lexicon.views.server_error"
