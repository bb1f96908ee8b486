"""Nothing lost, nothing leaked: SIGKILL gunicorn workers during a burst of admin saves and an
unpublish, then break the search index under the running site, and print what happened.

    .venv/bin/python bench/robustness.py [--postgres postgres://postgres@127.0.0.1:5432/lexicon_bench]
        [--saves 60] [--kills 4]

Prints: saves acknowledged (302) vs found in the database vs found in the index (before and after
`manage.py drain_index`), the unpublished lemma in search before/after; then for a deleted and for a
truncated index: searches answered per status on /zoeken/ and /api/zoeken, and the seconds until
search answers with results again (the site heals itself in the background).
"""
import argparse
import http.cookiejar
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402

PORT = 8027
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "robuust-wachtwoord-2026"


class FormFields(HTMLParser):
    """The fields a browser would send for <form id=...> (inputs, textareas, selected options)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data, self._text, self._select = form_id, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type", "text") not in ("submit", "button", "file", "image"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name] = a.get("value", "on")
            else:
                self.data[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._text, self.data[name] = name, ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._text = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self._text:
            self.data[self._text] += data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    def __init__(self, username):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        html = self.get("/beheer/login/")[1]
        fields = FormFields("login-form")
        fields.feed(html)
        status, _ = self.post("/beheer/login/?next=/beheer/", {**fields.data, "username": username, "password": PASSWORD})
        if status != 302:
            raise SystemExit(f"login as {username} failed ({status})")

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except OSError:  # the worker was killed mid-request: no answer, not acknowledged
            return 0, ""

    def get(self, path):
        return self._open(urllib.request.Request(BASE + path))

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(BASE + path, data=body, headers={"Referer": BASE + path,
                                                                           "X-CSRFToken": self.csrf()})
        return self._open(request)


_nonce = iter(range(10**9))


def search(query, api=True):
    """One search; a fresh parameter each time, so the page cache never answers it."""
    params = {"q": query, "precies": "1", "n": next(_nonce)}
    url = f"{BASE}/api/zoeken?{urllib.parse.urlencode({**params, 'per_page': 50})}" if api else \
        f"{BASE}/zoeken/?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def found_slugs(query):
    status, body = search(query)
    if status != 200:
        return None
    return {r["url"].rstrip("/").rsplit("/", 1)[-1] for r in json.loads(body)["results"] if r["kind"] == "lemma"}


def workers(master_pid):
    try:
        return [int(p) for p in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()]
    except OSError:
        return []


def burst(slugs_by_pk, saves, log):
    """Threads saving lemmas through the admin form, each appending a unique word; returns
    {word: (pk, acknowledged)}."""
    results, lock = {}, threading.Lock()
    pks = list(slugs_by_pk)
    per_thread = [pks[i::4] for i in range(4)]
    counter = iter(range(saves))

    editors = [Editor("hoofd") for _ in per_thread]  # logged in before the first kill

    def work(n, mine):
        editor = editors[n]
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            pk = mine[i % len(mine)]
            word = f"robuustheidstoets{i:03d}x"
            status, html = editor.get(f"/beheer/lexicon/lemma/{pk}/change/")
            fields = FormFields("lemma_form")
            fields.feed(html)
            if status != 200 or "body" not in fields.data:
                with lock:
                    results[word] = (pk, False)
                continue
            fields.data["body"] = fields.data["body"].rstrip() + f"\n\nToets {word}.\n"
            fields.data.pop("_addanother", None)
            fields.data["_save"] = "Opslaan"
            status, _ = editor.post(f"/beheer/lexicon/lemma/{pk}/change/", fields.data)
            with lock:
                results[word] = (pk, status == 302)

    threads = [threading.Thread(target=work, args=(n, mine)) for n, mine in enumerate(per_thread)]
    for t in threads:
        t.start()
    return threads, results


def damage_and_watch(env, how, seconds_max=240):
    """Break the index (delete or truncate its TOC), search until it answers with results again."""
    path = Path(env["WHOOSH_INDEX_PATH"])
    if how == "delete":
        shutil.rmtree(path)
    else:
        toc = sorted(path.glob("*.toc"))[-1]
        with open(toc, "r+b") as handle:
            handle.truncate(toc.stat().st_size // 2)
    start, statuses, recovered = time.monotonic(), Counter(), None
    while time.monotonic() - start < seconds_max:
        for api in (False, True):
            status, body = search("nabijheid", api=api)
            kind = "api" if api else "page"
            statuses[f"{kind} {status}"] += 1
            if api and status == 200 and json.loads(body)["total"] > 0 and recovered is None:
                recovered = time.monotonic() - start
        if recovered is not None:
            break
        time.sleep(0.2)
    return statuses, recovered


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="")
    parser.add_argument("--saves", type=int, default=60)
    parser.add_argument("--kills", type=int, default=4)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="lexicon-robust-"))
    if args.postgres:
        _server.reset_postgres(args.postgres)
    env = _server.scratch_env(workdir, args.postgres or None, cache="file", SECURE_COOKIES="0")
    _server.prepare_site(env)
    info = _server.django_query(env, f"""
