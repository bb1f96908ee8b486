"""'Bedoelde u ...?' for a mistyped lemma URL: the published lemmas whose slug or title is nearest.

difflib is enough for a few hundred titles and needs no search index (a 404 must never fail
because the index is missing)."""
import difflib
import re

from django.utils.text import slugify

from lexicon.content.models import Lemma

LEMMA_PATH = re.compile(r"^/lemma/([^/]{1,200})/")
MAX_SUGGESTIONS = 3
CUTOFF = 0.6


def nearest_lemmas(slug, limit=MAX_SUGGESTIONS):
    """Published lemmas (title, url) nearest to ``slug``, best first."""
    wanted = slugify(slug.replace("_", "-"))
    if not wanted:
        return []
    rows = list(Lemma.objects.published().values_list("slug", "title"))
    by_key = {}
    for lemma_slug, title in rows:
        by_key.setdefault(lemma_slug, (lemma_slug, title))
        by_key.setdefault(slugify(title), (lemma_slug, title))
    matches = difflib.get_close_matches(wanted, list(by_key), n=limit * 2, cutoff=CUTOFF)
    seen, out = set(), []
    for key in matches:
        lemma_slug, title = by_key[key]
        if lemma_slug not in seen:
            seen.add(lemma_slug)
            out.append({"title": title, "url": Lemma(slug=lemma_slug).get_absolute_url()})
    return out[:limit]


def suggestions_for_path(path):
    match = LEMMA_PATH.match(path or "")
    return nearest_lemmas(match.group(1)) if match else []
