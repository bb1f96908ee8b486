"""Segments are read from the mapped compound file without a copy of each part
(lexicon.search.whoosh_files), and read the same as before."""
import random
from io import BytesIO

import pytest
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb import compound, structfile
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Term

from lexicon.search import whoosh_files


def test_the_buffer_stream_reads_like_bytesio():
    data = bytes(random.Random(3).randrange(256) for _ in range(5000)) + b"een\nregel\n\nslot"
    ours, theirs = whoosh_files.BufferStream(memoryview(data)), BytesIO(data)
    rng = random.Random(5)
    for _ in range(500):
        op = rng.choice(["read", "readline", "seek", "tell"])
        if op == "read":
            n = rng.choice([-1, 0, 1, 7, 300])
            assert ours.read(n) == theirs.read(n)
        elif op == "readline":
            assert ours.readline() == theirs.readline()
        elif op == "seek":
            offset, whence = rng.randrange(0, len(data) + 10), rng.choice([0, 1, 2])
            offset = -min(offset, len(data)) if whence == 2 else offset
            if whence == 1:
                offset = rng.randrange(-ours.tell(), 50)
            assert ours.seek(offset, whence) == theirs.seek(offset, whence)
        assert ours.tell() == theirs.tell()


@pytest.fixture
def compound_index(tmp_path):
    ix = FileStorage(str(tmp_path)).create_index(Schema(id=ID(stored=True), text=TEXT(stored=True)))
    writer = ix.writer()
    for n in range(300):
        writer.add_document(id=str(n), text=f"buurt {n} zorg " * (n % 7 + 1))
    writer.commit()  # one compound segment
    return ix


def _search(ix):
    with ix.searcher() as searcher:
        results = searcher.search(Term("text", "zorg"), limit=20)
        return [(hit["id"], round(hit.score, 9)) for hit in results], len(results)


def test_a_compound_segment_reads_the_same_without_copying_its_parts(compound_index, monkeypatch):
    whoosh_files.install()
    segment = compound_index._segments()[0]
    assert segment.is_compound()
    storage = segment.open_compound_file(compound_index.storage)
    for name in storage.list():
        part = storage.open_file(name)
        assert isinstance(part, whoosh_files.LazyBufferFile)
        assert part.read() == bytes(storage._source[slice(*_range(storage, name))])
        assert not isinstance(part._stream, BytesIO)
    ours = _search(compound_index)
    monkeypatch.setattr(compound, "BufferFile", structfile.BufferFile)  # Whoosh's own, copying
    assert _search(compound_index) == ours and ours[1] == 300


def _range(storage, name):
    offset, length = storage.range(name)
    return offset, offset + length
