"""Atom feed of new and changed lemmas (most recently changed first)."""
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from lexicon.content.models import Lemma

FEED_SIZE = 30


class LemmaFeed(Feed):
    feed_type = Atom1Feed
    title = _("Lexicon nabijheid en sociaal werk: nieuwe en gewijzigde lemma’s")
    subtitle = _("Lemma’s die zijn toegevoegd of bijgewerkt, het laatst gewijzigde eerst.")
    language = "nl"

    def link(self):
        return reverse("lexicon:home")

    def author_name(self):
        return settings.LEXICON["PUBLISHER"]

    def items(self):
        return Lemma.objects.published().for_listing().order_by("-updated", "-pk")[:FEED_SIZE]

    def item_title(self, lemma):
        return lemma.title + (f": {lemma.subtitle}" if lemma.subtitle else "")

    def item_description(self, lemma):
        return lemma.lead

    def item_link(self, lemma):
        return lemma.get_absolute_url()

    def item_pubdate(self, lemma):
        return lemma.published_at or lemma.created

    def item_updateddate(self, lemma):
        return lemma.updated

    def item_author_name(self, lemma):
        return ", ".join(a.name for a in lemma.ordered_authors) or None

    def item_categories(self, lemma):
        return [lemma.cluster.name]
