"""API routes; included under /api/ in the public (``lexicon:``) namespace.

Detail routes take any path segment so that a malformed slug still gets a JSON 404.
"""
from django.urls import path

from lexicon.opendata.api import views

urlpatterns = [
    path("", views.index, name="api_index"),
    path("openapi.json", views.openapi_json, name="api_openapi"),
    path("lemmas/", views.lemma_list, name="api_lemmas"),
    path("lemmas/<path:slug>/", views.lemma_detail, name="api_lemma"),
    path("clusters/", views.cluster_list, name="api_clusters"),
    path("clusters/<path:slug>/", views.cluster_detail, name="api_cluster"),
    path("auteurs/", views.author_list, name="api_authors"),
    path("auteurs/<path:slug>/", views.author_detail, name="api_author"),
    path("kruisverwijzingen/", views.cross_reference_list, name="api_cross_references"),
]
