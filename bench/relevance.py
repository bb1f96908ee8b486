"""Search relevance on judged queries: this site's engine vs two textbook baselines, in one run.

    .venv/bin/python bench/relevance.py                 # table: P@1, MRR, nDCG@10 per kind and overall
    .venv/bin/python bench/relevance.py -v              # plus every query's top 5 where the site misses
    .venv/bin/python bench/relevance.py --queries bench/relevance/queries.tsv --json /tmp/rel.json

Needs PostgreSQL (local, trust auth): it uses the database ``lexicon_search_relevance`` (override with
BENCH_DATABASE_URL), loads fixtures/lexicon.json and fixtures/sources.json into it, builds a Whoosh
index in a temporary directory and answers every judged query (bench/relevance/queries.tsv, see its
header for the grades) with:

  site      the full service behind /zoeken/ and /api/zoeken (lexicon.search.queries.search), page 1
  pg-dutch  PostgreSQL full-text search: websearch_to_tsquery('dutch'), ts_rank_cd, title weight A,
            alternative terms B, text D
  bm25      plain Okapi BM25 (k1=1.2, b=0.75) over the same texts, words lowercased, Dutch stop words
            dropped, Dutch Snowball stem (Whoosh's stemmer: no extra dependency), accents folded;
            any query word may match (OR), so it never fails on a long question

All three see the same documents: each published lemma (title, subtitle, alternative terms, authors,
lead, text), the Over-pages, each source and source chapter. Metrics per query, then averaged:
P@1 and MRR count a result as relevant from grade 2 (or the query's best grade when that is lower);
nDCG@10 uses gains 2^grade - 1 and the ideal ranking of all judged documents. "zero" counts queries
with no result at all.
"""
import argparse
import json
import math
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lexicon_search_relevance")
QUERIES = ROOT / "bench" / "relevance" / "queries.tsv"
SOURCE_ALIASES = {
    "DT": "duyvendak-tonkens-beloften-van-nabijheid",
    "HL": "hilhorst-vanderlans-nabij-is-beter",
    "SCH": "schout-anders-denken-en-doen",
    "AB": "vanderlans-actieve-burgers",
}
ENGINES = ("site", "pg-dutch", "bm25")


# -- judged queries ----------------------------------------------------------------------------

def read_judgments(path, known_ids):
    """[(kind, query, {doc id: grade}, note)]; every id must name a document of the fixtures."""
    out = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise SystemExit(f"{path}:{no}: expected kind<TAB>query<TAB>judgments")
        kind, query, judged = cols[0].strip(), cols[1].strip(), cols[2].split()
        grades = {}
        for item in judged:
            ref, _, grade = item.rpartition("=")
            grades[resolve_id(ref, known_ids, f"{path}:{no}")] = int(grade)
        out.append((kind, query, grades, cols[3].strip() if len(cols) > 3 else ""))
    return out


def resolve_id(ref, known_ids, where):
    """'DT#5' -> 'bron/duyvendak-...#5-emotiemanagement-...' (unique anchor prefix); others as written."""
    alias, sep, anchor = ref.partition("#")
    if alias in SOURCE_ALIASES:
        base = f"bron/{SOURCE_ALIASES[alias]}"
        if not sep:
            return base
        prefix = anchor + ("-" if anchor.isdigit() else "")
        matches = [i for i in known_ids if i.startswith(f"{base}#{prefix}")]
        if len(matches) != 1:
            raise SystemExit(f"{where}: {ref!r} names {len(matches)} source chapters")
        return matches[0]
    if ref not in known_ids:
        raise SystemExit(f"{where}: unknown document {ref!r}")
    return ref


def doc_id_from_url(url):
    path = re.sub(r"^https?://[^/]+", "", url)
    m = re.match(r"^/lemma/([^/#]+)/", path)
    if m:
        return m.group(1)
    m = re.match(r"^/over/([^/#]+)/", path)
    if m:
        return f"over/{m.group(1)}"
    # A long source is paged by chapter (/bronnen/<slug>/<chapter>/), a short one has anchors (#chapter).
    m = re.match(r"^/bronnen/([^/#]+)/(?:([^/#]+)/)?(?:#(.+))?$", path)
    if m:
        anchor = m.group(2) or m.group(3)
        return f"bron/{m.group(1)}" + (f"#{anchor}" if anchor else "")
    return path


# -- metrics -----------------------------------------------------------------------------------

