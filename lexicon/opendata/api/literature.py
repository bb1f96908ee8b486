"""The cited works in the API: queries and serialisation for the ``literatuur/`` operation."""
from django.db.models import Prefetch
from django.urls import reverse

from lexicon.content.models import Lemma
from lexicon.literature.models import Citation, Work


def works_for_api(lemma_slug=None, incomplete=None):
    published = Lemma.objects.published()
    citations = Citation.objects.filter(lemma__in=published).select_related("lemma").order_by("lemma__order")
    works = Work.objects.filter(citations__lemma__in=published.filter(slug=lemma_slug) if lemma_slug else published)
    if incomplete is True:
        works = works.incomplete()
    elif incomplete is False:
        works = works.complete()
    return works.distinct().order_by("cited_as", "year", "pk").prefetch_related(Prefetch("citations", queryset=citations))


def serialize(works, absolute):
    out = []
    for work in works:
        cited_in = []
        for c in work.citations.all():
            lemma_url = reverse("lexicon:lemma", args=[c.lemma.slug])
            cited_in.append({
                "lemma": {"slug": c.lemma.slug, "title": c.lemma.title,
                          "api_url": absolute(reverse("lexicon:api_lemma", args=[c.lemma.slug]))},
                "url": absolute(f"{lemma_url}#{work.anchor}"), "times": c.times, "sentences": c.sentences})
        out.append({"key": work.key, "authors": work.authors, "cited_as": work.cited_as, "year": work.year,
                    "title": work.title, "publisher": work.publisher, "doi": work.doi, "url": work.url,
                    "complete": work.complete, "cited_in": cited_in})
    return out
