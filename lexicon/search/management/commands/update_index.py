"""manage.py update_index (and rebuild_index, which calls it): haystack's command, then the
Whoosh index merged into one segment.

Haystack writes a Whoosh segment per batch and model; every query builds its matchers once per
segment, so a freshly built index merged into one serves a search page about a third faster
(bench/index_segments.py: 23 -> 15 ms on the book). Saves from the admin later add small
segments, which Whoosh's own merge policy folds together.
"""
from haystack import connections
from haystack.management.commands.update_index import Command as HaystackUpdateIndex


class Command(HaystackUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        for using in self.backends:
            backend = connections[using].get_backend()
            if hasattr(backend, "optimize"):  # the Whoosh backends; Elasticsearch merges by itself
                backend.optimize()
