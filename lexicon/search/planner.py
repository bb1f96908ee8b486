"""A ``QueryPlan`` (lexicon.search.understanding) as Whoosh queries.

Per clause, on one field: the words as typed (one term, the words of a run, or an exact phrase)
OR its alternatives (joined compound, nearby parts of a split compound, synonyms, fuzzy
neighbours). Matching happens on the document field, which holds everything searchable; copies
of every clause on the boosted fields (title > alternative terms > lead > headings > authors)
only add to the score of documents that already match, as before. A synonym that points at a
lemma matches that lemma's document with a score like a title match.
"""
from haystack.constants import DJANGO_CT
from whoosh.query import And, AndMaybe, AndNot, ConstantScoreQuery, NullQuery, Or, Phrase, Term
from whoosh.query.spans import SpanNear2

from .analysis import query_terms
from .understanding import SPLIT_SLOP

LEMMA_CT = "lexicon.lemma"
LEMMA_MATCH_SCORE = 40.0  # a lemma named by a synonym scores like a strong title match


def _stems(words):
    return [t for t in query_terms(" ".join(words))]


def _words_query(field, words, phrase, boost=1.0):
    stems = _stems(words)
    if not stems:
        return None
    if len(stems) == 1:
        return Term(field, stems[0], boost=boost)
    if phrase:
        return Phrase(field, stems, boost=boost)
    return And([Term(field, s, boost=boost) for s in stems])


def clause_query(clause, field, content_field, boost=1.0):
    """The clause on ``field`` (None when nothing of it is searchable there)."""
    subs = []
    primary = _words_query(field, clause.words, clause.phrase, boost)
    if primary is not None:
        subs.append(primary)
    for alt in clause.alternatives:
        q = None
        if alt.kind == "lemma":
            if field == content_field:
                q = ConstantScoreQuery(And([Term(DJANGO_CT, LEMMA_CT), Term("lemma_id", str(alt.lemma_id))]),
                                       LEMMA_MATCH_SCORE * boost)
        elif alt.kind == "split":
            stems = _stems(alt.words)
            if len(stems) >= 2:
                q = SpanNear2([Term(field, s, boost=boost * alt.weight) for s in stems], slop=SPLIT_SLOP,
                              ordered=False)
        else:  # join, synonym, fuzzy: other words for the same thing
            q = _words_query(field, alt.words, phrase=len(alt.words) > 1, boost=boost * alt.weight)
        if q is not None and q not in subs:
            subs.append(q)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Or(subs)


def build(plan, content_field, boost_fields):
    """(match query on the content field, scoring query, [per-clause match queries]) or None.

    ``boost_fields`` is [(field name, boost)]. In "most" mode the match query is the union of
    the clauses; which documents match enough of them is decided by the caller."""
    clauses = []
    for clause in plan.clauses:
        q = clause_query(clause, content_field, content_field)
        if q is not None:
            clauses.append((clause, q))
    if not clauses:
        return None
    per_clause = [q for _c, q in clauses]
    match = And(per_clause) if plan.mode == "all" and len(per_clause) > 1 else (
        per_clause[0] if len(per_clause) == 1 else Or(per_clause))
    if plan.excluded:
        stems = _stems(plan.excluded)
        if stems:
            match = AndNot(match, Or([Term(content_field, s) for s in stems]))
    copies = []
    for clause, _q in clauses:
        for name, boost in boost_fields:
            q = clause_query(clause, name, content_field, boost)
            if q is not None:
                copies.append(q)
    scoring = AndMaybe(match, Or(copies)) if copies else match
    if scoring is NullQuery:
        return None
    return match, scoring, per_clause


def plan_terms(plan):
    """Every (stemmed) term a plan may match on the text fields: for highlighting and for
    telling whether a lemma is *about* the query (a term in its title, terms, lead or headings)."""
    out = []
    for clause in plan.clauses:
        groups = [clause.words] + [a.words for a in clause.alternatives if a.kind != "lemma"]
        for words in groups:
            for stem in _stems(words):
                if stem not in out:
                    out.append(stem)
    return out