from django.contrib.auth.models import Group, User
from lexicon.content.models import Lemma
from lexicon.editorial import workflow
workflow.ensure_editor_groups()
u = User.objects.create_user("hoofd", password="{PASSWORD}", is_staff=True)
u.groups.add(Group.objects.get(name="hoofdredacteur"))
lemmas = list(Lemma.objects.published().order_by("order").values_list("pk", "slug")[:13])
print(json.dumps(lemmas))
""")
    slugs = dict(info[:12])
    withdrawn_pk, withdrawn_slug = info[12]
    print(f"# database: {'PostgreSQL' if args.postgres else 'SQLite'}; gunicorn, 2 sync workers; "
          f"{args.saves} saves by 4 editors on 12 lemmas; {args.kills} SIGKILLs; 1 unpublish")
    server = _server.start_gunicorn(env, PORT, workers=2, extra_args=["--timeout", "120"])
    unique = "robuustgeheim"
    chief = Editor("hoofd")  # give the lemma to be withdrawn a word of its own first
    fields = FormFields("lemma_form")
    fields.feed(chief.get(f"/beheer/lexicon/lemma/{withdrawn_pk}/change/")[1])
    fields.data["body"] = fields.data["body"].rstrip() + f"\n\nToets {unique}.\n"
    fields.data["_save"] = "Opslaan"
    assert chief.post(f"/beheer/lexicon/lemma/{withdrawn_pk}/change/", fields.data)[0] == 302
    assert found_slugs(unique) == {withdrawn_slug}

    threads, results = burst(slugs, args.saves, print)
    kills, unpublished = 0, None
    deadline = time.monotonic() + 600
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        time.sleep(random.uniform(0.3, 1.2))
        if kills < args.kills:
            pids = workers(server.pid)
            if pids:
                os.kill(random.choice(pids), signal.SIGKILL)
                kills += 1
        if unpublished is None and len(results) > args.saves // 2:
            status, _ = chief.post("/beheer/lexicon/lemma/", {"action": "unpublish", "_selected_action": withdrawn_pk,
                                                              "bevestigd": "1"})
            unpublished = status
            if kills < args.kills and (pids := workers(server.pid)):
                os.kill(random.choice(pids), signal.SIGKILL)  # right after the unpublish's commit
                kills += 1
    for t in threads:
        t.join()
    time.sleep(3)  # respawned workers are up (and drained at start-up)

    acknowledged = {w: pk for w, (pk, ok) in results.items() if ok}
    db = _server.django_query(env, f"""
from lexicon.content.models import Lemma
bodies = dict(Lemma.objects.values_list("pk", "body"))
words = {json.dumps(list(results))}
status = Lemma.objects.get(pk={withdrawn_pk}).status
print(json.dumps({{"in_db": [w for w in words if any(w in b for b in bodies.values())], "status": status}}))
""")
    in_db = set(db["in_db"])

    def in_index():
        return {w for w, pk in acknowledged.items() if slugs[pk] in (found_slugs(w) or set())}

    before_drain, leak_before = in_index(), found_slugs(unique)
    drained = _server.manage(env, "drain_index").strip() or "nothing to drain"
    after_drain, leak_after = in_index(), found_slugs(unique)
    print(f"saves attempted: {len(results)}; acknowledged (302): {len(acknowledged)}; "
          f"acknowledged found in database: {len(set(acknowledged) & in_db)}; "
          f"committed without acknowledgement (worker killed): {len(in_db - set(acknowledged))}")
    print(f"acknowledged found in index: {len(before_drain)} before drain_index, {len(after_drain)} after "
          f"(drain_index: {drained})")
    print(f"unpublish: HTTP {unpublished}, status in database {db['status']}; withdrawn lemma in search: "
          f"{bool(leak_before)} before drain, {bool(leak_after)} after")
    print(f"reconcile_index after drain: {_server.manage(env, 'reconcile_index').strip().splitlines()[-1]}")
    print(f"workers killed: {kills}")

    for how in ("delete", "truncate"):
        statuses, recovered = damage_and_watch(env, how)
        answered = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
        label = "index directory deleted" if how == "delete" else "index TOC truncated to half"
        print(f"{label}: searches answered {answered}; search with results again after "
              f"{recovered:.1f} s" if recovered is not None else f"{label}: {answered}; NOT recovered")
    _server.stop(server)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    main()
