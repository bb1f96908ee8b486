"""Do the list pages scale? The same pages on the real lexicon and with 10,000 more lemmas.

    .venv/bin/python bench/lists.py                 # ~15 s; two scratch SQLite databases
    .venv/bin/python bench/lists.py --count 10000 --runs 20

Two scratch databases in a temp dir, production settings (DEBUG off), page cache off so every
request renders: "real" is fixtures/lexicon.json, "big" is the same plus
``generate_synthetic_lexicon --count 10000``. Each page is rendered in-process by Django's test
client (no network), once to warm up and then --runs times; the table shows the median time on
each database and the ratio big/real. Target (issue 7): A-Z, cluster and author pages within 2x.
The big database's pages show a full page of LIST_PAGE_SIZE lemmas where the real lexicon shows
its few, so the ratio includes rendering more rows, not only the larger tables.
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
import django
django.setup()
from django.test import Client
from lexicon.content.models import Author, Lemma
from lexicon.content.rendering import initial_letter

runs = int(sys.argv[1])
real = Lemma.objects.published().exclude(slug__startswith="syn-").order_by("order").first()
real_author = Author.objects.exclude(slug__startswith="syn-").filter(lemmas=real).first()
letter = initial_letter(real.title)
urls = [
    ("A-Z", "/a-z/"),
    (f"A-Z letter {letter}", f"/a-z/?letter={letter}"),
    (f"A-Z letter {letter}, page 2", f"/a-z/?letter={letter}&page=2"),
    ("cluster", real.cluster.get_absolute_url()),
    ("cluster, page 2", real.cluster.get_absolute_url() + "?page=2"),
    ("authors", "/auteurs/"),
    ("author (real)", real_author.get_absolute_url()),
    ("home", "/"),
]
client = Client()
out = {}
for name, url in urls:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs if name != "home" else min(runs, 3)):  # home is informational and can be slow
        t = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t) * 1000)
    out[name] = {"ms": statistics.median(times), "kib": len(response.content) / 1024,
                 "cards": response.content.count(b'class="lemma-card"')}
print(json.dumps({"pages": out, "lemmas": Lemma.objects.published().count()}))
"""


def measure(env, runs):
    result = subprocess.run([sys.executable, "-c", MEASURE, str(runs)], cwd=_server.ROOT,
                            env={**env, "PAGE_CACHE": "0", "ALLOWED_HOSTS": "testserver"},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="synthetic lemmas in the big database")
    parser.add_argument("--runs", type=int, default=15, help="timed renders per page (default 15)")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench_lists_"))
    results = {}
    for label, extra in (("real", 0), ("big", args.count)):
        env = _server.scratch_env(workdir / label, cache="file")
        _server.prepare_site(env, synthetic=extra, index=False,  # list pages do not search
                             log=lambda line, label=label: print(line.replace("# data", f"# {label}")))
        results[label] = measure(env, args.runs)
    real, big = results["real"], results["big"]
    print(f"# median of {args.runs} renders per page, page cache off, in-process test client; "
          f"{real['lemmas']} vs {big['lemmas']} published lemmas")
    print()
    print(f"{'page':28} {'real ms':>8} {'big ms':>8} {'big/real':>9} {'real KiB':>9} {'big KiB':>8} {'lemmas listed':>14}")
    print("-" * 91)
    worst = 0
    for name, r in real["pages"].items():
        b = big["pages"][name]
        ratio = b["ms"] / r["ms"]
        if name != "home":
            worst = max(worst, ratio)
        listed = f"{r['cards']} vs {b['cards']}" if r["cards"] or b["cards"] else ""
        print(f"{name:28} {r['ms']:8.1f} {b['ms']:8.1f} {ratio:8.2f}x {r['kib']:9.0f} {b['kib']:8.0f} {listed:>14}")
    print()
    print(f"worst A-Z/cluster/author ratio {worst:.2f}x (target <= 2x): {'MET' if worst <= 2 else 'NOT MET'}"
          " (home is shown for information; it is not a list page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
