"""Autocomplete on lemma titles, alternative terms, the editors' synonyms, authors, and the
words of the index (published content only).

Matching is on word starts with accents folded: "clie" finds "Cliënten", "lans" finds
"Jos van der Lans", "lonel" finds "loneliness" (a synonym of Eenzaamheid). The candidate list
is small (a few hundred entries), read from the database and cached per process until a lemma,
author or synonym changes. What is left of the eight places is filled with words the texts
contain ("mantelz" -> mantelzorg, mantelzorgers), most frequent first, each a search link.
"""
from urllib.parse import quote

from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from lexicon.content.models import Author, Lemma
from lexicon.content.rendering import fold_accents
from lexicon.search import synonyms

LIMIT = 8
MIN_CHARS = 2
MIN_WORD_CHARS = 3  # index words from this many typed letters on
MAX_WORDS = 4  # index words among the suggestions
SCAN_WORDS = 300  # index words looked at per prefix (the most frequent of them are shown)


def _fold(text):
    return fold_accents(text).lower()


def _candidates():
    published = Lemma.objects.published()
    stamp = (published.aggregate(m=Max("updated"))["m"], published.count(), Author.objects.count(),
             synonyms.version())
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
        titles = dict(published.values_list("pk", "title"))
        slugs = dict(published.values_list("pk", "slug"))
        for terms, lemma_id in synonyms.groups():
            for term in terms:
                if lemma_id in titles:
                    items.append((1, term, f"/lemma/{slugs[lemma_id]}/", "term", titles[lemma_id]))
                else:
                    items.append((1, term, _search_url(term), "synonym", ", ".join(t for t in terms if t != term)))
        authors = Author.objects.with_published_lemmas()
        for name, slug in authors.values_list("name", "slug"):
            items.append((2, name, f"/auteurs/{slug}/", "author", ""))
        cache.set(key, items, 600)
    return items


def _search_url(text):
    return f"{reverse('lexicon:search')}?q={quote(text)}"


def index_words(prefix, limit=MAX_WORDS):
    """The most frequent words of the index starting with ``prefix`` (lowercase), or []."""
    from haystack import connections

    from lexicon.search.backend import SPELLING_FIELD

    backend = connections["default"].get_backend()
    if not hasattr(backend, "vocabulary_prefix"):
        return []
    try:
        words = backend.vocabulary_prefix(SPELLING_FIELD, prefix, limit=SCAN_WORDS)
        vocabulary = backend.vocabulary()
    except Exception:  # no index yet: titles and authors still work
        return []
    ranked = sorted(words, key=lambda w: (-vocabulary.frequency(w), len(w), w))
    return ranked[:limit]


def suggestions(query, limit=LIMIT):
    needle = _fold(query).strip()
    if len(needle) < MIN_CHARS:
        return []
    labels = {"lemma": _("lemma"), "term": _("ook"), "author": _("auteur"), "synonym": _("zelfde als"),
              "word": _("zoekterm")}
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
    typed = query.strip().lower()
    if len(out) < limit and len(typed) >= MIN_WORD_CHARS and " " not in typed:
        shown = {_fold(item["label"]) for item in out}
        for word in index_words(typed, limit=min(MAX_WORDS, limit - len(out))):
            if _fold(word) in shown:
                continue
            out.append({"label": word, "url": _search_url(word), "kind": "word", "kind_label": labels["word"],
                        "lemma": None})
    return out
