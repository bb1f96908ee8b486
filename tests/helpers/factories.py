"""Small builders for test data; tests say what they need, nothing more."""
from itertools import count

from lexicon.content.models import Author, Cluster, CrossReference, Lemma, LemmaAuthor, Page

_seq = count(1)

CLUSTERS = [
    ("Sociale nabijheid", "sociaal"),
    ("Geografische nabijheid", "geografisch"),
    ("Professionele nabijheid", "professioneel"),
    ("Institutionele nabijheid", "institutioneel"),
]


def make_clusters():
    return [
        Cluster.objects.get_or_create(slug=slug, defaults={"name": name, "order": i})[0]
        for i, (name, slug) in enumerate(CLUSTERS, start=1)
    ]


def make_author(name=None, **kwargs):
    n = next(_seq)
    name = name or f"Auteur Nummer{n}"
    return Author.objects.create(name=name, slug=kwargs.pop("slug", f"auteur-{n}"), **kwargs)


def make_lemma(title=None, *, cluster=None, authors=(), status=Lemma.Status.PUBLISHED, **kwargs):
    n = next(_seq)
    title = title or f"Lemma {n}"
    cluster = cluster or make_clusters()[0]
    kwargs.setdefault("slug", f"lemma-{n}")
    kwargs.setdefault("order", n)
    kwargs.setdefault("body", f"Dit is de tekst van {title}.\n\n## Eerste sectie\n\nMeer tekst.")
    lemma = Lemma.objects.create(title=title, cluster=cluster, status=status, **kwargs)
    for position, author in enumerate(authors):
        LemmaAuthor.objects.create(lemma=lemma, author=author, position=position)
    return lemma


def make_ref(source, target, kind=CrossReference.Kind.SEE_ALSO):
    return CrossReference.objects.create(source=source, target=target, kind=kind)


def make_pages():
    return [
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body, "order": i})[0]
        for i, (slug, title, body) in enumerate(
            [
                ("voorwoord", "Voorwoord", "Begin jaren zeventig zocht een groep redacteuren een naam."),
                ("inleiding", "Inleiding – over nabijheid", "Nabijheid is een kernbegrip in het sociaal werk."),
                ("colofon", "Colofon", "Redactie: Veldboer, L. en anderen."),
            ]
        )
    ]
