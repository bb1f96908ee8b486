"""Template tags for the open-data parts of pages: relation maps, structured data, citation links."""
from django import template

from lexicon.opendata import relation_map as maps
from lexicon.opendata import structured_data

register = template.Library()


@register.inclusion_tag("includes/relation_map.html")
def relation_map(lemma=None):
    """Whole-lexicon map, or the neighbourhood of ``lemma``."""
    rmap = maps.neighbourhood_map(lemma) if lemma is not None else maps.lexicon_map()
    return {"map": rmap, "lemma": lemma, "id": f"rm-{lemma.slug}" if lemma is not None else "rm-lexicon"}


@register.inclusion_tag("includes/structured_data.html", takes_context=True)
def lemma_structured_data(context, lemma, url):
    request = context.get("request")
    return {
        "lemma": lemma,
        "url": url,
        "jsonld_script": structured_data.script_tag(structured_data.lemma_jsonld(lemma, url, request)),
        "modified": getattr(structured_data.latest_version(lemma), "published_at", None) or lemma.updated,
        "site_name": structured_data.site_name(),
    }


@register.simple_tag(takes_context=True)
def lexicon_jsonld(context):
    return structured_data.script_tag(structured_data.lexicon_jsonld(context.get("request")))
