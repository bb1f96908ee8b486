"""manage.py rebuild_index: haystack's, made to recover and to say when it could not.

The new index is built in a directory beside the live one and swapped in when it is complete, so
searches never see a half-built index (no "Geen resultaten" while it fills), and a corrupt old
index is never opened. Afterwards the index must be readable and hold the published lemmas, or the
command fails with a non-zero exit. The outbox marker is then set to what the rebuild covered.
"""
import os
import shutil

from django.core.management.base import CommandError
from haystack import connections
from haystack.management.commands.rebuild_index import Command as HaystackRebuild

from lexicon.search import freshness, outbox, state
from lexicon.search.locks import index_lock


class Command(HaystackRebuild):
    def handle(self, **options):
        aliases = options.get("using") or list(connections.connections_info)
        for using in aliases:
            backend = connections[using].get_backend()
            baseline = outbox.baseline()  # before reading anything: later rows are replayed
            if getattr(backend, "use_file_storage", False) and getattr(backend, "path", None):
                self._rebuild_beside(backend, {**options, "using": [using]})
            else:
                self._run(options | {"using": [using]})
            found = freshness.full_state(using)
            if found.status in (state.MISSING, state.UNREADABLE, state.EMPTY):
                raise CommandError(f"{using}: de zoekindex is na het opbouwen {found.status}: {found.detail}")
            outbox.write_marker(outbox.Marker(baseline), using)

    def _run(self, options):
        try:
            super().handle(**options)
        except Exception as error:
            raise CommandError(f"De zoekindex kon niet opnieuw worden opgebouwd: {type(error).__name__}: {error}")

    def _rebuild_beside(self, backend, options):
        live = os.path.abspath(backend.path).rstrip(os.sep)
        building, old = f"{live}.new-{os.getpid()}", f"{live}.old-{os.getpid()}"
        backend._drop_searcher()
        backend.path, backend.setup_complete = building, False
        try:
            self._run(options)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        finally:
            backend.path, backend.setup_complete = live, False
        with index_lock(live):  # no drain writes into the old index while it is swapped out
            if os.path.exists(live):
                os.rename(live, old)
            os.rename(building, live)
        shutil.rmtree(old, ignore_errors=True)
        for leftover in (f"{building}.lock", f"{old}.lock"):
            if os.path.exists(leftover):
                os.remove(leftover)
        backend._drop_searcher()
