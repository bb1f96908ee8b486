"""What citable versions and paged sources cost a reader: page weight and render time.

    .venv/bin/python bench/versions.py              # ~1 minute; one scratch SQLite database
    .venv/bin/python bench/versions.py --runs 30

A scratch database in a temp dir with fixtures/lexicon.json and sources.json, version 1 of every
lemma (as load_lexicon writes it) and a version 2 of one lemma; production settings (DEBUG off), page cache off so
every request renders, Django's test client in-process. For each page: median render time over
--runs and its HTML in KiB (query counts are guarded by tests/web/test_query_counts.py). Ratios in one run: the lemma page with its
"Laatst bijgewerkt" line against the same lemma's version page; the long source's contents page and
its largest chapter against the whole source as one page (what /bronnen/<slug>/ was before).
Targets (issue 13): no page heavier than 150 KB of HTML.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

MEASURE = r"""
import json, statistics, sys, time
from datetime import datetime, timezone
import django
django.setup()
from django.db.models.functions import Length
from django.template.loader import render_to_string
from django.test import Client
from lexicon.content.models import Lemma, Source
from lexicon.content.models.versions import ensure_first_versions, freeze

runs = int(sys.argv[1])
ensure_first_versions()  # what load_lexicon does after loading the fixtures
lemma = Lemma.objects.get(slug="sociale-technologie")
lemma.body = lemma.body.replace(" de ", " de sterk veranderende ", 1)
lemma.save()
freeze(lemma, "Een alinea verduidelijkt.", published_at=datetime(2026, 11, 20, tzinfo=timezone.utc))
source = Source.objects.get(slug="duyvendak-tonkens-beloften-van-nabijheid")
largest = source.sections.annotate(n=Length("body")).order_by("-n").first()
base = "/lemma/sociale-technologie/"
urls = [
    ("lemma page", base), ("versions list", base + "versies/"), ("version 1", base + "versies/1/"),
    ("version 2 changes", base + "versies/2/wijzigingen/"), ("home", "/"),
    ("source contents", source.get_absolute_url()), ("largest chapter", largest.get_absolute_url()),
    ("404 with suggestions", "/lemma/sociale-tehcnologie/"),
]
client = Client()
out = {}
for name, url in urls:
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t) * 1000)
    out[name] = {"ms": statistics.median(times), "kib": len(response.content) / 1024}
# The whole source on one page, as it was served before chapters had pages of their own.
times = []
for _ in range(max(3, runs // 5)):
    t = time.perf_counter()
    html = render_to_string("lexicon/source_detail.html", {"source": source, "sections": list(source.sections.all())})
    times.append((time.perf_counter() - t) * 1000)
out["whole source, one page"] = {"ms": statistics.median(times), "kib": len(html.encode()) / 1024}
print(json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="timed renders per page (default 15)")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench_versions_"))
    env = _server.scratch_env(workdir / "site", cache="file")
    _server.prepare_site(env, index=False, log=print)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(args.runs)], cwd=_server.ROOT,
                            env={**env, "PAGE_CACHE": "0", "ALLOWED_HOSTS": "testserver"},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"# median of {args.runs} renders per page, page cache off, in-process test client")
    print(f"{'page':26} {'ms':>8} {'KiB':>7}")
    print("-" * 43)
    for name, r in pages.items():
        print(f"{name:26} {r['ms']:8.1f} {r['kib']:7.0f}")
    whole = pages["whole source, one page"]
    print()
    print(f"lemma page / version page time: {pages['lemma page']['ms'] / pages['version 1']['ms']:.2f}x")
    print(f"source contents / whole source: {pages['source contents']['kib'] / whole['kib']:.3f}x the HTML, "
          f"{pages['source contents']['ms'] / whole['ms']:.3f}x the time; largest chapter "
          f"{pages['largest chapter']['kib'] / whole['kib']:.3f}x the HTML")
    heaviest = max((r["kib"], name) for name, r in pages.items() if name != "whole source, one page")
    print(f"heaviest new page: {heaviest[1]} {heaviest[0]:.0f} KiB (target < 150 KB): "
          f"{'MET' if heaviest[0] * 1024 < 150_000 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
