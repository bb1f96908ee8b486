"""Search latency: the Dutch Whoosh engine vs haystack's stock Whoosh backend vs PostgreSQL FTS.

    .venv/bin/python bench/search.py                      # real lexicon, 1,000 and 10,000 lemmas
    .venv/bin/python bench/search.py --sizes real,1000    # a subset
    .venv/bin/python bench/search.py --queries 200 --workdir /tmp/bench_search
    .venv/bin/python bench/search.py --reuse-stock     # keep stock-engine indexes of an earlier run

Needs PostgreSQL (local, trust auth): it creates and uses the database ``lexicon_bench_search``
(override with BENCH_DATABASE_URL). Index files go to --workdir (default /tmp/bench_search).
Stops by itself (a few minutes, mostly building the 10,000-lemma Whoosh indexes) and prints one
table: p50/p95 latency of 200 queries with highlighted snippets, page of 10, per corpus.

Corpora: "real" is fixtures/lexicon.json (plus fixtures/sources.json when present); "1000" and
"10000" are synthetic lemmas built from the seed paragraphs of the book (title, intro and three
to five ``##`` sections each). Queries are drawn from the same text (single words, word pairs
from one paragraph, quoted phrases, and the issue's examples), identical for every engine.

Columns (all in one run, same machine, same queries):
  dutch      this project's engine through haystack (SearchQuerySet ... .highlight()[:10])
  dutch+2lv  the full /api/zoeken service: results + sections level + facets + spelling
  stock      haystack's stock WhooshEngine, same SearchIndex classes, same SearchQuerySet
  postgres   websearch_to_tsquery('dutch') + ts_rank_cd + ts_headline on the top 10, total count
"""
import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lexicon_bench_search")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-key")  # production settings (DEBUG off) need one
os.environ.setdefault("PAGE_CACHE", "0")
os.environ.setdefault("EXPORTS_BUILD", "off")  # no background book build of the bench corpus
os.environ.setdefault("SEARCH_RESULTS_MEMO", "0")  # every search is measured, none answered from memory
SEED = ROOT / "fixtures" / "source" / "lexicon-nabijheid-en-sociaal-werk-2022.txt"
BUILD_PROCS = min(2, os.cpu_count() or 1)
SEED_VERSION = "seed-20221-v1"  # bump when the synthetic corpus generator changes
EXAMPLES = ["buurten", "clienten", "ervaringsdeskundige", "keukentafelgesprek", "eenzaamheid", "segregatie"]


def ensure_database():
    import psycopg

    name = BENCH_DB.rsplit("/", 1)[1]
    admin_url = BENCH_DB.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from django.apps import apps

    # Bulk loads must not go through the realtime signal processor.
    apps.get_app_config("haystack").signal_processor.teardown()


def use_index_dir(directory):
    """Point both haystack connections at one corpus's index directories."""
    from django.conf import settings
    from haystack import connections

    connections.connections_info = {
        "default": {"ENGINE": "lexicon.search.backend.DutchWhooshEngine", "PATH": str(directory / "dutch")},
        "stock": {"ENGINE": "haystack.backends.whoosh_backend.WhooshEngine", "PATH": str(directory / "stock")},
    }

    settings.HAYSTACK_CONNECTIONS = connections.connections_info  # engines read their options here
    connections.thread_local.connections = {}


# -- corpora ---------------------------------------------------------------------------------

def seed_paragraphs():
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # undo line-end hyphenation, roughly
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return [p for p in paragraphs if len(p) > 200]


def words_of(text):
    return re.findall(r"[a-zA-Zà-ÿ]{6,}", text)


