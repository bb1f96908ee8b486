"""The skipping filter collector finds exactly what Whoosh's own FilterCollector finds (same
documents, scores, order, total and facets), only without visiting the refused documents."""
import random

import pytest
from whoosh import collectors
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Or, Term

from lexicon.search.backend import DocSet, RecordingTopCollector, ScoreMapCollector, SkippingFilterCollector

WORDS = ["buurt", "zorg", "nabijheid", "team", "wijk", "ouderen", "steun"]


@pytest.fixture(scope="module")
def index():
    rng = random.Random(7)
    ix = RamStorage().create_index(Schema(kind=ID(stored=True), text=TEXT))
    # Three segments: kinds interleaved, long runs of one kind, and a segment without lemmas.
    for segment in range(3):
        writer = ix.writer()
        for n in range(400):
            if segment == 0:
                kind = rng.choice(["lemma", "sectie"])
            elif segment == 1:
                kind = "lemma" if n < 50 or n > 350 else "sectie"
            else:
                kind = "sectie"
            writer.add_document(kind=kind, text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))))
        writer.commit(merge=False)
    return ix


@pytest.mark.parametrize("query", [Term("text", "buurt"), Or([Term("text", "zorg"), Term("text", "wijk")])])
def test_same_results_as_the_plain_filter(index, query):
    with index.searcher() as searcher:
        assert len(list(searcher.leaf_searchers())) == 3
        allowed = DocSet(Term("kind", "lemma").docs(searcher))

        def run(filter_class):
            top = RecordingTopCollector(limit=10, usequality=False, replace=0)
            searcher.search_with_collector(query, filter_class(top, allow=allowed))
            return [(round(score, 9), docnum) for score, docnum in top.results().top_n], sorted(top.seen)

        assert run(SkippingFilterCollector) == run(collectors.FilterCollector)
        assert run(SkippingFilterCollector)[1]  # the test means something: there are matches


def test_score_map_holds_the_scores_of_allowed_matches(index):
    with index.searcher() as searcher:
        allowed = DocSet(Term("kind", "lemma").docs(searcher))
        scores = {}
        searcher.search_with_collector(Term("text", "team"), SkippingFilterCollector(ScoreMapCollector(scores), allow=allowed))
        everything = collectors.UnlimitedCollector()
        searcher.search_with_collector(Term("text", "team"), everything)
        expected = {docnum: score for score, docnum in everything.results().top_n if docnum in allowed}
        assert scores.keys() == expected.keys()
        assert all(abs(scores[d] - expected[d]) < 1e-9 for d in expected)
