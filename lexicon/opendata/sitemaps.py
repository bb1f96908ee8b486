"""sitemap.xml: every public page a search engine should know, lemmas with their last change."""
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from lexicon.content.models import Author, Cluster, Lemma, Page, Source


class LemmaSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self):
        return Lemma.objects.published().order_by("order", "pk").only("slug", "updated")

    def lastmod(self, lemma):
        return lemma.updated


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


class StaticSitemap(Sitemap):
    priority = 0.7

    def items(self):
        return ["lexicon:home", "lexicon:a_z", "lexicon:authors", "lexicon:sources", "lexicon:literature", "lexicon:api_index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "lemmas": LemmaSitemap,
    "clusters": ClusterSitemap,
    "auteurs": AuthorSitemap,
    "paginas": PageSitemap,
    "bronnen": SourceSitemap,
    "overzichten": StaticSitemap,
}
