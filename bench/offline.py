"""The offline web app on the real lexicon: size of what "Bewaar voor offline gebruik" stores, and
the first search without a connection in Chromium.

    .venv/bin/python bench/offline.py            # ~2 minutes; SQLite scratch database, gunicorn on 127.0.0.1:8041

Production settings (DEBUG off, hashed static files) on a scratch database with fixtures/lexicon.json.
Size: every URL of the bundle (/offline/index.json lists them) fetched as the service worker does,
counted raw and gzip-compressed (level 6, what a compressing front server sends); goal < 2 MB
compressed. Latency in headless Chromium at 390x844: save, go offline, then search on /offline/:
from submitting the form to the results in the page, for the first query (loads and parses the
index) and the next ones.
"""
import gzip
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

PORT = 8041
QUERIES = ["eenzaamheid", "buurtteams in de wijk", "ervaringsdeskundigheid", "vertrouwen", "sociale basis",
           "keukentafelgesprek", "wederkerigheid", "ouderen"]


def bundle_size(base):
    start = time.perf_counter()
    index = json.loads(urllib.request.urlopen(base + "/offline/index.json", timeout=60).read())
    first_index = time.perf_counter() - start
    raw = packed = 0
    by_kind = {}
    for url in index["bundle"] + ["/offline/index.json"]:
        body = urllib.request.urlopen(base + url, timeout=60).read()
        kind = "index" if url.endswith("index.json") else "static" if url.startswith("/static/") else "pages"
        size = len(gzip.compress(body, 6))
        raw, packed = raw + len(body), packed + size
        by_kind[kind] = by_kind.get(kind, 0) + size
    return index, first_index, raw, packed, by_kind


def search_latency(base):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
        page = context.new_page()
        page.goto(base + "/")
        page.get_by_role("button", name="Bewaar voor offline gebruik").wait_for(state="visible")
        start = time.perf_counter()
        page.get_by_role("button", name="Bewaar voor offline gebruik").click()
        page.locator(".offline-status", has_text="Opgeslagen op").wait_for(timeout=120000)
        save = time.perf_counter() - start
        usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
        context.set_offline(True)
        page.goto(base + "/offline/")
        times = []
        for query in QUERIES:
            times.append(page.evaluate("""(q) => new Promise((resolve) => {
                const t0 = performance.now();
                document.addEventListener("offline-search:done", () => resolve(performance.now() - t0), {once: true});
                document.querySelector("#offline-q").value = q;
                document.querySelector("#offline-search form").requestSubmit();
            })""", query))
        browser.close()
    return save, usage, times


def main():
    with tempfile.TemporaryDirectory(prefix="bench-offline-") as tmp:
        env = _server.scratch_env(tmp, cache="file")
        _server.prepare_site(env, index=False)
        _server.start_gunicorn(env, PORT)
        base = f"http://127.0.0.1:{PORT}"
        index, first_index, raw, packed, by_kind = bundle_size(base)
        print(f"# {len(index['lemmas'])} lemmas, {len(index['bundle'])} URLs in the bundle")
        print(f"offline index built on first request: {first_index:.1f} s")
        print(f"bundle raw:        {raw / 1024:8.0f} KB")
        print(f"bundle gzip:       {packed / 1024:8.0f} KB  (goal < 2048 KB) "
              + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sorted(by_kind.items())))
        save, usage, times = search_latency(base)
        print(f"save in Chromium:  {save:8.1f} s  (storage used {usage / 1024:.0f} KB)")
        print(f"first offline search: {times[0]:6.0f} ms  ('{QUERIES[0]}', loads the index)")
        print(f"next searches:     {statistics.median(times[1:]):6.0f} ms median, {max(times[1:]):.0f} ms max")


if __name__ == "__main__":
    main()
