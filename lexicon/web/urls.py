"""The public site's URLs (namespace ``lexicon``): the reading pages here, and the URLs of the
search, open-data and suggestion packages, included without a namespace of their own so every
name stays ``lexicon:<name>``."""
from django.urls import include, path
from django.views.generic import RedirectView

from lexicon.web import sources, versions, views

urlpatterns = [
    path("", views.home, name="home"),
    path("lemma/<slug:slug>/", views.lemma_detail, name="lemma"),
    path("lemma/<slug:slug>/versies/", versions.version_list, name="lemma_versions"),
    path("lemma/<slug:slug>/versies/<int:number>/", versions.version_detail, name="lemma_version"),
    path("lemma/<slug:slug>/versies/<int:number>/wijzigingen/", versions.version_diff, name="lemma_version_diff"),
    path("lemma/<slug:slug>/versies/<int:number>/citeer.bib", versions.version_bibtex, name="lemma_version_bibtex"),
    path("lemma/<slug:slug>/versies/<int:number>/citeer.ris", versions.version_ris, name="lemma_version_ris"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("a-z/", views.a_z, name="a_z"),
    path("auteurs/", views.author_list, name="authors"),
    path("auteurs/<slug:slug>/", views.author_detail, name="author"),
    path("over/", RedirectView.as_view(url="/over/inleiding/", permanent=False)),
    path("over/<slug:slug>/", views.page_detail, name="page"),
    path("bronnen/", views.source_list, name="sources"),
    path("bronnen/<slug:slug>/", sources.source_detail, name="source"),
    path("bronnen/<slug:slug>/<slug:anchor>/", sources.source_chapter, name="source_chapter"),
    path("", include("lexicon.editorial.suggestions.urls")),
    path("", include("lexicon.routes.urls")),
    path("", include("lexicon.literature.urls")),
    # The search API comes before the open-data API, whose /api/ include would otherwise answer it.
    path("", include("lexicon.search.urls")),
    path("", include("lexicon.opendata.urls")),
    path("", include("lexicon.exports.urls")),
    path("api/", include("lexicon.web.api")),
]
