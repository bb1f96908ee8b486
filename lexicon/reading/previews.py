"""What the previews of a lemma page show, embedded in the page as JSON (no request per hover,
works offline once the page is loaded): for each lemma the body or the related lists link to,
its title, cluster and shortened lead. Footnote previews need nothing here: the script reads
the note from the page's own list of notes."""
import re

from django.utils.translation import gettext as _

from lexicon.reading.excerpts import shorten

PREVIEW_LEAD_CHARS = 260
_LEMMA_HREF = re.compile(r'href="/lemma/([\w-]+)/"')


def linked_slugs(html, own_slug=None):
    return [slug for slug in dict.fromkeys(_LEMMA_HREF.findall(html or "")) if slug != own_slug]


def preview_data(cards):
    """{url: {"title", "cluster", "clusterSlug", "lead"}} of the (published) lemma cards."""
    return {card.url: {"title": card.title, "cluster": card.cluster.name, "clusterSlug": card.cluster.slug,
                       "lead": shorten(card.lead, PREVIEW_LEAD_CHARS)}
            for card in cards}


def labels():
    """The previews' own words, translated here rather than written into the script."""
    return {"read": _("Lees het lemma"), "note": _("Noot"), "allNotes": _("Alle noten")}
