"""The project's URLs: the admin at /beheer/, the public site (namespace ``lexicon``), sitemap and feed.

Public URLs are the site's interface: keep them stable.
"""
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from lexicon.editorial.review.views import guest_view
from lexicon.opendata.feeds import LemmaFeed
from lexicon.opendata.sitemaps import SITEMAPS

urlpatterns = [
    # The editors' dashboard and review pages, inside the admin's URL space (before its catch-all).
    path("beheer/redactie/", include("lexicon.editorial.review.urls")),
    path("beheer/", admin.site.urls),
    # An outside reviewer's invitation link: never cached, never indexed, not in the sitemap.
    path("meelezen/<str:token>/", guest_view, name="review_guest"),
    path("", include(("lexicon.web.urls", "lexicon"))),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feed/", LemmaFeed(), name="lexicon_feed"),
]

handler404 = "lexicon.web.views.not_found"
handler500 = "lexicon.web.views.server_error"
