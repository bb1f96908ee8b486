"""Readers and two editors at once for a minute: no server error, no lost save.

    .venv/bin/python bench/load.py                      # 60 s, 4 readers, SQLite scratch DB
    .venv/bin/python bench/load.py --postgres           # scratch database lexicon_bench_load on PostgreSQL
    .venv/bin/python bench/load.py --seconds 20 --readers 8

Production settings (DEBUG off, secure cookies, CSRF, axes) behind a simulated TLS proxy
(X-Forwarded-Proto: https) on gunicorn, 2 workers, 127.0.0.1:8027, with the real lexicon and its
search index. Readers fetch the home page, lemma pages, A-Z and /zoeken/?q=... ; two editors log
in to /beheer/ and save lemmas through the standard admin change form, as a browser would: fetch
the form, append a unique marker to the body, post every field back (CSRF token and the hidden
version field included). When the site refuses a stale form (another editor saved first), the
editor reloads and retries. Both editors work on the same few lemmas, so conflicts do happen.

Afterwards every marker of every accepted save must be in the database and found by the search
page. Prints the counts and exits non-zero on any 5xx, failed request or lost save.
"""
import argparse
import http.client
import random
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote_plus, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

PORT = 8027
HOST = f"127.0.0.1:{PORT}"
ORIGIN = f"https://{HOST}"
PROXY = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy adds
SEARCH_TERMS = ["nabijheid", "eenzaamheid", "buurten", "vertrouwen", "sociale basis", "professionals",
                "wederkerigheid", "segregatie", "presentie", "maatwerk"]
PASSWORD = "Last-test-" + secrets.token_hex(8)
CONFLICT_RE = re.compile(r"(gewijzigd|bewerkt|conflict|versie)", re.I)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.statuses = [], {}
        self.failures = []

    def record(self, who, method, path, status, ms):
        with self.lock:
            self.latencies.append(ms)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status == 0 or status >= 500:
                self.failures.append(f"{who} {method} {path} -> {status or 'connection error'}")


class Browser:
    """Just enough of a browser: cookies, CSRF headers, one connection per request."""

    def __init__(self, name, stats):
        self.name, self.stats, self.cookies = name, stats, {}

    def request(self, method, path, form=None, referer=None):
        headers = {**PROXY, "Host": HOST, "User-Agent": f"bench-load/{self.name}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": ORIGIN,
                            "Referer": ORIGIN + (referer or path)})
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            status = response.status
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    val = rest.split(";", 1)[0]
                    if val in ("", '""') or "max-age=0" in value.lower():
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = val
            location = response.getheader("Location", "")
        except OSError:
            status, content, location = 0, "", ""
        finally:
            conn.close()
        self.stats.record(self.name, method, path, status, (time.perf_counter() - started) * 1000)
        return status, content, location


class FormParser(HTMLParser):
    """The successful controls of the admin change form, as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.in_form, self.fields = form_id, False, []
        self.textarea = self.select = None
        self.select_options, self.text = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_form = a.get("id") == self.form_id
        if not self.in_form:
            return
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], []
        elif tag == "select" and a.get("name"):
            self.select, self.multiple, self.select_options = a["name"], "multiple" in a, []
        elif tag == "option" and self.select:
            self.select_options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.fields.append((self.textarea, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = [v for v, sel in self.select_options if sel]
            if not chosen and not self.multiple and self.select_options:
                chosen = [self.select_options[0][0]]
            self.fields += [(self.select, v) for v in chosen]
            self.select = None
        elif tag == "form":
            self.in_form = False


def reader(stats, stop_at, lemma_urls, seed):
    rng = random.Random(seed)
    browser = Browser(f"reader{seed}", stats)
    while time.monotonic() < stop_at:
        path = rng.choice(["/", "/a-z/", rng.choice(lemma_urls), rng.choice(lemma_urls),
                           "/zoeken/?q=" + quote_plus(rng.choice(SEARCH_TERMS))])
        browser.request("GET", path)


def editor(stats, stop_at, username, lemma_ids, saves, counters, seed):
    rng = random.Random(seed)
    browser = Browser(username, stats)
    status, html, _ = browser.request("GET", "/beheer/login/?next=/beheer/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, _, location = browser.request("POST", "/beheer/login/?next=/beheer/", {
        "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD, "next": "/beheer/"})
    if status != 302 or "sessionid" not in browser.cookies:
        stats.failures.append(f"{username} could not log in (status {status})")
        return
    n = 0
    while time.monotonic() < stop_at:
        pk = rng.choice(lemma_ids)
        path = f"/beheer/lexicon/lemma/{pk}/change/"
        n += 1
        marker = f"lt{username[-1]}{n}x{secrets.token_hex(3)}".replace("0", "q")
        for attempt in range(5):
            status, html, _ = browser.request("GET", path)
            if status != 200:
                break
            parser = FormParser("lemma_form")
            parser.feed(html)
            fields = parser.fields
            if not any(name == "body" for name, _ in fields):
                stats.failures.append(f"{username}: no body field in the change form of lemma {pk}")
                return
            fields = [(name, value + f"\n\nLasttest {marker}." if name == "body" else value) for name, value in fields]
            fields.append(("_save", "Opslaan"))
            # The think time of an editor: makes the other editor's save land in between sometimes.
            time.sleep(rng.uniform(0.05, 0.4))
            status, html, location = browser.request("POST", path, fields, referer=path)
            if status == 302:
                with stats.lock:
                    saves.append((pk, marker))
                break
            if status == 200 and CONFLICT_RE.search(html):
                with stats.lock:
                    counters["conflicts"] += 1
                continue  # reload the form and try again, like an editor would
            if status == 200:
                errors = re.findall(r'class="errorlist[^"]*">(.*?)</ul>', html, re.S)
                stats.failures.append(f"{username}: save of lemma {pk} refused without a conflict: {errors[:2]}")
            break
        else:
            with stats.lock:
                counters["gave_up"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="duration (default 60)")
    parser.add_argument("--readers", type=int, default=4, help="reader threads (default 4)")
    parser.add_argument("--lemmas", type=int, default=4, help="how many lemmas the editors share (default 4)")
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL database lexicon_bench_load")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench_load_"))
    database_url = None
    if args.postgres:
        database_url = "postgres://postgres@127.0.0.1:5432/lexicon_bench_load"
        _server.reset_postgres(database_url)
    env = _server.scratch_env(workdir, database_url)
    print(f"# workdir {workdir}; database {env['DATABASE_URL']}; cache {env['CACHE_URL']}")
    _server.prepare_site(env)
    info = _server.django_query(env, f"""