def metrics(ranked, grades):
    ranked = ranked[:10]
    threshold = min(2, max(grades.values()))
    rr = 0.0
    for pos, doc in enumerate(ranked, start=1):
        if grades.get(doc, 0) >= threshold:
            rr = 1.0 / pos
            break
    dcg = sum((2 ** grades.get(doc, 0) - 1) / math.log2(pos + 1) for pos, doc in enumerate(ranked, start=1))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(pos + 1) for pos, g in enumerate(ideal, start=1))
    p1 = 1.0 if ranked and grades.get(ranked[0], 0) >= threshold else 0.0
    return {"p1": p1, "mrr": rr, "ndcg": dcg / idcg if idcg else 0.0, "zero": 0 if ranked else 1}


# -- setup -------------------------------------------------------------------------------------

def ensure_database():
    import psycopg

    name = BENCH_DB.rsplit("/", 1)[1]
    admin_url = BENCH_DB.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(index_dir):
    os.environ["DATABASE_URL"] = BENCH_DB
    os.environ["WHOOSH_INDEX_PATH"] = str(index_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-key")  # production settings (DEBUG off) need one
    os.environ["PAGE_CACHE"] = "0"
    os.environ.setdefault("EXPORTS_BUILD", "off")  # no background book build of the bench corpus
    os.environ.setdefault("CACHE_URL", "locmem://")
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    apps.get_app_config("haystack").signal_processor.teardown()  # bulk load, then one rebuild
    with connection.cursor() as cur:
        cur.execute("TRUNCATE lexicon_lemmasection, lexicon_lemmaauthor, lexicon_crossreference, lexicon_slugredirect, "
                    "lexicon_suggestion, lexicon_lemma, lexicon_author, lexicon_cluster, lexicon_page, "
                    "lexicon_sourcesection, lexicon_source RESTART IDENTITY CASCADE")
    # TRUNCATE ... CASCADE also empties the synonym list (it refers to lemmas): restore the
    # starter list the site ships with (lexicon/search/migrations/0002_starter_synonyms.py).
    import importlib

    from django.apps import apps as django_apps

    starter = importlib.import_module("lexicon.search.migrations.0002_starter_synonyms")
    starter.add(django_apps, connection.schema_editor())
    call_command("loaddata", str(ROOT / "fixtures" / "lexicon.json"), verbosity=0)
    call_command("loaddata", str(ROOT / "fixtures" / "sources.json"), verbosity=0)
    from lexicon.content import sections
    from lexicon.content.models import Lemma

    sections.sync_all_sections(Lemma.objects.all())
    call_command("rebuild_index", interactive=False, verbosity=0)


def documents():
    """(id, title, weighted-B text, body text) of everything the engines search, from the database."""
    from lexicon.content.models import Lemma, Page, Source, SourceSection
    from lexicon.content.rendering import plain_text

    docs = []
    for lemma in Lemma.objects.published().prefetch_related("lemma_authors__author"):
        authors = ", ".join(a.name for a in lemma.ordered_authors)
        docs.append((lemma.slug, lemma.title, lemma.alternative_terms,
                     "\n".join([lemma.subtitle, authors, plain_text(lemma.lead), plain_text(lemma.body)])))
    for page in Page.objects.all():
        docs.append((f"over/{page.slug}", page.title, "", "\n".join([page.author_line, plain_text(page.body)])))
    for source in Source.objects.all():
        docs.append((f"bron/{source.slug}", source.title, "",
                     "\n".join([source.authors, source.publisher, source.description])))
    for section in SourceSection.objects.select_related("source"):
        docs.append((f"bron/{section.source.slug}#{section.anchor}", section.title, "", plain_text(section.body)))
    return docs


# -- engines -----------------------------------------------------------------------------------

def site_engine():
    from lexicon.search import queries as service

    def run(q):
        try:
            query = service.clean_query(q)
        except service.QueryError:
            return []
        return [doc_id_from_url(hit.url) for hit in service.search(query).results]

    return run


def pg_engine(docs):
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS relevance_docs")
        cur.execute("CREATE TABLE relevance_docs (id text PRIMARY KEY, title text, terms text, body text, tsv tsvector)")
        cur.executemany("INSERT INTO relevance_docs (id, title, terms, body) VALUES (%s, %s, %s, %s)", docs)
        cur.execute("""UPDATE relevance_docs SET tsv = setweight(to_tsvector('dutch', title), 'A')
                       || setweight(to_tsvector('dutch', terms), 'B') || setweight(to_tsvector('dutch', body), 'D')""")

    def run(q):
        with connection.cursor() as cur:
            cur.execute("""SELECT id FROM relevance_docs, websearch_to_tsquery('dutch', %s) q
                           WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, id LIMIT 10""", [q])
            return [row[0] for row in cur.fetchall()]

    return run


def bm25_engine(docs, k1=1.2, b=0.75):
    import unicodedata

    from whoosh.lang import stemmer_for_language
    from whoosh.lang.stopwords import stoplists

    stem, stop = stemmer_for_language("nl"), stoplists["nl"]

    def analyse(text):
        words = [w for w in re.findall(r"\w+", text.lower()) if w not in stop]
        return ["".join(c for c in unicodedata.normalize("NFKD", stem(w)) if not unicodedata.combining(c))
                for w in words]

    tfs = [Counter(analyse(" ".join(d[1:]))) for d in docs]
    lengths = [sum(tf.values()) for tf in tfs]
    avg = sum(lengths) / len(lengths)
    df = Counter(term for tf in tfs for term in tf)
    n = len(docs)

    def run(q):
        terms = set(analyse(q))
        scores = []
        for i, tf in enumerate(tfs):
            s = 0.0
            for t in terms:
                f = tf.get(t)
                if f:
                    idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[i] / avg))
            if s > 0:
                scores.append((-s, docs[i][0]))
        return [doc for _, doc in sorted(scores)[:10]]

    return run


