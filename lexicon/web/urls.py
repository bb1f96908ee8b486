"""The public site's URLs (namespace ``lexicon``): the reading pages here, and the URLs of the
search, open-data and suggestion packages, included without a namespace of their own so every
name stays ``lexicon:<name>``."""
from django.urls import include, path
from django.views.generic import RedirectView

from lexicon.web import views

urlpatterns = [
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
    path("", include("lexicon.editorial.suggestions.urls")),
    path("", include("lexicon.literature.urls")),
    # The search API comes before the open-data API, whose /api/ include would otherwise answer it.
    path("", include("lexicon.search.urls")),
    path("", include("lexicon.opendata.urls")),
    path("api/", include("lexicon.web.api")),
]