from django.contrib.auth import get_user_model
from lexicon.content.models import Lemma
User = get_user_model()
for name in ("redacteur1", "redacteur2"):
    User.objects.create_superuser(name, name + "@example.nl", {PASSWORD!r})
lemmas = list(Lemma.objects.published().order_by("order"))
print(json.dumps({{"urls": [l.get_absolute_url() for l in lemmas],
                   "edit": [(l.pk, l.slug) for l in lemmas[:{args.lemmas}]]}}))
""")
    slugs = dict(info["edit"])
    lemma_ids = list(slugs)
    server = _server.start_gunicorn(env, PORT)

    stats, saves, counters = Stats(), [], {"conflicts": 0, "gave_up": 0}
    started = time.monotonic()
    stop_at = started + args.seconds
    threads = [threading.Thread(target=reader, args=(stats, stop_at, info["urls"], i)) for i in range(args.readers)]
    threads += [threading.Thread(target=editor, args=(stats, stop_at, f"redacteur{i}", lemma_ids, saves, counters, 100 + i))
                for i in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.seconds + 120)
    elapsed = time.monotonic() - started

    # Every accepted save: its marker in the database...
    bodies = _server.django_query(env, f"""
from lexicon.content.models import Lemma
print(json.dumps({{str(pk): body for pk, body in Lemma.objects.filter(pk__in={lemma_ids!r}).values_list("pk", "body")}}))
""")
    missing_db = [(pk, m) for pk, m in saves if m not in bodies[str(pk)]]
    # ...and found by the search page (a fresh URL per marker, so never an old cached page).
    checker = Browser("checker", Stats())
    missing_index = []
    for pk, marker in saves:
        status, html, _ = checker.request("GET", "/zoeken/?q=" + marker)
        if status != 200 or f"/lemma/{slugs[pk]}/" not in html:
            missing_index.append((pk, marker))
    _server.stop(server)

    requests = len(stats.latencies)
    server_errors = sum(n for s, n in stats.statuses.items() if s >= 500)
    p95 = statistics.quantiles(stats.latencies, n=100)[94] if requests > 1 else 0
    print()
    print(f"duration                 {elapsed:8.1f} s  ({args.readers} readers, 2 editors, gunicorn 2 workers)")
    print(f"requests                 {requests:8d}  ({requests / elapsed:.0f}/s)")
    print(f"status counts            {dict(sorted(stats.statuses.items()))}")
    print(f"server errors (5xx)      {server_errors:8d}")
    print(f"failed connections       {stats.statuses.get(0, 0):8d}")
    print(f"p95 latency              {p95:8.1f} ms (all requests)")
    print(f"saves accepted           {len(saves):8d}  (on {len(lemma_ids)} shared lemmas)")
    print(f"stale forms refused      {counters['conflicts']:8d}  (then reloaded and saved again)")
    print(f"saves given up           {counters['gave_up']:8d}")
    print(f"saves missing from DB    {len(missing_db):8d}")
    print(f"saves missing from index {len(missing_index):8d}")
    for line in stats.failures[:20]:
        print("  !", line)
    for pk, marker in (missing_db + missing_index)[:10]:
        print(f"  ! lost: lemma {pk} marker {marker}")
    ok = not (server_errors or stats.statuses.get(0) or stats.failures or missing_db or missing_index) and saves
    print("RESULT", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