# -- report ------------------------------------------------------------------------------------

def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", default=str(QUERIES))
    parser.add_argument("--json", help="also write every query's ranking and metrics to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the queries the site ranks poorly")
    args = parser.parse_args()

    ensure_database()
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        setup(Path(tmp) / "whoosh")
        docs = documents()
        judged = read_judgments(args.queries, {d[0] for d in docs})
        engines = {"site": site_engine(), "pg-dutch": pg_engine(docs), "bm25": bm25_engine(docs)}
        rows = []
        for kind, query, grades, note in judged:
            row = {"kind": kind, "query": query, "grades": grades, "note": note}
            for name, run in engines.items():
                ranked = run(query)
                row[name] = {"ranked": ranked, **metrics(ranked, grades)}
            rows.append(row)

    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    header = f"{'kind':<11} {'n':>3} " + " ".join(f"| {name:^20}" for name in ENGINES)
    sub = f"{'':<11} {'':>3} " + " ".join(f"| {'P@1':>6}{'MRR':>7}{'nDCG':>7}" for _ in ENGINES)
    print(header)
    print(sub)
    print("-" * len(sub))

    def line(label, subset):
        cells = []
        for name in ENGINES:
            cells.append(f"| {mean(r[name]['p1'] for r in subset):6.3f}{mean(r[name]['mrr'] for r in subset):7.3f}"
                         f"{mean(r[name]['ndcg'] for r in subset):7.3f}")
        print(f"{label:<11} {len(subset):>3} " + " ".join(cells))

    for kind in kinds:
        line(kind, [r for r in rows if r["kind"] == kind])
    print("-" * len(sub))
    line("overall", rows)
    zero = {name: sum(r[name]["zero"] for r in rows) for name in ENGINES}
    print(f"{'zero':<11} {'':>3} " + " ".join(f"| {zero[name]:>20}" for name in ENGINES))
    site = mean(r["site"]["ndcg"] for r in rows)
    best_name = max(ENGINES[1:], key=lambda name: mean(r[name]["ndcg"] for r in rows))
    best = mean(r[best_name]["ndcg"] for r in rows)
    worst_kind = min(kinds, key=lambda k: mean(r["site"]["ndcg"] for r in rows if r["kind"] == k))
    print(f"\nsite nDCG@10 {site:.3f}; best baseline {best_name} {best:.3f} (site {site - best:+.3f}); "
          f"weakest kind for the site: {worst_kind} "
          f"{mean(r['site']['ndcg'] for r in rows if r['kind'] == worst_kind):.3f}; {len(rows)} queries")

    if args.verbose:
        print("\nQueries where the site's nDCG@10 < 0.75 (judged grade in brackets):")
        for r in rows:
            if r["site"]["ndcg"] < 0.75:
                top = ", ".join(f"{d}[{r['grades'].get(d, 0)}]" for d in r["site"]["ranked"][:5]) or "(geen)"
                print(f"  {r['kind']:<10} {r['query']!r}: {r['site']['ndcg']:.2f}  {top}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
