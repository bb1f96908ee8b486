"""Atom feed of new and changed lemmas: one entry per lemma, dated by its latest published version
(a save that publishes nothing new is no change to a reader), with that version's public change note."""
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from lexicon.content.models import Lemma, LemmaVersion
from lexicon.content.models.versions import with_last_change

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
        lemmas = list(with_last_change(Lemma.objects.published().for_listing()).order_by("-last_change", "-pk")[:FEED_SIZE])
        latest = {}
        for version in LemmaVersion.objects.filter(lemma__in=lemmas).order_by("lemma", "number").defer("body"):
            latest[version.lemma_id] = version  # the highest number wins
        for lemma in lemmas:
            lemma.latest_version = latest.get(lemma.pk)
        return lemmas

    def item_title(self, lemma):
        return lemma.title + (f": {lemma.subtitle}" if lemma.subtitle else "")

    def item_description(self, lemma):
        version = lemma.latest_version
        if version is None or not version.note:
            return lemma.lead
        note = _("Versie %(n)s: %(note)s") % {"n": version.number, "note": version.note}
        return f"{note}\n\n{lemma.lead}" if lemma.lead else note

    def item_link(self, lemma):
        return lemma.get_absolute_url()

    def item_pubdate(self, lemma):
        return lemma.published_at or lemma.created

    def item_updateddate(self, lemma):
        return lemma.last_change or lemma.updated

    def item_author_name(self, lemma):
        return ", ".join(a.name for a in lemma.ordered_authors) or None

    def item_categories(self, lemma):
        return [lemma.cluster.name]
