"""Model -> plain dict for the API. Field names are the API contract: keep them stable."""
from django.urls import reverse

from lexicon.content import citation, wikilinks


def _iso(value):
    return value.isoformat() if value else None


def cluster_ref(cluster):
    return {"slug": cluster.slug, "name": cluster.name}


def author_ref(author):
    return {"slug": author.slug, "name": author.name}


def lemma_ref(lemma):
    return {"slug": lemma.slug, "title": lemma.title}


def lemma_summary(lemma, absolute):
    return {
        "slug": lemma.slug,
        "title": lemma.title,
        "subtitle": lemma.subtitle,
        "cluster": cluster_ref(lemma.cluster),
        "authors": [author_ref(a) for a in lemma.ordered_authors],
        "lead": lemma.lead,
        "order": lemma.order,
        "published_at": _iso(lemma.published_at),
        "updated": _iso(lemma.updated),
        "url": absolute(lemma.get_absolute_url()),
        "api_url": absolute(reverse("lexicon:api_lemma", args=[lemma.slug])),
    }


def public_markdown(lemma):
    """The body as the page serves it: wiki links (and first mentions) resolved to ordinary
    Markdown links to published lemmas, links to unpublished ones reduced to their label. The raw
    ``[[slug]]`` would tell API readers which drafts exist."""
    from lexicon.content.models import Lemma

    return wikilinks.to_markdown(lemma.body, Lemma.objects.link_index, source_pk=lemma.pk,
                                 autolink=wikilinks.autolink_enabled())


def lemma_detail(lemma, absolute, see_also, mentioned_in):
    url = absolute(lemma.get_absolute_url())
    apa = citation.apa(lemma, url)
    return {
        **lemma_summary(lemma, absolute),
        "alternative_terms": lemma.alternative_terms_list,
        "sections": [{"id": entry["id"], "title": entry["name"]} for entry in lemma.toc],
        "body_markdown": public_markdown(lemma),
        "body_html": lemma.body_html,
        "word_count": lemma.word_count,
        "see_also": [lemma_ref(other) for other in see_also],
        "mentioned_in": [lemma_ref(other) for other in mentioned_in],
        "citation": {
            "apa": apa["before"] + apa["book"] + apa["after"],
            "bibtex_url": absolute(reverse("lexicon:cite_bibtex", args=[lemma.slug])),
            "ris_url": absolute(reverse("lexicon:cite_ris", args=[lemma.slug])),
        },
    }


def cluster_summary(cluster, absolute, lemma_count):
    return {
        "slug": cluster.slug,
        "name": cluster.name,
        "description": cluster.description,
        "order": cluster.order,
        "lemma_count": lemma_count,
        "url": absolute(cluster.get_absolute_url()),
        "api_url": absolute(reverse("lexicon:api_cluster", args=[cluster.slug])),
    }


def author_summary(author, absolute, lemma_count):
    return {
        "slug": author.slug,
        "name": author.name,
        "sort_name": author.sort_name,
        "affiliation": author.affiliation,
        "lemma_count": lemma_count,
        "url": absolute(author.get_absolute_url()),
        "api_url": absolute(reverse("lexicon:api_author", args=[author.slug])),
    }


def cross_reference(ref, absolute):
    return {
        "source": {**lemma_ref(ref.source), "api_url": absolute(reverse("lexicon:api_lemma", args=[ref.source.slug]))},
        "target": {**lemma_ref(ref.target), "api_url": absolute(reverse("lexicon:api_lemma", args=[ref.target.slug]))},
        "kind": ref.kind,
        "note": ref.note,
    }
