"""manage.py rebuild_index: haystack's, made to recover and to say when it could not.

The old index is removed as files, without opening it (a truncated TOC made haystack's clear
crash); afterwards the new index must be readable and hold the published lemmas, or the command
fails with a non-zero exit. The outbox marker is then set to what the rebuild covered.
"""
from django.core.management.base import CommandError
from haystack import connections
from haystack.management.commands.rebuild_index import Command as HaystackRebuild

from lexicon.search import outbox, state


class Command(HaystackRebuild):
    def handle(self, **options):
        aliases = options.get("using") or list(connections.connections_info)
        baselines = {using: outbox.baseline() for using in aliases}
        try:
            super().handle(**options)
        except Exception as error:
            raise CommandError(f"De zoekindex kon niet opnieuw worden opgebouwd: {type(error).__name__}: {error}")
        for using in aliases:
            found = state.full_state(using)
            if found.status in (state.MISSING, state.UNREADABLE, state.EMPTY):
                raise CommandError(f"{using}: de zoekindex is na het opbouwen {found.status}: {found.detail}")
            outbox.write_marker(outbox.Marker(baselines[using]), using)
