import pytest
from haystack import connections


@pytest.fixture(autouse=True)
def _isolated_search_index(settings, tmp_path_factory):
    """Every test gets its own empty Whoosh index, never the developer's (and the compound
    splitter forgets the words of earlier tests' texts)."""
    from lexicon.search import compounds

    compounds.reset()
    original = connections.connections_info
    connections.connections_info = {
        "default": {**settings.HAYSTACK_CONNECTIONS["default"], "PATH": str(tmp_path_factory.mktemp("index") / "whoosh")}
    }
    settings.HAYSTACK_CONNECTIONS = connections.connections_info
    connections.thread_local.connections = {}
    # An empty index, as `make index` leaves one: a missing index is an error now (503), never
    # silently created by a search.
    connections["default"].get_backend().setup()
    yield
    connections.connections_info = original
    connections.thread_local.connections = {}


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Every test gets its own empty in-process cache (the page cache stays on, as in production),
    never the developer's var/cache; and no django-axes lockouts unless a test turns it on
    (axes refuses ``client.login`` without a request)."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests"}}
    settings.AXES_ENABLED = False
    from lexicon.web import fragments

    cache.clear()  # at setup only: at teardown a test may still point CACHES at a shared Redis
    fragments.clear_local()
    from lexicon.search import queries

    queries.results_memo.clear()
    yield


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (see tests/browser.py)."""
    import os

    from tests.helpers.browser import CHROMIUM, chromium

    if not os.path.exists(CHROMIUM):
        pytest.skip("needs /usr/bin/chromium (apt-get install chromium)")
    with chromium() as launched:
        yield launched


@pytest.fixture(autouse=True)
def _isolated_exports(settings, tmp_path):
    """Built files go to the test's own folder, and no test starts a background build of the book
    (tests/exports build what they need themselves)."""
    settings.EXPORTS_DIR = tmp_path / "exports"
    settings.EXPORTS_BUILD = "off"
