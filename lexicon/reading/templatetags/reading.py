"""Template helpers for reading: ``{{ lemma.lead|lead_excerpt }}`` (a lead shortened for a list),
``{% reader_body lemma as body %}`` (the body prepared for the screen, lexicon.reading.body)."""
from django import template

from lexicon.reading import body, excerpts

register = template.Library()

LIST_LEAD_CHARS = 200


@register.filter
def lead_excerpt(text, limit=LIST_LEAD_CHARS):
    """The lead shortened at a sentence or word boundary, with an ellipsis when shortened."""
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        limit = LIST_LEAD_CHARS
    return excerpts.shorten(str(text or ""), max(limit, 20))


@register.simple_tag
def reader_body(lemma):
    return body.prepare(lemma.body_html)
