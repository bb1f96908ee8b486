"""How close the site comes to the physical limit: gunicorn vs nginx serving a file.

    .venv/bin/python bench/pages.py                  # ~5 minutes; SQLite scratch DB, Redis cache if running
    .venv/bin/python bench/pages.py --postgres       # scratch database lexicon_bench_pages on PostgreSQL
    .venv/bin/python bench/pages.py --seconds 5 --connections 8 --cache file

Production settings (DEBUG off) on a scratch database in a temp dir with fixtures/lexicon.json
(or a synthetic lexicon of the same size when it is missing) and a fresh search index.
gunicorn (2 sync workers) serves the site on 127.0.0.1:8025 with the page cache on, first alone and
then behind nginx on 127.0.0.1:8030 with the config `manage.py nginx_config` writes (what a deployment
runs: nginx keeps the pages Django's page cache stores for FRONT_CACHE_SECONDS); then on
127.0.0.1:8028 with it off (PAGE_CACHE=0: every request runs the view, which assembles the page
from its stored fragments and answers a repeated search from the results memo); then "from scratch"
with those off too (STORED_FRAGMENTS=0, SEARCH_RESULTS_MEMO=0: a page after an edit, a new search); nginx (Debian package, own config,
2 workers) serves the same lemma page saved as a file on 127.0.0.1:8026: the physical limit of
this machine for that response; and gunicorn on 127.0.0.1:8029 runs a bare WSGI app that returns
the same bytes and does nothing else: the ceiling for any Python app on this server. Load comes from wrk on loopback (a Python client if wrk is
missing), the same connections and duration for every row. Prints one table: requests/s, p50
and p95 latency, and requests/s as a ratio of nginx's.

Targets (issue 7): cached lemma page >= 0.3x nginx; search page p95 < 50 ms on the real lexicon.
Targets (issue 16): rendered lemma page >= 0.15x nginx, home and search rendered >= 0.10x.
The cached lemma page is measured as deployed (nginx front); gunicorn alone is shown beside it.
Client, servers and the other engineers' processes share this machine's CPUs: compare the
ratios within one run rather than absolute figures across runs.
"""
import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

