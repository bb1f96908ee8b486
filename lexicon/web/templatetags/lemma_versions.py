"""``{% latest_version lemma as version %}``: the lemma's latest published version (or None), for
the "Laatst bijgewerkt" line of the lemma page (templates/lexicon/lemma/_version_line.html)."""
from django import template

from lexicon.content.models import versions

register = template.Library()


@register.simple_tag
def latest_version(lemma):
    return versions.latest_version(lemma)
