"""Pipeline step: the cited works of every lemma (lexicon.literature.extraction on the cleaned
Markdown body), and their rows for fixtures/literature.json."""
from lexicon.literature.extraction import CitedWork, extract, merge, plain, split_reference_list  # noqa: F401


def attach(lemmas):
    """Set ``works`` on each LemmaRecord."""
    for lemma in lemmas:
        lemma.works = extract(lemma.body)


# --- fixture rows ----------------------------------------------------------------------------

def fixture_rows(lemmas, lemma_pk):
    """Works (one per key, shared by lemmas) and citations, with stable PKs, for fixtures/literature.json."""
    merged = {}
    for lemma in sorted(lemmas, key=lambda x: x.order):
        for work in lemma.works:
            row = merged.setdefault(work.key, {
                "key": work.key, "authors": work.authors or work.cited_as, "cited_as": work.cited_as,
                "year": work.year, "title": "", "publisher": "", "doi": "", "url": "", "note": ""})
            for name in ("title", "publisher", "doi", "url", "note"):
                row[name] = row[name] or getattr(work, name)
            if work.authors:
                row["authors"], row["cited_as"] = work.authors, work.cited_as
    work_pk = {key: pk for pk, key in enumerate(sorted(merged), start=1)}
    rows = [{"model": "lexicon_literature.work", "pk": work_pk[key], "fields": merged[key]} for key in sorted(merged)]
    pk = 0
    for lemma in sorted(lemmas, key=lambda x: x.order):
        for position, work in enumerate(lemma.works, start=1):
            pk += 1
            rows.append({"model": "lexicon_literature.citation", "pk": pk, "fields": {
                "lemma": lemma_pk[lemma.slug], "work": work_pk[work.key], "sentences": work.sentences,
                "times": work.times, "in_reference_list": work.in_reference_list, "position": position}})
    return rows
