"""Why rebuild_index merges the Whoosh index: search pages on the index as haystack leaves it vs merged.

    .venv/bin/python bench/index_segments.py            # ~15 s; a scratch SQLite database with the book
    .venv/bin/python bench/index_segments.py --rounds 5

Production settings (DEBUG off, page cache off) on a scratch database with fixtures/lexicon.json.
The index is built with haystack's own update_index (a segment per batch and model), copied, and
the copy merged into one segment (what lexicon's update_index does). The same search pages
(bench/pages.py's queries) are then rendered in-process by Django's test client against each
index in alternating rounds, so both see the same machine load; the table shows the median per
search page and the ratio.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402
from pages import SEARCH_TERMS  # noqa: E402

MEASURE = r"""
import json, shutil, statistics, sys, time
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from haystack import connections
from haystack.management.commands.update_index import Command as HaystackUpdateIndex
from whoosh.index import open_dir

rounds, terms = int(sys.argv[1]), json.loads(sys.argv[2])
info = connections.connections_info["default"]
stock = info["PATH"]
call_command(HaystackUpdateIndex(), verbosity=0)
merged = stock + "-merged"
shutil.copytree(stock, merged)


def use(path):
    info["PATH"] = path
    connections.thread_local.connections = {}
    return connections["default"].get_backend()


use(merged).optimize()
client = Client()
times = {stock: [], merged: []}
for _ in range(rounds):
    for path in (stock, merged):
        use(path)
        for term in terms:
            client.get("/zoeken/", {"q": term})  # warm: searcher opened, query parsed
        for term in terms:
            t = time.perf_counter()
            assert client.get("/zoeken/", {"q": term}).status_code == 200
            times[path].append((time.perf_counter() - t) * 1000)
segments = {path: len(open_dir(path)._segments()) for path in times}
print(json.dumps({"stock": {"segments": segments[stock], "ms": statistics.median(times[stock])},
                  "merged": {"segments": segments[merged], "ms": statistics.median(times[merged])},
                  "renders": len(times[stock])}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds over all queries (default 3)")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    env = _server.scratch_env(Path(args.workdir or tempfile.mkdtemp(prefix="bench_segments_")), cache="file")
    _server.prepare_site(env, index=False)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(args.rounds), json.dumps(SEARCH_TERMS)],
                            cwd=_server.ROOT, env={**env, "PAGE_CACHE": "0", "ALLOWED_HOSTS": "testserver"},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    stock, merged = data["stock"], data["merged"]
    print(f"# median of {data['renders']} search-page renders per index, page cache off, in-process test client")
    print()
    print(f"{'index':34} {'segments':>9} {'ms per page':>12}")
    print("-" * 57)
    print(f"{'as haystack update_index leaves it':34} {stock['segments']:9d} {stock['ms']:12.1f}")
    print(f"{'merged (lexicon update_index)':34} {merged['segments']:9d} {merged['ms']:12.1f}")
    print()
    print(f"merged / stock = {merged['ms'] / stock['ms']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
