"""Autocomplete on lemma titles, alternative terms and authors (published lemmas only).

Matching is on word starts with accents folded: "clie" finds "Cliënten", "lans" finds
"Jos van der Lans". The candidate list is small (a few hundred entries), read from the
database and cached per process until a lemma or author changes.
"""
from django.core.cache import cache
from django.db.models import Max
from django.utils.translation import gettext as _

from lexicon.content.models import Author, Lemma
from lexicon.content.rendering import fold_accents

LIMIT = 8
MIN_CHARS = 2


def _fold(text):
    return fold_accents(text).lower()


def _candidates():
    published = Lemma.objects.published()
    stamp = published.aggregate(m=Max("updated"))["m"], published.count(), Author.objects.count()
    key = f"search-suggest:{hash(stamp)}"
    items = cache.get(key)
    if items is None:
        items = []
        for title, slug, alternatives in published.values_list("title", "slug", "alternative_terms"):
            url = f"/lemma/{slug}/"
            items.append((0, title, url, "lemma", ""))
            for term in (t.strip() for t in alternatives.split(",")):
                if term:
                    items.append((1, term, url, "term", title))
        authors = Author.objects.with_published_lemmas()
        for name, slug in authors.values_list("name", "slug"):
            items.append((2, name, f"/auteurs/{slug}/", "author", ""))
        cache.set(key, items, 600)
    return items


def suggestions(query, limit=LIMIT):
    needle = _fold(query).strip()
    if len(needle) < MIN_CHARS:
        return []
    labels = {"lemma": _("lemma"), "term": _("ook"), "author": _("auteur")}
    scored = []
    for rank, label, url, kind, lemma_title in _candidates():
        folded = _fold(label)
        if folded.startswith(needle):
            position = 0
        elif (" " + needle) in (" " + folded.replace("-", " ")):
            position = 1
        else:
            continue
        scored.append(((position, rank, folded), {
            "label": label, "url": url, "kind": kind, "kind_label": labels[kind],
            "lemma": lemma_title or None,
        }))
    scored.sort(key=lambda item: item[0])
    seen, out = set(), []
    for _key, item in scored:
        if (item["label"], item["url"]) in seen:
            continue
        seen.add((item["label"], item["url"]))
        out.append(item)
        if len(out) >= limit:
            break
    return out
