"""Shared helpers for the benches: a scratch database, gunicorn, nginx and wrk on loopback.

Everything runs as the current user in a temporary directory, on ports 8025-8030, and is stopped
when the bench ends (also on Ctrl-C).
"""
import atexit
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FIXTURE = ROOT / "fixtures" / "lexicon.json"
SOURCES = ROOT / "fixtures" / "sources.json"
_children = []


def _cleanup():
    for proc in _children:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired, PermissionError):
                proc.kill()


atexit.register(_cleanup)


def redis_available(host="127.0.0.1", port=6379):
    try:
        with socket.create_connection((host, port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def scratch_env(workdir, database_url=None, cache="auto", **extra):
    """Production settings (DEBUG off) on a scratch database, index, static root and cache."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if cache == "auto":
        cache = "redis" if redis_available() else "file"
    cache_url = ("redis://127.0.0.1:6379/0" if cache == "redis" else f"file://{workdir / 'cache'}")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAGE_CACHE"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # plain http on loopback; the proxy would do TLS
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        "WHOOSH_INDEX_PATH": str(workdir / "whoosh"),
        "STATIC_ROOT": str(workdir / "static"),
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",  # never sees another run's pages
        "LOG_LEVEL": "ERROR",
        # No background build of the book (lexicon.exports) competing with what a bench measures.
        "EXPORTS_BUILD": "off",
        "EXPORTS_DIR": str(workdir / "exports"),
    }
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args, quiet=True):
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    if not quiet:
        print(result.stdout.strip())
    return result.stdout


def reset_postgres(database_url):
    """Drop and recreate a scratch PostgreSQL database named in database_url."""
    from urllib.parse import urlparse

    url = urlparse(database_url)
    name = url.path.lstrip("/")
    args = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U", url.username or "postgres"]
    subprocess.run(["dropdb", *args, "--if-exists", "--force", name], check=True, capture_output=True)
    subprocess.run(["createdb", *args, name], check=True, capture_output=True)


def prepare_site(env, synthetic=0, log=print, index=True):
    """Migrate, load the real lexicon (or a synthetic one of real size), optionally add synthetic
    lemmas, build the search index and collect static files."""
    t = time.monotonic()
    manage(env, "migrate", "--noinput")
    if FIXTURE.exists():
        manage(env, "loaddata", str(FIXTURE))
        if SOURCES.exists():
            manage(env, "loaddata", str(SOURCES))
        what = "fixtures/lexicon.json"
    else:
        manage(env, "generate_synthetic_lexicon", "--count", "33", "--authors", "40", "--draft-share", "0")
        what = "a synthetic lexicon of 33 lemmas (fixtures/lexicon.json is missing)"
    if synthetic:
        manage(env, "generate_synthetic_lexicon", "--count", str(synthetic))
        what += f" + {synthetic} synthetic lemmas"
    manage(env, "collectstatic", "--noinput")
    if index:
        manage(env, "rebuild_index", "--noinput")
    log(f"# data: {what} (prepared in {time.monotonic() - t:.0f} s)")


def django_query(env, code):
    """Run Python in the site's Django and return what it prints as JSON."""
    script = "import django, json; django.setup()\n" + code
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"query failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_gunicorn(env, port, workers=2, extra_args=()):
    log = open(Path(env["WHOOSH_INDEX_PATH"]).parent / f"gunicorn-{port}.log", "w")
    proc = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "--graceful-timeout", "5", *extra_args],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    _children.append(proc)
    wait_for(f"http://127.0.0.1:{port}/", proc)
    return proc


def _run_nginx(root, http_body, probe_url, access_log=None):
    """nginx (Debian package) as the current user, in its own prefix, with http_body as its http
    block; access_log: a file that gets a line per request and per background revalidation."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx not found: apt-get install nginx-light")
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    conf = root / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""  # as root, workers would otherwise drop to nobody
    log = "access_log off;" if access_log is None else (
        "log_format front '$request_method $request_uri $status $upstream_status $upstream_cache_status';\n"
        f"    access_log {access_log} front; log_subrequest on;")
    conf.write_text(f"""
{user}
worker_processes 2;
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    {log}
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {root}/tmp-body;
    proxy_temp_path {root}/tmp-proxy;
    fastcgi_temp_path {root}/tmp-fastcgi;
    uwsgi_temp_path {root}/tmp-uwsgi;
    scgi_temp_path {root}/tmp-scgi;
    types {{ text/html html; text/css css; application/javascript js; }}
{http_body}
}}
""")
    proc = subprocess.Popen([nginx, "-c", str(conf), "-p", str(root)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)
    _children.append(proc)
    wait_for(probe_url, proc)
    return proc


def start_nginx(root, port):
    """nginx serving the files under root/www: the physical limit for a static response."""
    return _run_nginx(root, f"server {{ listen 127.0.0.1:{port}; root {Path(root)}/www; }}",
                      f"http://127.0.0.1:{port}/lemma.html")


def start_front(env, root, port, upstream_port):
    """nginx in front of gunicorn on upstream_port, configured by `manage.py nginx_config` (the
    config a deployment uses): static files, and the short-lived cache of public pages."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    front = manage(env, "nginx_config", *front_args(root, port, f"127.0.0.1:{upstream_port}"))
    (root / "front.conf").write_text(front)
    return run_front(root, port)


