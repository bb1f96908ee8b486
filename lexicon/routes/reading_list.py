"""A route as a reading list: the APA reference of each of its lemmas, and the same list for
reference managers (RIS, BibTeX), all from lexicon.content.citation."""
import re
from itertools import groupby
from string import ascii_lowercase

from django.utils import timezone

from lexicon.content import citation


def _sort_key(reference):
    # APA 7 orders a reference list by its first author's surname, then title: by the text itself.
    return (reference["before"] + reference["book"]).casefold()


_AUTHORS_YEAR = re.compile(r"^(?P<authors>.*?) \((?P<year>\d{4})\)\. ")


def _authors_year(reference):
    match = _AUTHORS_YEAR.match(reference["before"])
    return (match["authors"], match["year"]) if match else (reference["before"], "")


def apa_entries(lemmas, absolute):
    """APA references ({'before', 'book', 'after'}: the book title goes in italics), in APA's order.
    Several works of the same authors in the same year get 2022a, 2022b, ... in title order, as
    APA 7 asks (a route often holds several lemmas of one author)."""
    references = sorted((citation.apa(lemma, absolute(lemma.get_absolute_url())) for lemma in lemmas), key=_sort_key)
    for (_authors, year), group in groupby(references, key=_authors_year):
        group = list(group)
        if year and len(group) > 1:
            for letter, reference in zip(ascii_lowercase, group):
                reference["before"] = reference["before"].replace(f" ({year}). ", f" ({year}{letter}). ", 1)
    return references


def plain_text(route, lemmas, absolute):
    """The route's title and address, then one APA reference per paragraph."""
    references = [entry["before"] + entry["book"] + entry["after"] for entry in apa_entries(lemmas, absolute)]
    header = f"{route.title}\n{absolute(route.get_absolute_url())}"
    return "\n\n".join([header, *references]) + "\n"


def ris(lemmas, absolute):
    accessed = timezone.localdate()
    return "".join(citation.ris(lemma, absolute(lemma.get_absolute_url()), accessed=accessed) for lemma in lemmas)


def bibtex(lemmas, absolute):
    accessed = timezone.localdate()
    return "\n".join(citation.bibtex(lemma, absolute(lemma.get_absolute_url()), accessed=accessed) for lemma in lemmas)
