"""A ``QueryPlan`` (lexicon.search.understanding) as Whoosh queries.

Per clause, on one field: the words as typed (one term, the words of a run, or an exact phrase)
OR its alternatives (joined compound, nearby parts of a split compound, synonyms, fuzzy
neighbours). Matching happens on the document field, which holds everything searchable; copies
of every clause on the boosted fields (title > alternative terms > lead > headings > authors)
only add to the score of documents that already match, as before. A synonym that points at a
lemma matches that lemma's document with a score like a title match.
"""
from haystack.constants import DJANGO_CT
from whoosh.query import And, AndMaybe, AndNot, ConstantScoreQuery, NullQuery, Phrase, Term
from whoosh.query.compound import DefaultOr as Or  # see below
from whoosh.query.spans import SpanNear2

from lexicon.search.analysis import query_terms
from lexicon.search.understanding import SPLIT_SLOP

# Whoosh's plain Or preloads every sub-query's postings into arrays on a small index (under
# 5,000 documents); with a clause per field and alternative that made building the matchers cost
# more than the search. DefaultOr unions matchers lazily (bench/search.py: about 3x faster here).

LEMMA_CT = "lexicon.lemma"
LEMMA_MATCH_SCORE = 40.0  # a lemma named by a synonym scores like a strong title match
# Where the alternatives of a clause are looked for. Matching a split compound's parts near each
# other in whole texts is slow and adds little; in titles and headings it is what readers mean
# ("thuiszorg" -> "Zorg thuis"). Synonyms and other words score on the short fields only.
SPLIT_FIELDS = ("title", "headings")
ALTERNATIVE_BOOST_FIELDS = ("title", "alternative_terms")


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


def _split_query(field, alt, boost):
    stems = _stems(alt.words)
    if len(stems) < 2:
        return None
    return SpanNear2([Term(field, s, boost=boost * alt.weight) for s in stems], slop=SPLIT_SLOP, ordered=False)


def clause_query(clause, field, content_field, boost=1.0, fields=()):
    """The clause on ``field`` (None when nothing of it is searchable there). On the content
    field, split compounds are matched in ``fields`` (the schema's names) instead."""
    subs = []
    primary = _words_query(field, clause.words, clause.phrase, boost)
    if primary is not None:
        subs.append(primary)
    is_content = field == content_field
    if not is_content and field not in ALTERNATIVE_BOOST_FIELDS:
        return primary  # lead, headings, authors: the words as typed add to the score
    for alt in clause.alternatives:
        q = None
        if alt.kind == "lemma":
            if is_content:
                q = ConstantScoreQuery(And([Term(DJANGO_CT, LEMMA_CT), Term("lemma_id", str(alt.lemma_id))]),
                                       LEMMA_MATCH_SCORE * boost)
        elif alt.kind == "split":
            if is_content:
                parts = [_split_query(f, alt, boost) for f in SPLIT_FIELDS if f in fields]
                parts = [p for p in parts if p is not None]
                q = (parts[0] if len(parts) == 1 else Or(parts)) if parts else None
            elif field == "title":
                q = _split_query(field, alt, boost)
        else:  # join, synonym, fuzzy: other words for the same thing
            q = _words_query(field, alt.words, phrase=len(alt.words) > 1, boost=boost * alt.weight)
        if q is not None and q not in subs:
            subs.append(q)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Or(subs)


def build(plan, content_field, boost_fields, fields=()):
    """(match query on the content field, scoring query, [per-clause match queries]) or None.

    ``boost_fields`` is [(field name, boost)]. In "most" mode the match query is the union of
    the clauses; which documents match enough of them is decided by the caller."""
    clauses = []
    for clause in plan.clauses:
        q = clause_query(clause, content_field, content_field, fields=fields)
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
        for name, boost in boost_fields if plan.boosted else ():
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


def clause_groups(plan):
    """Per clause: ([stems of the words as typed, of each alternative], [lemma ids named by synonyms])."""
    out = []
    for clause in plan.clauses:
        groups = [_stems(clause.words)]
        groups += [_stems(a.words) for a in clause.alternatives if a.kind in ("join", "synonym")]
        lemma_ids = [str(a.lemma_id) for a in clause.alternatives if a.kind == "lemma"]
        out.append((groups, lemma_ids))
    return out
