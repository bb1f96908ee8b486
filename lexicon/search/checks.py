"""`manage.py check` (and every runserver start) reports the search index state: missing,
unreadable, empty while lemmas are published, behind the outbox. A site with nothing published
yet (a fresh checkout before `make data`) has nothing to search, so no warning then."""
from django.core import checks
from django.db import DatabaseError

from lexicon.search import freshness, state

HINTS = {
    state.MISSING: "Run `manage.py rebuild_index --noinput`.",
    state.UNREADABLE: "The index is corrupt: run `manage.py rebuild_index --noinput`.",
    state.EMPTY: "Run `manage.py rebuild_index --noinput`.",
    state.OUT_OF_DATE: "Run `manage.py drain_index` (and schedule it: README, deployment).",
}


@checks.register("search")
def search_index_state(app_configs=None, **kwargs):
    from lexicon.content.models import Lemma

    try:
        if not Lemma.objects.published().exists():
            return []
        found = freshness.full_state()
    except DatabaseError:  # tables of a migration not yet run: `migrate` itself runs this check
        return []
    if found.status == state.OK:
        return []
    return [checks.Warning(f"Search index is {found.status}: {found.detail}", hint=HINTS.get(found.status),
                           id="lexicon_search.W001")]