PORTS = (8025, 8026, 8028, 8029, 8030)  # site, nginx, site uncached, bare WSGI, nginx front
SEARCH_TERMS = ["nabijheid", "eenzaamheid", "buurten", "vertrouwen", "sociale basis", "ervaringsdeskundigheid",
                "keukentafelgesprek", "segregatie", "professionals", "wederkerigheid"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=8, help="duration per row (default 8)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL database lexicon_bench_pages")
    parser.add_argument("--cache", choices=["auto", "redis", "file"], default="auto",
                        help="shared page cache: Redis on 127.0.0.1:6379 when running (auto), or files")
    parser.add_argument("--workdir", default=None, help="scratch directory (default: a new temp dir)")
    parser.add_argument("--port-offset", type=int, default=0,
                        help="add this to every port (8025-8030), when another run uses them")
    args = parser.parse_args()
    global SITE, NGINX, SITE_UNCACHED, BARE, FRONT
    SITE, NGINX, SITE_UNCACHED, BARE, FRONT = (port + args.port_offset for port in PORTS)

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench_pages_"))
    database_url = None
    if args.postgres:
        database_url = "postgres://postgres@127.0.0.1:5432/lexicon_bench_pages"
        _server.reset_postgres(database_url)
    env = _server.scratch_env(workdir, database_url, cache=args.cache)
    print(f"# workdir {workdir}; database {env['DATABASE_URL'].split('?')[0]}; cache {env['CACHE_URL']}")
    _server.prepare_site(env)

    urls = _server.django_query(env, """
from lexicon.content.models import Lemma, Author
lemma = Lemma.objects.published().order_by("order").first()
author = Author.objects.filter(lemmas__status="gepubliceerd").order_by("sort_name").first()
print(json.dumps({"lemma": lemma.get_absolute_url(), "cluster": lemma.cluster.get_absolute_url(),
                  "author": author.get_absolute_url(), "count": Lemma.objects.published().count()}))
""")
    pages = [
        ("home", ["/"]),
        ("lemma", [urls["lemma"]]),
        ("cluster", [urls["cluster"]]),
        ("A-Z", ["/a-z/"]),
        ("author", [urls["author"]]),
        ("search (10 queries)", [f"/zoeken/?q={t.replace(' ', '+')}" for t in SEARCH_TERMS]),
    ]
    print(f"# {urls['count']} published lemmas; lemma page {urls['lemma']}; "
          f"{args.connections} connections x {args.seconds} s per row")

    rows = []
    site = _server.start_gunicorn(env, SITE)
    base = f"http://127.0.0.1:{SITE}"
    status, headers, lemma_html = _server.fetch(base + urls["lemma"])
    assert status == 200
    for name, paths in pages:
        for path in paths:  # warm: the first request renders and stores
            _server.fetch(base + path)
        rows.append((f"{name}, cached", _server.load(base, paths, args.seconds, args.connections)))
    _, cached_headers, _ = _server.fetch(base + urls["lemma"])

    front = _server.start_front(env, workdir / "front", FRONT, SITE)
    base = f"http://127.0.0.1:{FRONT}"
    for name, paths in pages:
        for path in paths:
            _server.fetch(base + path)
        rows.append((f"{name}, nginx front", _server.load(base, paths, args.seconds, args.connections)))
    _, front_headers, _ = _server.fetch(base + urls["lemma"])
    _server.stop(front)
    _server.stop(site)

    uncached_env = {**env, "PAGE_CACHE": "0"}
    site = _server.start_gunicorn(uncached_env, SITE_UNCACHED)
    base = f"http://127.0.0.1:{SITE_UNCACHED}"
    for name, paths in pages:
        _server.fetch(base + paths[0])
        rows.append((f"{name}, rendered", _server.load(base, paths, args.seconds, args.connections)))
    # Latency without queueing behind other requests: one connection at a time.
    search_paths = dict(pages)["search (10 queries)"]
    rows.append(("search, rendered, 1 connection", _server.load(base, search_paths, args.seconds, 1, threads=1)))
    _server.stop(site)

    # What a real miss costs: no stored fragments, no memo of repeated searches (a page after an
    # edit, a search never asked before).
    scratch_env = {**uncached_env, "STORED_FRAGMENTS": "0", "SEARCH_RESULTS_MEMO": "0"}
    site = _server.start_gunicorn(scratch_env, SITE_UNCACHED)
    for name, paths in pages:
        if name in ("home", "lemma") or name.startswith("search"):
            _server.fetch(base + paths[0])
            rows.append((f"{name}, from scratch", _server.load(base, paths, args.seconds, args.connections)))
    rows.append(("search, from scratch, 1 conn.", _server.load(base, search_paths, args.seconds, 1, threads=1)))
    _server.stop(site)

    www = workdir / "nginx" / "www"
    www.mkdir(parents=True, exist_ok=True)
    (www / "lemma.html").write_bytes(lemma_html)
    nginx = _server.start_nginx(workdir / "nginx", NGINX)
    limit = _server.load(f"http://127.0.0.1:{NGINX}", ["/lemma.html"], args.seconds, args.connections)
    _server.stop(nginx)
    rows.append(("lemma as a file, nginx", limit))
    bare = _server.start_bare_gunicorn(www / "lemma.html", BARE)
    rows.append(("same bytes, bare WSGI app", _server.load(f"http://127.0.0.1:{BARE}", ["/"], args.seconds, args.connections)))
    _server.stop(bare)

    print(f"# page cache header on the lemma page: X-Page-Cache={cached_headers.get('X-Page-Cache')}, "
          f"ETag={cached_headers.get('ETag')}; through nginx: X-Cache-Status={front_headers.get('X-Cache-Status')}; "
          f"lemma page {len(lemma_html) // 1024} KiB; client {limit['client']}")
    print()
    print(f"{'page':32} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'x nginx':>8} {'errors':>7}")
    print("-" * 77)
    for name, r in rows:
        errors = r["non2xx"] + r["errors"]
        print(f"{name:32} {r['rps']:9.0f} {r['p50']:8.1f} {r['p95']:8.1f} {r['rps'] / limit['rps']:8.2f} {errors:7d}")
    print()
    lemma_cached = next(r for n, r in rows if n == "lemma, cached")
    lemma_front = next(r for n, r in rows if n == "lemma, nginx front")
    search = next(r for n, r in rows if n == "search (10 queries), rendered")
    search_alone = next(r for n, r in rows if n == "search, rendered, 1 connection")
    bare_rps = next(r for n, r in rows if n.startswith("same bytes"))["rps"]
    search_cached = next(r for n, r in rows if n.startswith("search") and n.endswith("cached"))
    ratio = lemma_front["rps"] / limit["rps"]
    print(f"cached lemma page as deployed (nginx front, gunicorn behind) / nginx serving the file = {ratio:.2f}x "
          f"(target >= 0.3x): {'MET' if ratio >= 0.3 else 'NOT MET'}")
    print(f"cached lemma page from gunicorn alone (Django's page cache) / nginx = {lemma_cached['rps'] / limit['rps']:.2f}x")
    print(f"cached lemma page / bare WSGI app on the same gunicorn = {lemma_cached['rps'] / bare_rps:.2f}x "
          f"(the bare app itself reaches {bare_rps / limit['rps']:.2f}x nginx: the ceiling for any Python app here)")
    print(f"search page p95 = {search_cached['p95']:.1f} ms cached, {search_alone['p95']:.1f} ms rendered one at a time, "
          f"{search['p95']:.1f} ms rendered with {args.connections} connections queueing on 2 workers "
          f"(target < 50 ms): {'MET' if search_alone['p95'] < 50 else 'NOT MET'} for a rendered search")
    by_name = dict(rows)
    for page, target in (("lemma", 0.15), ("home", 0.10), ("search (10 queries)", 0.10)):
        rendered = by_name[f"{page}, rendered"]["rps"] / limit["rps"]
        scratch = by_name[f"{page}, from scratch"]["rps"] / limit["rps"]
        print(f"issue 16: {page} rendered (page cache off) / nginx = {rendered:.2f}x (target >= {target}x): "
              f"{'MET' if rendered >= target else 'NOT MET'}; from scratch {scratch:.2f}x")
    if any(r["non2xx"] or r["errors"] for _, r in rows):
        print("WARNING: some requests failed (see the errors column)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
