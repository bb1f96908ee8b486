"""sitemap.xml: every public page a search engine should know, lemmas with their last change."""
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from lexicon.content.models import Author, Cluster, Lemma, LemmaVersion, Page, Source
from lexicon.content.models.versions import with_last_change
from lexicon.routes.models import Route


class LemmaSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self):
        return with_last_change(Lemma.objects.published().order_by("order", "pk").only("slug", "published_at"))

    def lastmod(self, lemma):
        return lemma.last_change


class LemmaVersionSitemap(Sitemap):
    """The permanent pages of published versions: they never change once written."""

    changefreq = "never"
    priority = 0.3

    def items(self):
        return LemmaVersion.objects.public().select_related("lemma").only(
            "number", "published_at", "lemma__slug").order_by("lemma__order", "number")

    def lastmod(self, version):
        return version.published_at


class ClusterSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return Cluster.objects.all()


class AuthorSitemap(Sitemap):
    priority = 0.4

    def items(self):
        # Authors without published lemmas are 404 to the public; leave them out.
        return Author.objects.with_published_lemmas().order_by("sort_name", "pk")


class PageSitemap(Sitemap):
    priority = 0.5

    def items(self):
        return Page.objects.all()

    def lastmod(self, page):
        return page.updated


class SourceSitemap(Sitemap):
    priority = 0.4

    def items(self):
        return Source.objects.all()


class RouteSitemap(Sitemap):
    """Published reading paths (lexicon.routes); their printable readers are left out (noindex)."""

    priority = 0.6

    def items(self):
        return Route.objects.published().order_by("title", "pk").only("slug", "updated")

    def lastmod(self, route):
        return route.updated


class StaticSitemap(Sitemap):
    priority = 0.7

    def items(self):
        return ["lexicon:home", "lexicon:a_z", "lexicon:authors", "lexicon:sources", "lexicon:routes",
                "lexicon:literature", "lexicon:api_index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "lemmas": LemmaSitemap,
    "versies": LemmaVersionSitemap,
    "clusters": ClusterSitemap,
    "auteurs": AuthorSitemap,
    "paginas": PageSitemap,
    "bronnen": SourceSitemap,
    "leesroutes": RouteSitemap,
    "overzichten": StaticSitemap,
}