def clear_content():
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("TRUNCATE lexicon_lemmasection, lexicon_lemmaauthor, lexicon_crossreference, lexicon_slugredirect, "
                    "lexicon_suggestion, lexicon_lemma, lexicon_author, lexicon_cluster, lexicon_page, "
                    "lexicon_sourcesection, lexicon_source RESTART IDENTITY CASCADE")
    try:  # CASCADE also empties the search app's synonym list: put back the list the site ships with
        import importlib

        from django.apps import apps

        importlib.import_module("lexicon.search.migrations.0002_starter_synonyms").add(apps, connection.schema_editor())
    except ImportError:  # a checkout without the synonym list
        pass


def load_real():
    from django.core.management import call_command

    from lexicon.content import sections
    from lexicon.content.models import Lemma

    call_command("loaddata", str(ROOT / "fixtures" / "lexicon.json"), verbosity=0)
    if (ROOT / "fixtures" / "sources.json").exists():
        call_command("loaddata", str(ROOT / "fixtures" / "sources.json"), verbosity=0)
    sections.sync_all_sections(Lemma.objects.all())


def load_synthetic(n, paragraphs, rng):
    from lexicon.content.models import Author, Cluster, Lemma, LemmaAuthor, LemmaSection
    from lexicon.content.rendering import heading_anchor

    clusters = [Cluster.objects.create(name=f"Cluster {i}", slug=f"cluster-{i}", order=i) for i in range(4)]
    authors = Author.objects.bulk_create(
        [Author(name=f"Auteur {i} Achternaam{i}", slug=f"auteur-{i}", sort_name=f"Achternaam{i}") for i in range(200)]
    )
    vocab = sorted({w.lower() for p in paragraphs for w in words_of(p)})
    lemmas, section_rows, links = [], [], []
    for i in range(n):
        title = f"{rng.choice(vocab).capitalize()} {rng.choice(vocab)} {i}"
        intro = rng.choice(paragraphs)
        parts, heads = [intro], []
        for j in range(rng.randint(3, 5)):
            head = f"{rng.choice(vocab).capitalize()} en {rng.choice(vocab)}"
            heads.append((head, rng.choice(paragraphs)))
            parts.append(f"## {head}\n\n{heads[-1][1]}")
        lemmas.append(Lemma(
            title=title, slug=f"lemma-{i}", cluster=rng.choice(clusters), order=i, status="gepubliceerd",
            lead=intro[:300], body="\n\n".join(parts), alternative_terms=", ".join(rng.sample(vocab, 2)),
        ))
        section_rows.append([(title, "", intro)] + [(h, heading_anchor(h), t) for h, t in heads])
    lemmas = Lemma.objects.bulk_create(lemmas, batch_size=1000)
    sections, seen = [], set()
    for lemma, rows in zip(lemmas, section_rows):
        seen.clear()
        for order, (title, anchor, text) in enumerate(rows):
            if anchor in seen:
                continue
            seen.add(anchor)
            sections.append(LemmaSection(lemma=lemma, order=order, title=title, anchor=anchor, text=text))
        links.append(LemmaAuthor(lemma=lemma, author=rng.choice(authors), position=0))
    LemmaSection.objects.bulk_create(sections, batch_size=2000)
    LemmaAuthor.objects.bulk_create(links, batch_size=2000)


# -- indexes -----------------------------------------------------------------------------------

