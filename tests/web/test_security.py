"""Production settings: check --deploy is clean, CSP holds on the site's own pages, admin lockout."""
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.helpers.browser import ARGS as CHROMIUM_ARGS
from tests.helpers.browser import CHROMIUM
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "lexicon.example.nl",
}


def _manage(*args, env=None):
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", env={"DEBUG": "0", "ALLOWED_HOSTS": "lexicon.example.nl"})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_settings_harden_cookies_and_transport():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"]


@pytest.fixture
def lexicon(db):
    sociaal, *_ = make_clusters()
    make_pages()
    author = make_author("Radboud Engbersen", slug="radboud-engbersen")
    make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[author],
               body="Tekst met *nadruk*.\n\n## Sectie\n\n<script>alert(1)</script> en <b style=\"color:red\">x</b>.")
    make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal)


PUBLIC_URLS = ["/", "/lemma/sociale-basis/", "/clusters/sociaal/", "/a-z/", "/auteurs/",
               "/auteurs/radboud-engbersen/", "/over/inleiding/", "/bronnen/", "/zoeken/?q=basis"]


def test_public_pages_send_a_strict_content_security_policy(client, lexicon):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def test_public_pages_satisfy_their_own_policy(client, lexicon):
    """No inline script (JSON data blocks excepted: JSON-LD, the lemma page's previews), no inline
    event handler, no inline style."""
    for url in PUBLIC_URLS:
        html = client.get(url).content.decode()
        for attrs in SCRIPT_TAG.findall(html):
            assert "src=" in attrs or re.search(r'type="application/(ld\+)?json"', attrs), (url, attrs)
        assert not INLINE_HANDLER.search(html), url
        assert not INLINE_STYLE.search(html), url


@pytest.mark.browser
def test_browser_reports_no_csp_violation_and_json_ld_is_allowed(client, lexicon):
    """Chromium loads the pages with their real headers: no violation. A JSON-LD data block is not
    blocked, while an executable inline script on the same page is (so the probe itself works)."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")

    # Rendered up front: the route handler runs inside Playwright's event loop, away from the test DB.
    responses = {url: client.get(url) for url in PUBLIC_URLS}
    probe = responses["/lemma/sociale-basis/"]
    html = probe.content.decode().replace(
        "</body>",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DefinedTerm"}</script>'
        '<script>window.inlineRan = true;</script></body>',
    )
    served = {url: (r.status_code, dict(r.items()), r.content) for url, r in responses.items()}
    served["/probe/"] = (200, {"Content-Type": "text/html; charset=utf-8",
                               "Content-Security-Policy": probe["Content-Security-Policy"]}, html.encode())

    def fulfil(route):
        url = route.request.url.replace("http://lexicon.test", "")
        status, headers, body = served.get(url, (404, {"Content-Type": "text/plain"}, b""))
        headers = {k: v for k, v in headers.items() if k.lower() != "content-length"}
        return route.fulfill(status=status, headers=headers, body=body)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(
                "window.cspViolations = [];"
                "document.addEventListener('securitypolicyviolation',"
                " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
            )
            page.route("http://lexicon.test/**", fulfil)
            for url in PUBLIC_URLS:
                page.goto("http://lexicon.test" + url)
                page.wait_for_load_state("load")
                assert page.evaluate("window.cspViolations") == [], url
            page.goto("http://lexicon.test/probe/")
            page.wait_for_load_state("load")
            violations = page.evaluate("window.cspViolations")
            assert page.evaluate("window.inlineRan === undefined")
            assert page.evaluate("document.querySelector('script[type=\"application/ld+json\"]').textContent")
            assert len(violations) == 1 and violations[0].startswith("script-src")
        finally:
            browser.close()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("redacteur", password="juist-wachtwoord-2022", is_staff=True)


def _login(client, username, password):
    return client.post("/beheer/login/?next=/beheer/", {"username": username, "password": password})


def test_admin_login_is_locked_after_five_failures(client, editor, settings):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, "redacteur", "fout")
        assert response.status_code == 200  # the login form again, with an error
    locked = _login(client, "redacteur", "fout")
    assert locked.status_code == 429
    assert "Tijdelijk geblokkeerd" in locked.content.decode()
    # Even the right password is refused now, and no session is started.
    again = _login(client, "redacteur", "juist-wachtwoord-2022")
    assert again.status_code == 429
    assert client.get("/beheer/").status_code == 302


def test_lockout_does_not_hit_other_editors_and_success_resets_the_count(client, editor, settings):
    settings.AXES_ENABLED = True
    get_user_model().objects.create_user("tweede", password="ander-wachtwoord-2022", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "redacteur", "fout")
    assert _login(client, "tweede", "ander-wachtwoord-2022").status_code == 302
    client.logout()
    # A few mistakes followed by a success do not add up to a lockout later.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "tweede", "fout")
    assert _login(client, "tweede", "ander-wachtwoord-2022").status_code == 302
    client.logout()
    _login(client, "tweede", "fout")
    assert _login(client, "tweede", "ander-wachtwoord-2022").status_code == 302


def _lock_out_then_log_in(client, settings, locked_address, other_address):
    """Fail AXES_FAILURE_LIMIT times from one X-Real-IP, then log in correctly from another."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/beheer/login/", {"username": "redacteur", "password": "fout"}, HTTP_X_REAL_IP=locked_address)
    return client.post("/beheer/login/", {"username": "redacteur", "password": "juist-wachtwoord-2022"},
                       HTTP_X_REAL_IP=other_address)


def test_behind_the_proxy_the_lockout_is_per_reader_address(client, editor, settings):
    """With CLIENT_IP_HEADER, a lockout from one address (all via the proxy's 127.0.0.1) does not
    lock the editor out at another; without it, the header is ignored (no address of one's choosing)."""
    settings.AXES_ENABLED = True
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert _lock_out_then_log_in(client, settings, "203.0.113.7", "203.0.113.7").status_code == 429
    assert _lock_out_then_log_in(client, settings, "203.0.113.7", "198.51.100.4").status_code == 302
    client.logout()
    settings.CLIENT_IP_HEADER = ""
    assert _lock_out_then_log_in(client, settings, "192.0.2.1", "192.0.2.99").status_code == 429


@pytest.mark.parametrize("header, expected", [
    ("203.0.113.7", "203.0.113.7"),
    ("203.0.113.7, 10.0.0.1", "203.0.113.7"),  # a list: the first is the reader
    (" 2001:DB8::5 ", "2001:db8::5"),
    ("", "127.0.0.1"), ("unknown", "127.0.0.1"), ("<script>", "127.0.0.1"), ("1" * 10_000, "127.0.0.1"),
])
def test_client_address_from_the_proxy_header_or_else_the_socket(rf, settings, header, expected):
    from lexicon.web.client_ip import client_ip

    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(rf.get("/", HTTP_X_REAL_IP=header, REMOTE_ADDR="127.0.0.1")) == expected
    settings.CLIENT_IP_HEADER = ""
    assert client_ip(rf.get("/", HTTP_X_REAL_IP=header, REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_force_login_still_works_for_tests_and_admin_client(admin_client):
    assert admin_client.get("/beheer/").status_code == 200
