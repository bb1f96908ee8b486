"""``{% latest_version lemma as version %}``: the lemma's latest published version (or None), for
the "Laatst bijgewerkt" line of the lemma page (templates/lexicon/lemma/_version_line.html)."""
from django import template

from lexicon.content.models import LemmaVersion

register = template.Library()


@register.simple_tag
def latest_version(lemma):
    if not lemma.is_published:
        return None  # a draft's preview: its text is not a version
    version = LemmaVersion.objects.filter(lemma=lemma).only("number", "published_at", "lemma").order_by("-number").first()
    if version is not None:
        version.lemma = lemma
    return version