def build_whoosh(alias, signature=None):
    """Index every model of the unified index with one big writer (fast bulk build).

    With ``signature`` (--reuse-stock), an index already built for the same corpus is kept:
    the stock engine's code never changes, and its 10,000-lemma build takes ten minutes."""
    import shutil

    from haystack import connections

    backend = connections[alias].get_backend()
    marker = Path(str(backend.path) + ".corpus")
    if signature and marker.exists() and marker.read_text() == signature and os.path.isdir(backend.path):
        print(f"[{alias}] reusing the index built for {signature}", file=sys.stderr, flush=True)
        return None
    marker.unlink(missing_ok=True)
    if os.path.exists(backend.path):
        shutil.rmtree(backend.path)
    backend.setup_complete = False
    backend.setup()
    if hasattr(backend, "bulk_build"):  # the Dutch engine: the project's own build (rebuild_index)
        started = time.perf_counter()
        count = backend.bulk_build(connections[alias].get_unified_index().collect_indexes())
        print(f"[{alias}] {count} documents indexed by the project's bulk build in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        backend.setup_complete = False
        if signature:
            marker.write_text(signature)
        return count
    # The stock engine: Whoosh's bulk writer, two processes, one merged segment at the end.
    writer = backend.index.writer(procs=BUILD_PROCS, limitmb=128, multisegment=False)
    count = 0
    for index in connections[alias].get_unified_index().collect_indexes():
        qs = index.index_queryset(using=alias)
        for obj in qs.iterator(chunk_size=2000):
            if hasattr(backend, "_prepare_doc"):  # the Dutch engine: same documents as its update()
                doc = backend._prepare_doc(index, obj)
            else:  # stock: what WhooshSearchBackend.update() writes
                doc = {key: backend._from_python(value) for key, value in index.full_prepare(obj).items()}
                doc.pop("boost", None)
            writer.add_document(**doc)
            count += 1
    writer.commit()
    backend.setup_complete = False
    if signature:
        marker.write_text(signature)
    return count


def build_postgres():
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_fts")
        cur.execute("""
            CREATE TABLE bench_fts AS
            SELECT id, title, slug, body,
                   setweight(to_tsvector('dutch', title), 'A') ||
                   setweight(to_tsvector('dutch', coalesce(alternative_terms, '')), 'B') ||
                   setweight(to_tsvector('dutch', body), 'D') AS tsv
            FROM lexicon_lemma WHERE status = 'gepubliceerd'
        """)
        cur.execute("CREATE INDEX bench_fts_tsv ON bench_fts USING gin (tsv)")
        cur.execute("ANALYZE bench_fts")


PG_SQL = """
    WITH q AS (SELECT websearch_to_tsquery('dutch', %s) AS q),
    hits AS (
        SELECT id, title, slug, body, ts_rank_cd(tsv, q.q) AS rank, count(*) OVER () AS total
        FROM bench_fts, q WHERE tsv @@ q.q ORDER BY rank DESC LIMIT 10
    )
    SELECT id, title, slug, rank, total,
           ts_headline('dutch', body, q.q, 'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>')
    FROM hits, q ORDER BY rank DESC
"""


# -- queries -----------------------------------------------------------------------------------

def make_queries(paragraphs, rng, n):
    from whoosh.lang.stopwords import stoplists

    stop = stoplists["nl"]
    queries = list(EXAMPLES)
    while len(queries) < n:
        paragraph = rng.choice(paragraphs)
        words = [w for w in words_of(paragraph) if w.lower() not in stop]
        if len(words) < 3:
            continue
        kind = rng.random()
        if kind < 0.55:
            queries.append(rng.choice(words).lower())
        elif kind < 0.85:
            a, b = rng.sample(words, 2)
            queries.append(f"{a.lower()} {b.lower()}")
        else:
            tokens = paragraph.split()
            start = rng.randrange(0, max(1, len(tokens) - 2))
            phrase = re.sub(r"[^\w\s]", "", " ".join(tokens[start:start + 2]))
            queries.append(f'"{phrase}"' if phrase.strip() else words[0].lower())
    return queries[:n]


def timed(fn, queries, warmup=15):
    for q in queries[:warmup]:
        fn(q)
    out, hits = [], 0
    for q in queries:
        start = time.perf_counter()
        hits += bool(fn(q))
        out.append((time.perf_counter() - start) * 1000)
    return out, hits


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def engines():
    from django.db import connection
    from haystack.inputs import AutoQuery
    from haystack.query import SearchQuerySet

    from lexicon.content.models import Lemma, Source, SourceSection
    from lexicon.search import queries as service

    def sqs_search(alias):
        def run(q):
            sqs = SearchQuerySet(using=alias).models(Lemma, Source, SourceSection).filter(content=AutoQuery(q))
            results = list(sqs.highlight()[:10])
            for r in results:
                (r.highlighted or {}).get("text")
            return results
        return run

    def two_level(q):
        return service.search(service.clean_query(q)).results

    def postgres(q):
        with connection.cursor() as cur:
            cur.execute(PG_SQL, [q])
            return cur.fetchall()

    return [("dutch", sqs_search("default")), ("dutch+2lv", two_level), ("stock", sqs_search("stock")),
            ("postgres", postgres)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="real,1000,10000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workdir", default="/tmp/bench_search")
    parser.add_argument("--skip-stock", action="store_true",
                        help="leave out haystack's stock engine (its 10,000-lemma build alone takes ten minutes)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the corpus and this engine's index of an earlier run of the same size (search changes only)")
    parser.add_argument("--reuse-stock", action="store_true",
                        help="keep a stock-engine index built earlier in --workdir for the same corpus")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    ensure_database()
    setup_django()

    from lexicon.content.models import Lemma

    rng = random.Random(20221)
    paragraphs = seed_paragraphs()
    queries = make_queries(paragraphs, random.Random(42), args.queries)
    rows = []
    for size in args.sizes.split(","):
        t0 = time.perf_counter()
        use_index_dir(workdir / size)
        marker = workdir / size / "corpus"
        signature = f"{size}:{SEED_VERSION}"
        if args.reuse and marker.exists() and marker.read_text() == signature:
            docs = "(reused)"
        else:
            marker.unlink(missing_ok=True)
            clear_content()
            if size == "real":
                load_real()
            else:
                load_synthetic(int(size), paragraphs, rng)
            docs = build_whoosh("default")
            marker.write_text(signature)
        lemmas = Lemma.objects.published().count()
        if not args.skip_stock:
            build_whoosh("stock", signature=f"{args.sizes}|{size}:{lemmas}:{SEED_VERSION}" if args.reuse_stock else None)
        build_postgres()
        print(f"[{size}] {lemmas} lemmas, {docs} index documents, loaded and built in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr, flush=True)
        figures = {}
        for name, fn in engines():
            if name == "stock" and args.skip_stock:
                figures[name] = (float("nan"), float("nan"), 0)
                continue
            latencies, nonempty = timed(fn, queries)
            figures[name] = (pct(latencies, 50), pct(latencies, 95), nonempty)
            print(f"[{size}] {name}: p50 {figures[name][0]:.1f} ms, p95 {figures[name][1]:.1f} ms, "
                  f"{nonempty}/{len(queries)} queries with hits", file=sys.stderr, flush=True)
        rows.append((size, lemmas, figures))

    names = ["dutch", "dutch+2lv", "stock", "postgres"]
    print()
    print(f"Search latency, {len(queries)} queries, highlighted page of 10 (ms; p50 / p95)")
    header = f"{'corpus':<8} {'lemmas':>7} " + " ".join(f"{n:>17}" for n in names) + \
        f" {'stock/dutch p95':>16} {'dutch/pg p95':>13}"
    print(header)
    print("-" * len(header))
    for size, lemmas, figures in rows:
        cells = " ".join(f"{figures[n][0]:>7.1f} / {figures[n][1]:>6.1f}" for n in names)
        speedup = figures["stock"][1] / figures["dutch"][1]
        vs_pg = figures["dutch"][1] / figures["postgres"][1]
        print(f"{size:<8} {lemmas:>7} {cells} {speedup:>15.1f}x {vs_pg:>12.2f}x")
    print()
    print("queries with hits: " + "; ".join(
        f"{size}: " + ", ".join(f"{n} {figures[n][2]}" for n in names) for size, _l, figures in rows))
    print(f"median of all queries per engine; python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; the 'dutch+2lv' column also runs the section query, facets and Django DB look-ups")


if __name__ == "__main__":
    main()
