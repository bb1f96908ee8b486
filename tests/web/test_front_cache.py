"""nginx in front (the config `manage.py nginx_config` writes) against the live site: readers get
stored pages with every header Django set, editors never do, a save reaches readers within the
front cache's lifetime, and readers still get pages while Django is down."""
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from bench import _server
from tests.helpers.factories import make_clusters, make_lemma, make_pages

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(not os.path.exists(NGINX), reason="needs nginx (apt-get install nginx-light)")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Front:
    """nginx with the generated config on a free loopback port, in front of ``upstream``."""

    def __init__(self, root, upstream):
        self.root, self.port = Path(root), _free_port()
        self.root.mkdir(parents=True, exist_ok=True)
        self.log = self.root / "access.log"
        self.write_config(upstream)
        self.proc = _server.run_front(self.root, self.port, access_log=self.log)

    def write_config(self, upstream):
        out = StringIO()
        call_command("nginx_config", *_server.front_args(self.root, self.port, upstream), stdout=out)
        (self.root / "front.conf").write_text(out.getvalue())

    def reload(self, upstream):
        self.write_config(upstream)
        self.proc.send_signal(signal.SIGHUP)
        time.sleep(1)  # new workers take over; the stored pages stay

    def get(self, path, headers=None):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def log_lines(self):
        return self.log.read_text().splitlines() if self.log.exists() else []

    def stop(self):
        _server.stop(self.proc)


@pytest.fixture
def front(live_server, tmp_path):
    if not os.path.exists(NGINX):
        pytest.skip("needs nginx (apt-get install nginx-light)")
    nginx = Front(tmp_path / "nginx", urlparse(live_server.url).netloc)
    yield nginx
    nginx.stop()


@pytest.fixture
def lexicon():
    sociaal, *_ = make_clusters()
    make_pages()
    basis = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, order=1)
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, order=2)
    concept = make_lemma("Nabijheidsethiek", slug="nabijheidsethiek", cluster=sociaal, order=3, status="concept")
    return {"basis": basis, "vertrouwen": vertrouwen, "concept": concept}


def _session_cookie(client, **user):
    editor = get_user_model().objects.create_user("redacteur", password="x" * 12, is_staff=True, **user)
    client.force_login(editor)
    return f"sessionid={client.cookies['sessionid'].value}"


@needs_nginx
def test_readers_get_the_stored_page_with_every_header_django_set(front, lexicon):
    first = front.get("/lemma/sociale-basis/")
    second = front.get("/lemma/sociale-basis/")
    assert first[0] == second[0] == 200 and "Sociale basis" in second[2]
    assert first[1]["X-Cache-Status"] == "MISS" and second[1]["X-Cache-Status"] == "HIT"
    assert second[2] == first[2]
    hit = second[1]
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"] and hit["X-Frame-Options"] == "DENY"
    assert hit["ETag"] == first[1]["ETag"] and hit["Cache-Control"] == "no-cache"
    assert "X-Accel-Expires" not in hit  # nginx's instruction, not the browser's


