"""schema.org JSON-LD for pages: a lemma is a DefinedTerm in the lexicon's DefinedTermSet."""
import json

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from lexicon.content import citation
from lexicon.content.models import Lemma
from lexicon.content.models.versions import latest_version

# json.dumps does not escape these; inside <script> they could close the element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_name():
    return settings.LEXICON["TITLE"]


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL + path


def term_set(request):
    book = settings.LEXICON
    home = _absolute(request, reverse("lexicon:home"))
    return {
        "@type": "DefinedTermSet",
        "@id": home + "#lexicon",
        "name": book["TITLE"],
        "url": home,
        "inLanguage": "nl",
        "publisher": {"@type": "Organization", "name": book["PUBLISHER"]},
        "editor": [{"@type": "Person", "name": name} for name in book["EDITORS"]],
        "datePublished": str(book["YEAR"]),
    }


def lemma_jsonld(lemma, url, request=None):
    authors = [
        {"@type": "Person", "name": a.name, "url": _absolute(request, a.get_absolute_url())}
        for a in lemma.ordered_authors
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": url,
        "url": url,
        "name": lemma.title,
        "termCode": lemma.slug,
        "inLanguage": "nl",
        "inDefinedTermSet": term_set(request),
        "subjectOf": {
            "@type": "Article",
            "headline": lemma.title,
            "url": url,
            "inLanguage": "nl",
            "author": authors,
            "articleSection": lemma.cluster.name,
            "wordCount": lemma.word_count,
            "copyrightYear": citation.citation_year(lemma),
            "isPartOf": {"@type": "Book", "name": settings.LEXICON["TITLE"]},
        },
    }
    if lemma.lead:
        data["description"] = " ".join(lemma.lead.split())
    if lemma.alternative_terms_list:
        data["alternateName"] = lemma.alternative_terms_list
    if lemma.subtitle:
        data["subjectOf"]["alternativeHeadline"] = lemma.subtitle
    if lemma.published_at:
        data["subjectOf"]["datePublished"] = lemma.published_at.isoformat()
    latest = latest_version(lemma)
    if latest is not None:
        # The true date of the text as published, not the last save of the row (issue 13).
        data["subjectOf"]["dateModified"] = latest.published_at.isoformat()
        data["subjectOf"]["version"] = str(latest.number)
    elif lemma.updated:
        data["subjectOf"]["dateModified"] = lemma.updated.isoformat()
    return data


# The home page lists the terms of the book; a much larger lexicon is described by the sitemap.
MAX_TERMS_IN_SET = 200


def lexicon_jsonld(request=None):
    """The DefinedTermSet with all published terms, for the home page."""
    data = {"@context": "https://schema.org", **term_set(request)}
    data["hasDefinedTerm"] = [
        {"@type": "DefinedTerm", "@id": _absolute(request, lemma.get_absolute_url()),
         "name": lemma.title, "url": _absolute(request, lemma.get_absolute_url())}
        for lemma in Lemma.objects.published().only("title", "slug", "order").order_by("order", "title")[:MAX_TERMS_IN_SET]
    ]
    return data


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)


def script_tag(data):
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))
