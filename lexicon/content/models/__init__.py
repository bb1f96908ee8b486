"""What a lemma is: clusters, authors, lemmas and their links, the Over-pages and the sources.

One module per kind of thing; this package re-exports them so ``lexicon.content.models.Lemma`` is the
name everywhere (app label ``lexicon``).
"""
from ..names import sort_name_for, split_name  # noqa: F401  (re-exported: importer, citations)
from .authors import Author
from .lemmas import (
    WORDS_PER_MINUTE, Cluster, CrossReference, Lemma, LemmaAuthor, LemmaSection, SlugRedirect, fill_urls,
    published_q, sees_drafts,
)
from .related import RelatedChoice
from .renderings import LemmaRendering, RenderingEpoch
from .texts import Page, Source, SourceSection
from .versions import LemmaVersion

__all__ = [
    "Author", "Cluster", "CrossReference", "Lemma", "LemmaAuthor", "LemmaRendering", "LemmaSection", "LemmaVersion",
    "Page", "RelatedChoice", "RenderingEpoch", "SlugRedirect",
    "Source", "SourceSection", "WORDS_PER_MINUTE", "fill_urls", "published_q", "sees_drafts",
]
