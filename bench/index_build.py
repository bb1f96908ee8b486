"""How long building the search index of a 10,000-lemma lexicon takes, and re-indexing one lemma.

    .venv/bin/python bench/index_build.py                  # 10,000 synthetic lemmas + the book
    .venv/bin/python bench/index_build.py --count 2000 --procs 1   # in one process
    .venv/bin/python bench/index_build.py --reuse          # keep a database generated earlier
    .venv/bin/python bench/index_build.py --count 1000 --compare   # also with Whoosh's own pool

Needs PostgreSQL (local, trust auth): it creates and uses the database ``lexicon_bench_index``
(override with BENCH_DATABASE_URL), loads the book and ``manage.py generate_synthetic_lexicon``,
then runs ``manage.py rebuild_index`` (sections derived, the whole index written) into --workdir.
Prints, from one run: documents, seconds and documents per second of the build; the same
corpus's PostgreSQL full-text index (to_tsvector('dutch') + GIN, as bench/search.py builds it)
for comparison; and the time to re-index one saved lemma (its document and its sections) in a
full index. Target (issue 16): the 10,000-lemma build in <= 60 s.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lexicon_bench_index")
TARGET_SECONDS = 60


def prepare(args):
    os.environ["DATABASE_URL"] = BENCH_DB
    os.environ["WHOOSH_INDEX_PATH"] = str(Path(args.workdir) / "whoosh")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-key")  # production settings (DEBUG off) need one
    os.environ.setdefault("PAGE_CACHE", "0")
    os.environ.setdefault("EXPORTS_BUILD", "off")  # no background book build of the bench corpus
    import psycopg

    name = BENCH_DB.rsplit("/", 1)[1]
    with psycopg.connect(BENCH_DB.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not args.reuse:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    from lexicon.content.models import Lemma

    call_command("migrate", verbosity=0, interactive=False)
    if not Lemma.objects.filter(slug__startswith="syn-").exists():
        call_command("load_lexicon", verbosity=0)
        call_command("generate_synthetic_lexicon", count=args.count, verbosity=0)
    from django.apps import apps

    # The bench saves a lemma below and times its re-index itself.
    apps.get_app_config("haystack").signal_processor.teardown()


def postgres_fts_seconds():
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_index_fts")
        cur.execute("""
            CREATE TABLE bench_index_fts AS
            SELECT id, setweight(to_tsvector('dutch', title), 'A') ||
                   setweight(to_tsvector('dutch', coalesce(alternative_terms, '')), 'B') ||
                   setweight(to_tsvector('dutch', body), 'D') AS tsv
            FROM lexicon_lemma WHERE status = 'gepubliceerd'
        """)
        cur.execute("CREATE INDEX bench_index_fts_tsv ON bench_index_fts USING gin (tsv)")
        cur.execute("DROP TABLE bench_index_fts")
    return time.perf_counter() - started


def single_lemma_ms(rounds=7):
    from django.db import transaction

    from lexicon.content.models import Lemma
    from lexicon.search.signals import reindex_lemma

    lemma = Lemma.objects.published().filter(slug__startswith="syn-").order_by("order")[100]
    timings = []
    for i in range(rounds):
        with transaction.atomic():
            lemma.body = lemma.body + f"\n\nToegevoegde zin {i} over nabijheid."
            lemma.save()
        started = time.perf_counter()
        reindex_lemma(lemma.pk)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), len(lemma.body)


def _children_cpu():
    times = os.times()
    return times.children_user + times.children_system


def build(args):
    """(wall seconds, CPU seconds of this process, CPU seconds of the processes it forked) of
    what `rebuild_index` does (its own parser does not pass --procs/--limitmb on: update_index's
    defaults, two processes on two cores)."""
    from django.core.management import call_command

    from lexicon.content.models import LemmaSection

    sections = LemmaSection.objects.all()
    sections._raw_delete(sections.db)  # the build derives them, as after generate_synthetic_lexicon
    cpu0, children0, started = time.process_time(), _children_cpu(), time.perf_counter()
    call_command("clear_index", interactive=False, verbosity=0)
    call_command("update_index", procs=args.procs, limitmb=args.limitmb, verbosity=1)
    return time.perf_counter() - started, time.process_time() - cpu0, _children_cpu() - children0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic lemmas (default 10000)")
    parser.add_argument("--procs", type=int, default=None,
                        help="update_index --procs (default: its own, 2 processes on two cores)")
    parser.add_argument("--limitmb", type=int, default=256, help="update_index --limitmb (default 256)")
    parser.add_argument("--workdir", default="/tmp/bench_index_build")
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    parser.add_argument("--compare", action="store_true",
                        help="also build once with Whoosh's own posting pool and field lengths (before issue 16 part 2)")
    args = parser.parse_args()
    prepare(args)

    from haystack import connections

    from lexicon.content.models import Lemma

    lemmas = Lemma.objects.published().count()
    whoosh_cpu = None
    if args.compare:
        from unittest import mock

        with mock.patch("lexicon.search.backend.bulk_writer", lambda writer: writer):
            whoosh_cpu = sum(build(argparse.Namespace(**{**vars(args), "procs": 1}))[1:])  # one process
    seconds, cpu, child_cpu = build(args)
    backend = connections["default"].get_backend()
    docs = backend.index.doc_count()
    segments = len(backend.index._segments())
    pg = postgres_fts_seconds()
    one_ms, body_chars = single_lemma_ms()

    print()
    print(f"Index build, {lemmas} published lemmas, {docs} documents, {segments} segment(s), "
          f"procs={args.procs}, limitmb={args.limitmb}; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'what':44} {'seconds':>9} {'docs/s':>9}")
    print("-" * 64)
    print(f"{'clear_index + update_index (sections, index)':44} {seconds:9.1f} {docs / seconds:9.0f}")
    print(f"{'  CPU time of this process':44} {cpu:9.1f} {docs / cpu:9.0f}")
    if child_cpu:
        print(f"{'  CPU time of the second process':44} {child_cpu:9.1f}")
    if whoosh_cpu is not None:
        print(f"{'  CPU with Whoosh own pool and lengths':44} {whoosh_cpu:9.1f} {docs / whoosh_cpu:9.0f}")
    print(f"{'PostgreSQL tsvector + GIN, same lemmas':44} {pg:9.1f}")
    print(f"{'re-index one saved lemma (median of 7)':44} {one_ms / 1000:9.3f}")
    print()
    print(f"build / PostgreSQL = {seconds / pg:.1f}x; one lemma ({body_chars} characters) re-indexed in {one_ms:.0f} ms")
    # The corpus as generated (``--count`` lemmas, some of them drafts, as in a real lexicon);
    # smaller corpora are extrapolated linearly (the build's cost is per posting).
    at_10k = seconds * 10_000 / max(args.count, 1)
    print(f"10,000-lemma target <= {TARGET_SECONDS} s: {'MET' if at_10k <= TARGET_SECONDS else 'NOT MET'} "
          f"({seconds:.0f} s wall, {cpu + child_cpu:.0f} s CPU in all for {args.count} generated lemmas, {lemmas} published; about {at_10k:.0f} s wall, "
          f"{(cpu + child_cpu) * 10_000 / max(args.count, 1):.0f} s CPU at 10,000 generated)")
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) + 0.5:
        print(f"note: load average {load:.1f} on {os.cpu_count()} CPUs: other jobs shared the machine, wall times are high")


if __name__ == "__main__":
    main()
