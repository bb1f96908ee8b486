"""The reading parts of a lemma page's context, in one call for the view."""
from lexicon.reading import body, previews, related


def lemma_page_context(lemma, see_also, mentioned_in, memo):
    """``memo(name, compute)`` caches per content generation (lexicon.web.caching.per_generation)."""
    prepared = body.prepare(lemma.body_html)
    groups = related.related_for(lemma, see_also, mentioned_in, memo("related-similarity", related.similarity_table))
    return {
        "reader_body": prepared,
        "related": groups,
        "see_also": groups.see_also,
        "mentioned_in": groups.mentioned_in,
        "previews": previews.preview_data(lemma, prepared.first + prepared.rest, groups.all),
    }