def front_args(root, port, upstream):
    """`manage.py nginx_config` options for nginx on loopback port, proxying to upstream (host:port)."""
    return ["--upstream", upstream, "--listen", f"127.0.0.1:{port}",
            "--server-name", "127.0.0.1 localhost", "--cache-dir", str(Path(root) / "page-cache")]


def run_front(root, port, access_log=None):
    """nginx with the http block root/front.conf (written by `manage.py nginx_config`)."""
    return _run_nginx(root, f"include {Path(root)}/front.conf;", f"http://127.0.0.1:{port}/", access_log)


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wait_for(url, proc, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server for {url} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up in {timeout} s")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


# --- load generation ------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %%d, \\"seconds\\": %%f, \\"p50\\": %%f, \\"p95\\": %%f, \\"p99\\": %%f, \\"non2xx\\": %%d, \\"errors\\": %%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def load(base, paths, seconds=8, connections=8, threads=2):
    """Requests/s and latency percentiles (ms) for GETs cycling over paths, from wrk if installed,
    else from a Python thread pool (slower client: it underestimates fast servers)."""
    if shutil.which("wrk"):
        return _wrk(base, paths, seconds, connections, threads)
    return _python_load(base, paths, seconds, connections)


def _wrk(base, paths, seconds, connections, threads):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s", "-s", f.name, base],
            capture_output=True, text=True, timeout=seconds + 60,
        ).stdout
    finally:
        os.unlink(f.name)
    data = json.loads(next(line[5:] for line in out.splitlines() if line.startswith("JSON ")))
    data["rps"] = data["requests"] / data["seconds"]
    data["client"] = "wrk"
    return data


def _python_load(base, paths, seconds, connections):
    import http.client
    from urllib.parse import urlparse

    url = urlparse(base)
    latencies, statuses, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(offset):
        i = offset
        while time.monotonic() < stop_at:
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            t = time.perf_counter()
            try:
                conn.request("GET", paths[i % len(paths)])
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = 0
            finally:
                conn.close()
            with lock:
                latencies.append((time.perf_counter() - t) * 1000)
                statuses.append(status)
            i += 1

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    start = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {"requests": len(latencies), "seconds": elapsed, "rps": len(latencies) / elapsed, "p50": q[49],
            "p95": q[94], "p99": q[98], "non2xx": sum(1 for s in statuses if not 200 <= s < 400),
            "errors": statuses.count(0), "client": "python"}


# --- the ceiling for any Python app on this gunicorn ----------------------------------------------

def bare_app(environ, start_response):
    """A WSGI app that returns the saved page and does nothing else: what gunicorn itself costs."""
    global _BARE_BODY
    if _BARE_BODY is None:
        _BARE_BODY = Path(os.environ["BENCH_BARE_FILE"]).read_bytes()
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(_BARE_BODY)))])
    return [_BARE_BODY]


_BARE_BODY = None


def start_bare_gunicorn(body_file, port, workers=2):
    env = {**os.environ, "BENCH_BARE_FILE": str(body_file)}
    proc = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--pythonpath", str(ROOT / "bench"), "_server:bare_app", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )
    _children.append(proc)
    wait_for(f"http://127.0.0.1:{port}/", proc)
    return proc
