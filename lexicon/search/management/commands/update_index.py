"""manage.py update_index (and rebuild_index, which calls it).

A full update (no --age, --minutes, --start or --end) builds the whole index in one Whoosh writer
and one commit (``DutchWhooshSearchBackend.bulk_build``): no per-batch commits or merges, each
document analysed once; on two cores or more two processes write a segment each (the lemmas, the
rest). It shows its progress (objects, and objects per second) and ends with the number of
documents per second. ``--procs 1`` builds in this process only, ``--procs 2`` always forks.
``--limitmb`` is passed to Whoosh's writer (the bulk build's posting pool keeps everything in
memory). A partial update
(``--age`` ...) is haystack's own command, followed by merging the index into one segment
(every query builds its matchers once per segment).
"""
import sys
import time

from django.utils.translation import gettext as _
from haystack import connections
from haystack.exceptions import NotHandled
from haystack.management.commands.update_index import Command as HaystackUpdateIndex
from haystack.utils.app_loading import haystack_get_models, haystack_load_apps


class Command(HaystackUpdateIndex):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--procs", type=int, default=None,
                            help="processes that write a full build: 1 or 2 (default: 2 on two cores or "
                                 "more for a large lexicon)")
        parser.add_argument("--limitmb", type=int, default=256,
                            help="memory per index writer in MB before sorting to disk (default 256)")

    def handle(self, **options):
        partial = any(options.get(name) for name in ("age", "minutes", "start_date", "end_date"))
        backends = options.get("using") or list(connections.connections_info.keys())
        bulk = [using for using in backends if hasattr(connections[using].get_backend(), "bulk_build")]
        if partial or not options.get("commit", True) or not bulk:
            super().handle(**options)
            for using in self.backends:
                backend = connections[using].get_backend()
                if hasattr(backend, "optimize"):  # the Whoosh backends; Elasticsearch merges by itself
                    backend.optimize()
            return
        for using in bulk:
            self.bulk_build(using, options)
        rest = [using for using in backends if using not in bulk]
        if rest:
            super().handle(**{**options, "using": rest})

    def _indexes(self, using, labels):
        unified = connections[using].get_unified_index()
        indexes = []
        for label in labels or haystack_load_apps():
            for model in haystack_get_models(label):
                try:
                    index = unified.get_index(model)
                except NotHandled:
                    continue
                if index not in indexes:
                    indexes.append(index)
        return indexes

    def bulk_build(self, using, options):
        verbosity = int(options.get("verbosity", 1))
        backend = connections[using].get_backend()
        indexes = self._indexes(using, options.get("app_label"))
        started = time.monotonic()
        show = verbosity >= 1 and sys.stdout.isatty()
        shown = [-1]  # the last tenth written to a log

        def progress(done, total):
            if verbosity < 1:
                return
            rate = done / max(time.monotonic() - started, 1e-6)
            width = 30
            filled = int(width * done / total) if total else width
            line = _("[%(bar)s] %(done)d/%(total)d objecten, %(rate).0f per seconde") % {
                "bar": "#" * filled + "." * (width - filled), "done": done, "total": total, "rate": rate}
            # On a terminal one line that updates; in a log one line per tenth.
            if show:
                sys.stdout.write("\r" + line)
                sys.stdout.flush()
            elif total and done * 10 // total > shown[0]:  # chunks of 500 objects jump over tenths
                shown[0] = done * 10 // total
                self.stdout.write(line)

        count = backend.bulk_build(indexes, procs=options.get("procs"),
                                   limitmb=max(16, options.get("limitmb") or 256), progress=progress)
        if show:
            sys.stdout.write("\n")
        seconds = time.monotonic() - started
        if verbosity >= 1:
            self.stdout.write(_("%(count)d documenten geïndexeerd in %(seconds).1f s (%(rate).0f documenten per seconde)")
                              % {"count": count, "seconds": seconds, "rate": count / max(seconds, 1e-6)})
