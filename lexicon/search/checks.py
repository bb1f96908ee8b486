"""`manage.py check` (and every runserver/migrate start) reports the search index state."""
from django.core import checks

from lexicon.search import state

HINTS = {
    state.MISSING: "Run `manage.py rebuild_index --noinput`.",
    state.UNREADABLE: "The index is corrupt: run `manage.py rebuild_index --noinput`.",
    state.EMPTY: "Run `manage.py rebuild_index --noinput`.",
    state.OUT_OF_DATE: "Run `manage.py drain_index` (and schedule it: README, deployment).",
}


@checks.register("search")
def search_index_state(app_configs=None, **kwargs):
    try:
        found = state.full_state()
    except Exception as error:  # no tables yet (before migrate): nothing to say about the index
        return [checks.Info(f"Search index state unknown: {type(error).__name__}", id="lexicon_search.I001")]
    if found.status == state.OK:
        return []
    return [checks.Warning(f"Search index is {found.status}: {found.detail}", hint=HINTS.get(found.status),
                           id="lexicon_search.W001")]
