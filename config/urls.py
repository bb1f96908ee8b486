"""The project's URLs: the admin at /beheer/, the public site (namespace ``lexicon``), sitemap and feed.

Public URLs are the site's interface: keep them stable.
"""
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from lexicon.opendata.feeds import LemmaFeed
from lexicon.opendata.sitemaps import SITEMAPS

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include(("lexicon.web.urls", "lexicon"))),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feed/", LemmaFeed(), name="lexicon_feed"),
]

handler404 = "lexicon.web.views.not_found"
handler500 = "lexicon.web.views.server_error"
