"""The compact search index a phone keeps for searching without a connection.

Per published lemma: its stemmed terms with integer weights, made by the server's own Dutch
analyser (``lexicon.search.analysis``, compound parts included as in the Whoosh index). The device
analyses a query with static/js/dutch-analysis.js, a port of the same analyser, configured with the
stop words, stem exceptions and accent map shipped here, so both sides make the same terms from
the same words (tests/exports/test_device_analysis.py runs it with node to check).
"""
import json
import math
from collections import Counter

from django.utils import timezone
from whoosh.analysis import StopFilter
from whoosh.support.charset import accent_map

from lexicon.content.models import Lemma
from lexicon.content.rendering import plain_text
from lexicon.search import analysis

# How much one occurrence counts, by where it stands (as the Whoosh schema boosts its fields).
FIELD_WEIGHTS = (("title", 8), ("alternative_terms", 5), ("lead", 3), ("sections", 2), ("body", 1))
LEAD_CHARS = 220


def analysis_config():
    """What the device analyser needs besides its code: the server's word lists, so there is one source."""
    fold = {chr(code): value for code, value in accent_map.items()
            if isinstance(code, int) and chr(code) == chr(code).lower() and value != chr(code)}
    stop = next(f for f in analysis.dutch_analyzer().items if isinstance(f, StopFilter))
    return {
        "stopwords": sorted(stop.stops),
        "exceptions": analysis.STEM_EXCEPTIONS,
        "fold": fold,
        "minsize": stop.min,
    }


def _fields(lemma):
    return {
        "title": f"{lemma.title} {lemma.subtitle}",
        "alternative_terms": lemma.alternative_terms.replace(",", " "),
        "lead": lemma.lead,
        "sections": " ".join(s.title for s in lemma.sections.all() if s.anchor),
        "body": plain_text(lemma.body),
    }


def lemma_terms(lemma):
    """{term: weight}: 1 + log of the weighted count, times 10, as an integer (small in JSON)."""
    counts = Counter()
    fields = _fields(lemma)
    for name, weight in FIELD_WEIGHTS:
        for term in analysis.index_terms(fields[name]):
            counts[term] += weight
    return {term: round(10 * (1 + math.log(n))) for term, n in sorted(counts.items())}


def _short(text):
    text = " ".join((text or "").split())
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def build(gen):
    from lexicon.exports.offline import bundle

    lemmas = Lemma.objects.published().select_related("cluster").prefetch_related("sections").order_by("order", "title")
    return {
        "generation": gen.key,
        "changed": gen.changed.isoformat() if gen.changed else None,
        "built": timezone.now().isoformat(),
        "analysis": analysis_config(),
        "bundle": bundle.urls(),
        "lemmas": [
            {"title": lemma.title, "url": lemma.get_absolute_url(), "cluster": lemma.cluster.name,
             "lead": _short(lemma.lead), "terms": lemma_terms(lemma)}
            for lemma in lemmas
        ],
    }


def build_json(gen):
    return json.dumps(build(gen), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
