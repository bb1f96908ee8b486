"""The lemma page's literature: `{% lemma_citations lemma as citations %}` and the body filter
`{{ lemma.body_html|link_citations:lemma }}` (one query per page, shared by both)."""
from django import template
from django.utils.safestring import mark_safe

from lexicon.literature import formatting, linking
from lexicon.literature.models import Citation

register = template.Library()


def citations_of(lemma):
    """The lemma's citations with their works, in APA order (cached on the lemma object)."""
    cached = getattr(lemma, "_literature_citations", None)
    if cached is None:
        cached = sorted(Citation.objects.filter(lemma=lemma).select_related("work"),
                        key=lambda c: formatting.sort_key(c.work))
        lemma._literature_citations = cached
    return cached


@register.simple_tag
def lemma_citations(lemma):
    return citations_of(lemma)


@register.filter
def link_citations(body_html, lemma):
    citations = citations_of(lemma)
    linked = linking.link_citations(body_html, [c.work for c in citations],
                                    drop_own_list=any(c.in_reference_list for c in citations))
    return mark_safe(linked)  # noqa: S308 - body_html is nh3-sanitised; only escaped text and our <a> are added


@register.simple_tag
def incomplete_count(citations):
    return sum(1 for c in citations if not c.work.complete)
