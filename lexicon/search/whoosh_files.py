"""Opening a segment without copying it.

Whoosh keeps a segment's files in one compound file, memory-mapped, and opens each part as a
``BufferFile``, whose constructor wraps the part in ``BytesIO(buf)``: a full copy of the part.
Reading postings and terms only uses ``get(position, length)`` on the mapped buffer, so that copy
is never read, yet every reader pays for it: on a 10,000-lemma index opening a reader copied
tens of megabytes, which was most of the time of re-indexing one saved lemma (every write opens a
reader to delete the lemma's old documents) and of reopening the searcher after a write.

``LazyBufferFile`` reads the part as a stream (seek, read, tell: a postings header, a pickled
table) from the mapped buffer itself (``BufferStream``), without a copy.
whoosh-reloaded is no longer maintained (README, "Zoeken"), so the fix lives here.
"""
from io import SEEK_CUR, SEEK_END, SEEK_SET

from whoosh.filedb import compound, structfile


class BufferStream:
    """The file methods StructFile uses, over a buffer (bytes or memoryview), without copying it."""

    def __init__(self, buf):
        self.buf, self.pos, self.closed = buf, 0, False

    def read(self, size=-1):
        if self.pos >= len(self.buf):
            return b""  # past the end: the position stays where it is (as BytesIO)
        end = len(self.buf) if size is None or size < 0 else min(len(self.buf), self.pos + size)
        data = bytes(self.buf[self.pos:end])
        self.pos = end
        return data

    def readline(self, size=-1):
        if self.pos >= len(self.buf):
            return b""
        end = len(self.buf) if size is None or size < 0 else min(len(self.buf), self.pos + size)
        start = self.pos
        i = start
        while i < end and self.buf[i] != 10:  # b"\n"
            i += 1
        self.pos = min(end, i + 1)
        return bytes(self.buf[start:self.pos])

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def seek(self, offset, whence=SEEK_SET):
        base = {SEEK_SET: 0, SEEK_CUR: self.pos, SEEK_END: len(self.buf)}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def tell(self):
        return self.pos

    def close(self):
        self.closed = True


class LazyBufferFile(structfile.BufferFile):
    def __init__(self, buf, name=None, onclose=None):
        self._buf = buf
        self._name = name
        self._stream = None
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    @property
    def file(self):
        if self._stream is None:
            self._stream = BufferStream(self._buf)
        return self._stream

    @file.setter
    def file(self, value):
        self._stream = value

    def close(self):
        if self.is_closed:
            raise Exception("This file is already closed")
        if self.onclose:
            self.onclose(self)
        if self._stream is not None:
            self._stream.close()
        self.is_closed = True


def install():
    """Compound segments open their parts as ``LazyBufferFile`` (idempotent)."""
    compound.BufferFile = LazyBufferFile
