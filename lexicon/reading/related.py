"""Related lemmas for a lemma page, in four groups a reader can tell apart:

* "Zie ook": the lemma's own cross-references (not the mentions in its text);
* "Genoemd in": lemmas that refer to or mention it;
* "Meer in dit cluster": its neighbours in the book's order within the cluster;
* "Verwant": lemmas closest in content (TF-IDF cosine over title, lead and body, terms from
  the search index's Dutch analyser), with the editors' pins first and their hidden ones left out.

The similarity table is computed once per content generation by the caller's cache (the page
views pass ``lexicon.web.caching.per_generation``); a hand-written TF-IDF because 33 (or a few
hundred) texts need no numerical library, and its terms are exactly those search uses.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Abs

from lexicon.content.models import Lemma, RelatedChoice
from lexicon.content.rendering import plain_text

SIMILAR_PER_LEMMA = 8  # kept in the table; a page shows fewer
SHOWN = 5
KEY_TERMS = 200  # per text, for the comparison
# Beyond this many lemmas the all-pairs table costs too much per content change; "Verwant" then
# shows only the editors' pins (the cross-references and cluster lists still show).
MAX_LEMMAS_FOR_SIMILARITY = 1500


_WORD = re.compile(r"\w+", re.UNICODE)


def _analyser():
    try:
        from lexicon.search.analysis import query_terms
    except ImportError:  # search not installed: plain lower-cased words still give a fair measure
        return lambda word: [word] if len(word) > 3 else []
    return query_terms


def _term_counts(texts):
    """[Counter of analysed terms] per text. Each distinct word goes through the search analyser
    once (stop words out, Dutch stems, accents folded), not each of the ~50,000 running words."""
    analyse, seen = _analyser(), {}
    counted = []
    for text in texts:
        terms = Counter()
        for word, n in Counter(_WORD.findall(text.lower())).items():
            if word not in seen:
                seen[word] = analyse(word)
            for term in seen[word]:
                terms[term] += n
        counted.append(terms)
    return counted


def _vectors(documents):
    """{pk: {term: weight}} with unit length: log-scaled term frequency times idf."""
    counts = dict(zip(documents, _term_counts(documents.values())))
    df = Counter(term for c in counts.values() for term in c)
    n = len(counts)
    vectors = {}
    for pk, c in counts.items():
        weights = {t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in c.items() if df[t] < n}
        # A text's key terms carry the comparison (as a search engine's more-like-this does).
        weights = dict(sorted(weights.items(), key=lambda item: -item[1])[:KEY_TERMS])
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[pk] = {t: w / norm for t, w in weights.items()}
    return vectors


def similarity_table():
    """{lemma pk: [most similar published lemma pks, best first]}; picklable, for a cache."""
    rows = list(Lemma.objects.published().values_list("pk", "title", "lead", "body")[: MAX_LEMMAS_FOR_SIMILARITY + 1])
    if len(rows) > MAX_LEMMAS_FOR_SIMILARITY:
        return {}
    documents = {pk: f"{title} {title} {lead} {plain_text(body)}" for pk, title, lead, body in rows}
    vectors = _vectors(documents)
    postings = {}
    for pk, vector in vectors.items():
        for term, weight in vector.items():
            postings.setdefault(term, []).append((pk, weight))
    table = {}
    for pk, vector in vectors.items():
        scores = Counter()
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                if other != pk:
                    scores[other] += weight * other_weight
        table[pk] = [other for other, _score in scores.most_common(SIMILAR_PER_LEMMA)]
    return table


@dataclass
class Related:
    see_also: list = field(default_factory=list)
    mentioned_in: list = field(default_factory=list)
    in_cluster: list = field(default_factory=list)
    similar: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.see_also or self.mentioned_in or self.in_cluster or self.similar)

    @property
    def all(self):
        return [*self.see_also, *self.mentioned_in, *self.in_cluster, *self.similar]


def _cluster_neighbours(lemma, published, exclude):
    """Up to SHOWN lemmas of the same cluster nearest to this one in the book, in book order (one query)."""
    same = published.filter(cluster_id=lemma.cluster_id).exclude(pk__in=exclude)
    nearest = same.annotate(distance=Abs(F("order") - lemma.order)).order_by("distance", "order", "title")[:SHOWN]
    return sorted(nearest, key=lambda other: (other.order, other.title))


def _similar(lemma, table, exclude):
    choices = list(RelatedChoice.objects.filter(lemma=lemma).values_list("other_id", "mode"))
    hidden = {pk for pk, mode in choices if mode == RelatedChoice.Mode.HIDE}
    pinned = [pk for pk, mode in choices if mode == RelatedChoice.Mode.PIN and pk not in exclude]
    computed = [pk for pk in table.get(lemma.pk, []) if pk not in exclude]
    ids = []
    for pk in [*pinned, *computed]:
        if pk not in hidden and pk not in ids and pk != lemma.pk:
            ids.append(pk)
    # Pins always show (up to SHOWN); computed ones fill the remaining places.
    return ids[: max(SHOWN, len(pinned))][:SHOWN]


def related_for(lemma, see_also, mentioned_in, table, load=None):
    """The four groups for ``lemma``; ``see_also``/``mentioned_in`` are the lemma lists the page
    already has, ``table`` is ``similarity_table()`` (cached by the caller). A lemma may be under
    both "Zie ook" and "Genoemd in" (two facts); the computed groups leave out what is shown
    already ("Verwant" before "Meer in dit cluster"). ``load(pks)`` returns {pk: card with cluster
    and lead} (default: one query, ``load_cards``); a caller may fold other lemmas into that query."""
    published = Lemma.objects.published()
    see_also, mentioned_in = [o.pk for o in see_also], [o.pk for o in mentioned_in]
    shown = {lemma.pk, *see_also, *mentioned_in}
    similar = _similar(lemma, table, shown)
    shown |= set(similar)
    in_cluster = [o.pk for o in _cluster_neighbours(lemma, published.only("pk", "order", "title"), shown)]
    cards = (load or load_cards)([*see_also, *mentioned_in, *similar, *in_cluster])
    pick = lambda pks: [cards[pk] for pk in pks if pk in cards]  # noqa: E731
    return Related(see_also=pick(see_also), mentioned_in=pick(mentioned_in), in_cluster=pick(in_cluster),
                   similar=pick(similar))


CARD_COLUMNS = ("title", "slug", "lead", "cluster__name", "cluster__slug")


def load_cards(pks=(), slugs=()):
    """{pk: published lemma with title, slug, lead and cluster} for ``pks`` and ``slugs``, one query."""
    if not pks and not slugs:
        return {}
    from django.db.models import Q

    lemmas = Lemma.objects.published().filter(Q(pk__in=list(pks)) | Q(slug__in=list(slugs)))
    return {lemma.pk: lemma for lemma in lemmas.select_related("cluster").only(*CARD_COLUMNS)}