@needs_nginx
def test_conditional_request_gets_304_from_nginx(front, lexicon):
    _, headers, _ = front.get("/lemma/vertrouwen/")
    status, _, body = front.get("/lemma/vertrouwen/", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == ""


@needs_nginx
def test_query_string_is_part_of_the_key(front, lexicon):
    front.get("/a-z/")
    status, headers, body = front.get("/a-z/?letter=V")
    assert status == 200 and headers["X-Cache-Status"] == "MISS"
    assert "Vertrouwen" in body and "Sociale basis" not in body


@needs_nginx
def test_editors_go_past_the_front_cache_to_their_drafts(front, lexicon, client):
    front.get("/lemma/sociale-basis/")
    assert front.get("/lemma/sociale-basis/")[1]["X-Cache-Status"] == "HIT"
    cookie = _session_cookie(client)
    status, headers, _ = front.get("/lemma/sociale-basis/", {"Cookie": cookie})
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"
    # The draft: the editor sees it, a reader before and after gets 404, nothing is shared.
    assert front.get("/lemma/nabijheidsethiek/")[0] == 404
    status, headers, body = front.get("/lemma/nabijheidsethiek/", {"Cookie": cookie})
    assert status == 200 and "Nabijheidsethiek" in body
    assert front.get("/lemma/nabijheidsethiek/")[0] == 404


@needs_nginx
def test_forms_admin_and_api_are_never_stored(front, lexicon):
    for path in ["/suggestie/", "/lemma/sociale-basis/suggestie/", "/beheer/login/", "/api/lemmas/"]:
        statuses = [front.get(path)[1]["X-Cache-Status"] for _ in range(2)]
        assert "HIT" not in statuses, path
    # Each reader gets their own CSRF cookie on a form, never someone else's.
    assert "csrftoken=" in front.get("/suggestie/")[1]["Set-Cookie"]


@needs_nginx
def test_a_save_reaches_readers_within_the_front_cache_lifetime(front, lexicon, settings):
    front.get("/lemma/vertrouwen/")
    assert front.get("/lemma/vertrouwen/")[1]["X-Cache-Status"] == "HIT"
    lemma = lexicon["vertrouwen"]
    lemma.title = "Wederzijds vertrouwen"
    lemma.save()
    saved = time.monotonic()
    while "Wederzijds vertrouwen" not in front.get("/lemma/vertrouwen/")[2]:
        assert time.monotonic() - saved < settings.FRONT_CACHE_SECONDS + 5, "the save never reached readers"
        time.sleep(0.1)


@needs_nginx
def test_an_expired_copy_is_revalidated_with_a_304(front, lexicon, settings):
    front.get("/clusters/sociaal/")
    time.sleep(settings.FRONT_CACHE_SECONDS + 1.2)  # nginx counts whole seconds: up to one more
    front.get("/clusters/sociaal/")  # expired: served stale while nginx asks Django in the background
    deadline = time.monotonic() + 5
    # The background request's log line: Django answered 304, nginx renewed its copy.
    while "GET /clusters/sociaal/ 200 304 REVALIDATED" not in front.log_lines():
        assert time.monotonic() < deadline, front.log_lines()
        time.sleep(0.1)
    assert front.get("/clusters/sociaal/")[1]["X-Cache-Status"] == "HIT"


@needs_nginx
def test_readers_get_the_last_copy_while_django_is_down(front, lexicon, settings):
    status, _, page = front.get("/lemma/sociale-basis/")
    assert status == 200
    front.reload(f"127.0.0.1:{_free_port()}")  # nothing listens there: Django is "down"
    time.sleep(settings.FRONT_CACHE_SECONDS + 1.2)
    status, headers, body = front.get("/lemma/sociale-basis/")
    assert status == 200 and headers["X-Cache-Status"] in {"STALE", "UPDATING"} and body == page
    # A page nobody has read yet cannot be served: nginx says so with a plain 502, no traceback.
    assert front.get("/lemma/vertrouwen/")[0] == 502


def test_generated_config_passes_nginx_own_check(tmp_path):
    if not os.path.exists(NGINX):
        pytest.skip("needs nginx (apt-get install nginx-light)")
    out = StringIO()
    call_command("nginx_config", "--cache-dir", str(tmp_path / "cache"), "--server-name", "lexicon.example.org", stdout=out)
    (tmp_path / "front.conf").write_text(out.getvalue())
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
                    f"http {{ include {tmp_path}/front.conf; }}\n")
    result = subprocess.run([NGINX, "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "server_name lexicon.example.org;" in out.getvalue()


def test_tls_config_redirects_plain_http_and_names_the_certificate(tmp_path):
    out = StringIO()
    call_command("nginx_config", "--tls-certificate", "/etc/ssl/lexicon.pem", "--tls-key", "/etc/ssl/lexicon.key",
                 "--server-name", "lexicon.example.org", stdout=out)
    config = out.getvalue()
    assert "listen 443 ssl;" in config and "ssl_certificate /etc/ssl/lexicon.pem;" in config
    assert "return 301 https://$host$request_uri;" in config


@pytest.mark.parametrize("option, value", [
    ("--upstream", "127.0.0.1:8000; include /etc/passwd"),
    ("--server-name", "lexicon.example.org}"),
    ("--cache-dir", "/var/cache/$host"),
    ("--listen", "80 default_server"),
    ("--tls-key", "/etc/ssl/key;\n    location /x { return 200; }"),
])
def test_values_that_would_break_out_of_a_directive_are_refused(option, value):
    tls = ["--tls-certificate", "/etc/ssl/lexicon.pem"] if option == "--tls-key" else []
    with pytest.raises(CommandError, match="Ongeldige waarde"):
        call_command("nginx_config", *tls, option, value, stdout=StringIO())


def test_key_without_certificate_is_refused():
    with pytest.raises(CommandError, match="samen"):
        call_command("nginx_config", "--tls-key", "/etc/ssl/lexicon.key", stdout=StringIO())


def test_unwritable_output_is_a_clear_message_not_a_traceback(tmp_path):
    target = tmp_path / "bestaat-niet" / "lexicon.conf"
    with pytest.raises(CommandError, match="Kan .*lexicon.conf niet schrijven"):
        call_command("nginx_config", "-o", str(target), stdout=StringIO())
    assert not target.exists()
