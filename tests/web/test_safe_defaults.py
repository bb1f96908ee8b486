"""Safe by default: no debug pages without DEBUG=1, JSON errors under /api/ for every method and
for a failed CSRF check, a per-account and per-address login throttle on top of the lockout."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lexicon.web import login_throttle

ROOT = Path(__file__).resolve().parents[2]


def _settings_without_env(expression, **env):
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="config.settings")  # the real settings, not the tests'
    code = f"from django.conf import settings as s; print({expression})"
    return subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


def test_debug_is_off_unless_asked_for(tmp_path):
    key = tmp_path / "secret_key"
    key.write_text("k" * 60)
    result = _settings_without_env("s.DEBUG, s.SECRET_KEY == 'k' * 60", SECRET_KEY_FILE=str(key))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
    assert _settings_without_env("s.DEBUG", DEBUG="1").stdout.split() == ["True"]
    forgotten = _settings_without_env("s.DEBUG")  # no DEBUG, no key: refuse, never debug pages
    assert forgotten.returncode != 0 and "SECRET_KEY" in forgotten.stderr


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_page_and_the_api_json(client):
    page = client.get("/bestaat-niet/")
    assert page.status_code == 404 and "Pagina niet gevonden" in page.content.decode()
    assert "urlpatterns" not in page.content.decode().lower()
    for method in ("get", "post", "put", "delete"):
        api = getattr(client, method)("/api/bestaat-niet")
        assert api.status_code == 404 and api.json() == {"fout": "Niet gevonden.", "status": 404}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/", "/api/lemmas/", "/api/zoeken", "/api/openapi.json"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_method_on_the_api_gets_a_json_error_even_with_csrf_checks(path, method):
    browser = Client(enforce_csrf_checks=True)
    response = getattr(browser, method)(path)
    assert response["Content-Type"].startswith("application/json")
    assert response.status_code in (403, 405) and response.json()["status"] == response.status_code
    assert response.json()["fout"]


@pytest.mark.django_db
def test_a_failed_csrf_check_outside_the_api_is_a_dutch_page(client):
    response = Client(enforce_csrf_checks=True).post("/lemma/iets/suggestie/", {"text": "x"})
    assert response.status_code == 403 and "Formulier verlopen" in response.content.decode()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("redacteur", password="juist-wachtwoord-2022", is_staff=True)


def _login(client, username, password, address):
    return client.post("/beheer/login/?next=/beheer/", {"username": username, "password": password},
                       HTTP_X_REAL_IP=address)


@pytest.fixture
def behind_proxy(settings):
    settings.AXES_ENABLED = True
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    return settings


def test_many_addresses_trying_one_account_are_slowed_down(client, editor, behind_proxy, monkeypatch):
    limit = behind_proxy.LOGIN_THROTTLE_ACCOUNT_FAILURES
    for n in range(limit):  # each address stays under axes' lockout of five
        assert _login(client, "redacteur", "fout", f"203.0.113.{n}").status_code == 200
    throttled = _login(client, "redacteur", "fout", "198.51.100.1")
    assert throttled.status_code == 429 and "Even wachten" in throttled.content.decode()
    assert int(throttled["Retry-After"]) > 0
    assert _login(client, "redacteur", "juist-wachtwoord-2022", "198.51.100.2").status_code == 429
    later = login_throttle.time.time() + behind_proxy.LOGIN_THROTTLE_DELAY + 1
    monkeypatch.setattr(login_throttle.time, "time", lambda: later)
    assert _login(client, "redacteur", "juist-wachtwoord-2022", "198.51.100.2").status_code == 302  # not a lock


def test_one_address_trying_many_accounts_is_slowed_down(client, editor, behind_proxy):
    limit = behind_proxy.LOGIN_THROTTLE_ADDRESS_FAILURES
    for n in range(limit):
        assert _login(client, f"gebruiker{n}", "fout", "203.0.113.50").status_code == 200
    assert _login(client, "redacteur", "juist-wachtwoord-2022", "203.0.113.50").status_code == 429
    assert _login(client, "redacteur", "juist-wachtwoord-2022", "192.0.2.8").status_code == 302  # others unaffected
