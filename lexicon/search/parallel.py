"""A whole-index build on two cores: a forked process writes the first index's documents into a
segment of its own, the building process the rest into a second segment, one commit lists both.

Whoosh can hold an index in several segments; a reader numbers the documents of the segments
one after the other. The forked process takes the documents at the start of the build's order
(the lemmas), the building process the ones after them, so every document gets the number, and
every posting, stored field and length, it gets in a one-process build
(``tests/search/test_search_indexing.py`` compares both). Nothing is merged: merging two
segments costs as much as writing their postings.

When the building process has derived and listed the sections, the forked process is usually
ahead (it started at once); it then also takes the first sections (``Child.share``: estimated
from text lengths, ``build_costs`` of the search indexes), still in document order.

The fork happens after the compound vocabulary is loaded and with the database connections
closed (each process opens its own); it is not used inside a database transaction (the other
process would not see its rows), nor by default in a process with other threads running (the
self-heal rebuild of a web server). The forked process reports
its progress and, at the end, its finished segment (or its error) through a pipe.
"""
import gc
import os
import pickle
import select
import signal
import struct
import threading
import traceback
from contextlib import contextmanager

MIN_OBJECTS = 500  # fewer lemmas: the fork and the second segment are not worth it
_HEADER = struct.Struct("!Q")


@contextmanager
def no_full_collections():
    """No full garbage collections while a bulk build runs (restored afterwards).

    The posting pool holds millions of objects that live to the end of the build; every full
    collection walks all of them again (a tenth of a build's CPU time at 2,000 lemmas, more at
    10,000). Young collections still run and free the cycles of each chunk's model objects."""
    threshold = gc.get_threshold()
    gc.freeze()  # what exists now (modules, the compound vocabulary) is not walked either
    gc.set_threshold(threshold[0], threshold[1], 1_000_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def wanted(backend, procs):
    """Whether a bulk build with ``procs`` (None: as many as useful) uses the forked writer."""
    from django.db import connections

    if procs is not None and procs < 2:
        return False
    if procs is None and ((os.cpu_count() or 1) < 2 or threading.active_count() > 1):
        return False  # forking a process with other threads running (a web server's self-heal): not by default
    if not getattr(backend, "use_file_storage", False) or not hasattr(os, "fork"):
        return False
    return not any(conn.in_atomic_block for conn in connections.all(initialized_only=True))


def _send(fd, message):
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    data = _HEADER.pack(len(data)) + data
    while data:
        data = data[os.write(fd, data):]


def _read_exactly(fd, size):
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError("the index build's second process ended without a result")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(fd):
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    return pickle.loads(_read_exactly(fd, size))


DOCUMENT_COST = 1000  # the work of a document beside its text, in characters of text


def costs(index, qs, pks):
    """Estimated work per object of ``pks`` (``index.build_costs`` or the same for each)."""
    estimate = getattr(index, "build_costs", None)
    found = estimate(qs, pks) if estimate else {}
    return [found.get(pk, 0) + DOCUMENT_COST for pk in pks]


class Child:
    """The forked writer, seen from the building process."""

    def __init__(self, pid, fd, control_fd, first_costs):
        self.pid, self.fd, self.control_fd = pid, fd, control_fd
        self.first_costs = first_costs
        self.done = 0  # objects the child has prepared and added so far
        self.result = None

    def share(self, batches):
        """Hand the child the first objects of ``batches`` (the sections) when it is ahead:
        so much that both processes have about the same work left. Returns what this process
        writes. Called once, when this process has listed its objects (and derived the
        sections, while the child wrote lemmas)."""
        self.poll()
        child_left = sum(self.first_costs[self.done:])
        if batches:
            index, qs, pks = batches[0]
            first_costs = costs(index, qs, pks)
            mine = sum(first_costs) + sum(DOCUMENT_COST * len(p) for _i, _q, p in batches[1:])
            extra = (mine - child_left) / 2
            count, taken = 0, 0
            while count < len(pks) and taken + first_costs[count] <= extra:
                taken += first_costs[count]
                count += 1
            if count:
                _send(self.control_fd, ("more", 1, pks[:count]))
                batches = [(index, qs, pks[count:])] + batches[1:]
        _send(self.control_fd, ("end",))
        return batches

    def _handle(self, message):
        kind = message[0]
        if kind == "progress":
            self.done = message[1]
        elif kind == "done":
            self.result = message[1:]
        else:  # "error"
            self._reap()
            raise RuntimeError(f"Het tweede indexeerproces faalde:\n{message[1]}")

    def poll(self):
        """Read the messages that have arrived, without waiting."""
        while self.result is None and select.select([self.fd], [], [], 0)[0]:
            self._handle(_receive(self.fd))

    def wait(self, on_progress=None):
        """(segment, documents added) when the child is done."""
        while self.result is None:
            self._handle(_receive(self.fd))
            if on_progress:
                on_progress()
        self._reap()
        return self.result

    def _reap(self):
        if self.pid is not None:
            os.waitpid(self.pid, 0)
            self.pid = None
        for name in ("fd", "control_fd"):
            if getattr(self, name) is not None:
                os.close(getattr(self, name))
                setattr(self, name, None)

    def stop(self):
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self._reap()


def start(backend, indexes, batch, chunk_size, limitmb=256):
    """Fork a process that writes ``batch`` (index, queryset, pks) into a new segment, then the
    objects of ``indexes`` that ``Child.share`` hands it."""
    from django.db import connections
    from whoosh.writing import SegmentWriter

    from lexicon.search.indexing import bulk_writer

    try:  # the URL patterns (every document's url) are read once, before the fork, not in each process
        from django.urls import get_resolver

        get_resolver()._populate()
    except Exception:
        pass
    first_costs = costs(*batch)
    connections.close_all()  # each process its own connection
    read_fd, write_fd = os.pipe()
    control_read, control_write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        os.close(control_read)
        return Child(pid, read_fd, control_write, first_costs)
    # The forked process: never returns.
    status = 1
    try:
        os.close(read_fd)
        os.close(control_write)
        writer = bulk_writer(SegmentWriter(backend.index, _lk=False, limitmb=limitmb))
        done = 0
        while batch is not None:
            index, qs, pks = batch
            for begin in range(0, len(pks), chunk_size):
                backend._add_chunk(writer, index, qs, pks[begin:begin + chunk_size])
                done += len(pks[begin:begin + chunk_size])
                _send(write_fd, ("progress", done))
            message = _receive(control_read)
            if message[0] == "more":
                index = indexes[message[1]]
                batch = (index, index.index_queryset(using=backend.connection_alias), message[2])
            else:
                batch = None
        added = writer.docnum
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        connections.close_all()
        _send(write_fd, ("done", segment, added))
        status = 0
    except BaseException:
        try:
            _send(write_fd, ("error", traceback.format_exc()))
        except Exception:
            pass
    finally:
        os._exit(status)


def commit(writer, first_segments):
    """Commit the building writer with ``first_segments`` (the child's) before its own segment;
    every earlier segment is dropped (as ``commit(mergetype=CLEAR)``)."""
    segments = list(first_segments)
    if writer._added:
        segments.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()
