import pytest
from haystack import connections


@pytest.fixture(autouse=True)
def _isolated_search_index(settings, tmp_path):
    """Every test gets its own empty Whoosh index, never the developer's."""
    original = connections.connections_info
    connections.connections_info = {
        "default": {**settings.HAYSTACK_CONNECTIONS["default"], "PATH": str(tmp_path / "whoosh")}
    }
    settings.HAYSTACK_CONNECTIONS = connections.connections_info
    connections.thread_local.connections = {}
    yield
    connections.connections_info = original
    connections.thread_local.connections = {}
