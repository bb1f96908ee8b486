"""The reading parts of a lemma page's context, in one call for the view."""
from lexicon.reading import body, previews, related


def lemma_page_context(lemma, see_also, mentioned_in, memo):
    """``memo(name, compute)`` caches per content generation (lexicon.web.caching.per_generation).
    The related lemmas and the lemmas the body links to are loaded in one query."""
    prepared = body.prepare(lemma.body_html)
    linked = previews.linked_slugs(prepared.first + prepared.rest, own_slug=lemma.slug)
    loaded = {}

    def load(pks):
        loaded.update(related.load_cards(pks, linked))
        return loaded

    groups = related.related_for(lemma, see_also, mentioned_in, memo("related-similarity", related.similarity_table),
                                 load=load)
    return {
        "reader_body": prepared,
        "related": groups,
        "see_also": groups.see_also,
        "mentioned_in": groups.mentioned_in,
        "previews": {"lemmas": previews.preview_data(loaded.values()), "labels": previews.labels()},
    }
