"""Headless Chromium for the UI tests: one way to start it, one way to run axe-core.

Chromium is Debian's (/usr/bin/chromium, installed by .ci/system-deps); Playwright from PyPI
drives it (never `playwright install`). axe-core's axe.min.js comes with the PyPI package
axe-playwright-python (MPL-2.0); we evaluate that file in the page ourselves.
"""
import contextlib
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# The machine has no network: without these flags Chromium keeps trying to reach Google.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
BLOCKING = {"serious", "critical"}

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]


@contextlib.contextmanager
def chromium():
    """A launched headless Chromium. Playwright's sync API runs an event loop in this thread,
    which makes Django refuse ORM calls; the tests' ORM calls stay synchronous, so allow them."""
    sync_api = pytest.importorskip("playwright.sync_api")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def axe_source():
    package = pytest.importorskip("axe_playwright_python")
    return Path(package.__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def blocking_violations(page):
    """axe-core's serious and critical violations on the page, as readable lines.
    page.evaluate runs outside the page's Content-Security-Policy."""
    page.evaluate(axe_source())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"] if v["impact"] in BLOCKING
    ]
