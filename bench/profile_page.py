"""Where a rendered page (page cache off) spends its time: cProfile of repeated requests.

    .venv/bin/python bench/profile_page.py                    # the first lemma of the book
    .venv/bin/python bench/profile_page.py / /zoeken/?q=buurt --requests 50 --top 30

A scratch SQLite database in a temp dir with fixtures/lexicon.json (``load_lexicon``) and a fresh
search index; requests go through Django's test client (the whole middleware stack, DEBUG off,
no network). For each path it prints the SQL queries per request, the CPU time per request
without and with the profiler, and the functions with the most cumulative and own time. The
first request of each path is not measured (it renders and stores the lemma's text).
"""
import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(workdir):
    os.environ.update({
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3", "WHOOSH_INDEX_PATH": str(workdir / "whoosh"),
        "PAGE_CACHE": "0", "EXPORTS_BUILD": "off", "DEBUG": "0", "SECRET_KEY": "bench-profile-page", "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    })
    import django
    from django.conf import settings

    django.setup()
    # DEBUG off without collectstatic: plain static URLs instead of the manifest.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_lexicon", verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)


def profile(path, requests, top):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    response = client.get(path, secure=True)
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path, secure=True)
    started = time.process_time()
    for _ in range(requests):
        client.get(path, secure=True)
    plain_ms = (time.process_time() - started) / requests * 1000
    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    for _ in range(requests):
        client.get(path, secure=True)
    profiler.disable()
    profiled_ms = (time.process_time() - started) / requests * 1000
    print(f"\n## {path}: {len(response.content) // 1024} KiB, {len(queries.captured_queries)} SQL queries, "
          f"{plain_ms:.1f} ms CPU per request ({profiled_ms:.1f} ms under the profiler)")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
        print(f"\ntop {top} by {order} time:")
        print("\n".join(lines[start:start + top + 1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", help="paths to profile (default: the first lemma)")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench_profile_"))
    setup(workdir)
    from lexicon.content.models import Lemma

    paths = args.paths or [Lemma.objects.published().order_by("order").first().get_absolute_url()]
    for path in paths:
        profile(path, args.requests, args.top)


if __name__ == "__main__":
    main()
