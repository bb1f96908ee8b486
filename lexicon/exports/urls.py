"""The book as files and the offline web app (included by lexicon.web.urls, namespace ``lexicon``)."""
from django.urls import path

from lexicon.exports import views
from lexicon.exports.offline import views as offline

urlpatterns = [
    path("export/lexicon.pdf", views.book_pdf, name="export_pdf"),
    path("export/lexicon.epub", views.book_epub, name="export_epub"),
    path("lemma/<slug:slug>/pdf/", views.lemma_pdf, name="lemma_pdf"),
    path("leesroutes/<slug:slug>/pdf/", views.route_pdf, name="route_pdf"),
    path("manifest.webmanifest", offline.manifest, name="webmanifest"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("offline/", offline.search_page, name="offline_search"),
    path("offline/index.json", offline.index_json, name="offline_index"),
    path("offline/versie.json", offline.version_json, name="offline_version"),
]
