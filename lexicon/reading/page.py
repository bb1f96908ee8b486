"""The reading parts of a lemma page's context, in one call for the view."""
from lexicon.reading import body, previews, related


def _card(lemma):
    return {"url": lemma.url, "title": lemma.title, "cluster": {"name": lemma.cluster.name, "slug": lemma.cluster.slug}}


def _reading_data(lemma, see_also, mentioned_in, html, memo):
    """Related groups and previews as plain data (picklable, for the per-generation cache).
    The related lemmas and the lemmas the body links to are loaded in one query."""
    linked = previews.linked_slugs(html, own_slug=lemma.slug)
    loaded = {}

    def load(pks):
        loaded.update(related.load_cards(pks, linked))
        return loaded

    groups = related.related_for(lemma, see_also, mentioned_in, memo("related-similarity", related.similarity_table),
                                 load=load)
    lists = {name: [_card(o) for o in getattr(groups, name)] for name in ("see_also", "mentioned_in", "similar", "in_cluster")}
    return {"related": {**lists, "count": len(groups.all)},
            "previews": {"lemmas": previews.preview_data(loaded.values()), "labels": previews.labels()}}


READING_CONTEXT = ("reader_body", "related", "see_also", "mentioned_in", "previews")


def lemma_page_context(lemma, see_also, mentioned_in, memo):
    """``memo(name, compute)`` caches per content generation (lexicon.web.caching.per_generation);
    the related lemmas and previews are computed once per lemma and set of visible references."""
    prepared = body.prepare(lemma.body_html)
    see_also, mentioned_in = list(see_also), list(mentioned_in)
    key = "reading-{}-{}-{}".format(lemma.pk, ".".join(str(o.pk) for o in see_also),
                                    ".".join(str(o.pk) for o in mentioned_in))
    data = memo(key, lambda: _reading_data(lemma, see_also, mentioned_in, prepared.first + prepared.rest, memo))
    return {
        "reader_body": prepared,
        "related": data["related"],
        "see_also": data["related"]["see_also"],
        "mentioned_in": data["related"]["mentioned_in"],
        "previews": data["previews"],
    }
