"""What the previews of a lemma page show, embedded in the page as JSON (no request per hover,
works offline once the page is loaded): for each lemma the body or the related lists link to,
its title, cluster and shortened lead. Footnote previews need nothing here: the script reads
the note from the page's own list of notes."""
import re

from lexicon.content.models import Lemma
from lexicon.reading.excerpts import shorten

PREVIEW_LEAD_CHARS = 260
_LEMMA_HREF = re.compile(r'href="/lemma/([\w-]+)/"')


def linked_slugs(html):
    return list(dict.fromkeys(_LEMMA_HREF.findall(html or "")))


def preview_data(lemma, html, others=()):
    """{url: {"title", "cluster", "clusterSlug", "lead"}} for the published lemmas ``html`` links
    to, plus ``others`` (cards already loaded, e.g. the related lemmas); one query at most."""
    data = {}
    for card in others:
        data[card.url] = _entry(card)
    wanted = [slug for slug in linked_slugs(html) if f"/lemma/{slug}/" not in data and slug != lemma.slug]
    if wanted:
        for card in Lemma.objects.published().filter(slug__in=wanted).cards():
            data[card.url] = _entry(card)
    return data


def _entry(card):
    return {"title": card.title, "cluster": card.cluster.name, "clusterSlug": card.cluster.slug,
            "lead": shorten(card.lead, PREVIEW_LEAD_CHARS)}
