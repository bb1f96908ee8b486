"""The one-pass index formats write exactly the postings Whoosh's analyzers would, so queries,
phrases, highlighting and compound parts find the same documents in an index built fast."""
import json
from pathlib import Path

import pytest
from whoosh.fields import TEXT
from whoosh.formats import Characters, Frequency, Positions

from lexicon.search import compounds
from lexicon.search.analysis import dutch_analyzer, spelling_analyzer
from lexicon.search.indexing import FastCharacters, FastFrequency, FastPositions, speed_up
from lexicon.search.text import readable_text

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"
TRICKY = [
    "", "   ", "één en de het", "De buurtteammedewerkers en samenlevingsopbouwwerkers in de wijk.",
    "Cliënten, clienten; CLIËNTEN! e-mail sociaal-cultureel 3.5 v.d. x y zz", "a " * 50 + "nabijheid",
    "Ouderen en ouders, mensen en kinderen in steden: relaties, initiatieven, huizen.",
]


def lexicon_texts():
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [readable_text(r["fields"]["body"]) for r in records if r["model"] == "lexicon.lemma"][:12]


def slow_and_fast(slow_format, fast_format, analyzer, text):
    slow = list(slow_format().word_values(text, analyzer, mode="index"))
    fast = list(fast_format().word_values(text, analyzer, mode="index"))
    return sorted(slow), sorted(fast)


@pytest.mark.django_db
@pytest.mark.parametrize("slow_format,fast_format", [(Characters, FastCharacters), (Positions, FastPositions)])
def test_dutch_postings_equal_the_analyzers(slow_format, fast_format):
    compounds.reset()
    for text in TRICKY + lexicon_texts():
        slow, fast = slow_and_fast(slow_format, fast_format, dutch_analyzer(), text)
        assert fast == slow


@pytest.mark.django_db
def test_compound_parts_are_indexed_by_the_fast_path():
    compounds.reset()
    terms = [t for t, *_ in FastCharacters().word_values("buurtteammedewerkers", dutch_analyzer(), mode="index")]
    assert len(terms) > 1  # the word and its parts
    compounds.learn("wijkverpleegkundige wijk verpleegkundige")  # a new word changes the splits
    slow, fast = slow_and_fast(Characters, FastCharacters, dutch_analyzer(), "de wijkverpleegkundige komt")
    assert fast == slow


def test_spelling_counts_equal_the_analyzer():
    for text in TRICKY + ["Nabijheid nabijheid NABIJHEID en de buurt, buurten; 12 abc ab"]:
        slow, fast = slow_and_fast(Frequency, FastFrequency, spelling_analyzer(), text)
        assert fast == slow


def test_other_calls_go_through_whoosh():
    field = speed_up(TEXT(analyzer=dutch_analyzer(), stored=True, chars=True))
    assert type(field.format) is FastCharacters
    # Query mode (no compound parts) is Whoosh's own path.
    query = [t for t, *_ in field.format.word_values("buurtteammedewerkers", dutch_analyzer(), mode="query")]
    assert query == [t.text for t in dutch_analyzer()("buurtteammedewerkers", mode="query")]


def _postings_of(ix):
    """Everything queries read back: per term its document frequency, weight and max weight,
    min/max field lengths, and each posting (doc, weight, encoded positions); field lengths."""
    with ix.reader() as reader:
        terms = {}
        for fieldname, btext in reader.all_terms():
            info = reader.term_info(fieldname, btext)
            matcher = reader.postings(fieldname, btext)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            terms[(fieldname, btext)] = (info.doc_frequency(), info.weight(), info.max_weight(),
                                         info.min_length(), info.max_length(), postings)
        lengths = [[reader.doc_field_length(d, f) for f in ("text", "spelling")] for d in range(reader.doc_count_all())]
    return terms, lengths


@pytest.mark.django_db
def test_bulk_writer_writes_the_same_index_as_whoosh(tmp_path):
    from whoosh import index
    from whoosh.fields import ID, Schema
    from whoosh.writing import SegmentWriter

    from lexicon.search.indexing import TermGroupedPool, bulk_writer

    compounds.reset()
    schema = Schema(id=ID(stored=True), text=speed_up(TEXT(analyzer=dutch_analyzer(), stored=True, chars=True)),
                    spelling=speed_up(TEXT(analyzer=spelling_analyzer(), phrase=False)))
    texts = TRICKY + lexicon_texts()
    built = []
    for name, wrap in (("whoosh", lambda w: w), ("bulk", bulk_writer)):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), schema)
        writer = wrap(ix.writer())
        assert type(writer) is SegmentWriter
        assert isinstance(writer.pool, TermGroupedPool) == (name == "bulk")
        for i, text in enumerate(texts):
            writer.add_document(id=str(i), text=text, spelling=text)
        writer.commit()
        built.append(_postings_of(ix))
    assert built[0][0] and built[0] == built[1]


@pytest.mark.django_db
def test_searcher_lengths_in_memory_equal_whooshs(tmp_path):
    from whoosh import index
    from whoosh.fields import ID, Schema

    from lexicon.search.indexing import lengths_in_memory

    schema = Schema(id=ID(stored=True), text=speed_up(TEXT(analyzer=dutch_analyzer(), stored=True, chars=True)),
                    title=TEXT(analyzer=dutch_analyzer()))
    ix = index.create_in(str(tmp_path), schema)
    for batch in (TRICKY, lexicon_texts()[:4]):  # two segments
        writer = ix.writer()
        for i, text in enumerate(batch):
            writer.add_document(id=str(i), text=text, **({"title": text[:40]} if i % 2 else {}))
        writer.commit(merge=False)
    plain, fast = ix.searcher(), lengths_in_memory(ix.searcher())
    docs = range(plain.doc_count_all())
    for field in ("text", "title"):
        assert [fast.doc_field_length(d, field, 1) for d in docs] == [plain.doc_field_length(d, field, 1) for d in docs]
    assert any(fast.doc_field_length(d, "text", 1) for d in docs)


def _segment_files(ix):
    """{extension: bytes} of the index's one segment (file names hold a random segment id)."""
    import os

    (segment,) = ix._segments()
    prefix = segment.make_filename("")
    out = {}
    for name in os.listdir(ix.storage.folder):
        if name.startswith(prefix):
            with open(os.path.join(ix.storage.folder, name), "rb") as fh:
                out[name[len(prefix):]] = fh.read()
    return out


@pytest.mark.django_db
def test_bulk_writer_writes_the_same_bytes_as_whoosh(tmp_path):
    """Postings, term infos, stored fields and lengths: byte for byte Whoosh's own writer's,
    with the lexicon's schema (ID, KEYWORD, stored, chars, positions and frequency fields),
    a term with more postings than a block (128) and a digest-like stored-only field."""
    from whoosh import index
    from whoosh.fields import ID, KEYWORD, STORED, Schema

    from lexicon.search.indexing import bulk_writer

    compounds.reset()
    schema = Schema(id=ID(stored=True, unique=True), kind=ID(stored=True), authors=KEYWORD(stored=True, commas=True),
                    text=speed_up(TEXT(analyzer=dutch_analyzer(), stored=True, chars=True)),
                    title=speed_up(TEXT(analyzer=dutch_analyzer(), stored=True)),
                    spelling=speed_up(TEXT(analyzer=spelling_analyzer(), stored=False, phrase=False)),
                    digest=STORED())
    texts = (TRICKY + lexicon_texts()) * 12  # > 128 documents: several blocks per frequent term
    files = []
    for name, wrap in (("whoosh", lambda w: w), ("bulk", bulk_writer)):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), schema)
        writer = wrap(ix.writer(compound=False))  # one file per part (a compound file holds names, times)
        for i, text in enumerate(texts):
            doc = dict(id=str(i), kind="lemma" if i % 3 else "sectie", authors="a,b" if i % 2 else "c",
                       text=text, title=text[:60], spelling=text, digest=f"d{i}")
            if len(text) > 500:
                doc["_stored_text"] = text[:500]
            if i % 5 == 0:
                del doc["title"]
            writer.add_document(**doc)
        writer.commit()
        files.append(_segment_files(ix))
    assert {".pst", ".trm", "._stored.col"} <= set(files[0]) and files[0] == files[1]


def _whole_index(backend):
    """Postings and lengths as queries read them, and every document's stored fields in order."""
    ix = backend.storage.open_index(schema=backend.schema)
    with ix.searcher() as searcher:
        stored = [searcher.stored_fields(d) for d in range(searcher.doc_count_all())]
    return _postings_of(ix), stored, len(ix._segments())


@pytest.mark.django_db(transaction=True)  # the second process reads committed rows
def test_the_two_process_build_gives_the_serial_builds_index(monkeypatch):
    """The forked writer's segment (the lemmas) and the building process's (sections, sources,
    pages): the same documents in the same order, the same postings, lengths and stored fields."""
    from django.core.management import call_command
    from haystack import connections

    from lexicon.search import parallel
    from lexicon.search.management.commands.update_index import Command

    call_command("generate_synthetic_lexicon", count=30, verbosity=0)
    backend = connections["default"].get_backend()
    indexes = Command()._indexes("default", None)
    monkeypatch.setattr(parallel, "MIN_OBJECTS", 1)
    # Lemmas that look cheap: the forked process is given the first sections too (Child.share).
    from lexicon.search.search_indexes import LemmaIndex

    monkeypatch.setattr(LemmaIndex, "build_costs", lambda self, qs, pks: {pk: -parallel.DOCUMENT_COST for pk in pks})
    built = []
    for procs in (1, 2):
        backend.clear()
        progress = []
        count = backend.bulk_build(indexes, procs=procs, chunk_size=7, progress=lambda d, t: progress.append((d, t)))
        built.append((count, _whole_index(backend)))
        segment_sizes = [seg.doc_count_all() for seg in backend.storage.open_index(schema=backend.schema)._segments()]
        assert progress[-1][0] == progress[-1][1] and count
    (serial_count, serial), (parallel_count, two) = built
    assert serial[2] == 1 and two[2] == 2  # one segment, two segments
    assert segment_sizes[0] > 30  # the forked process wrote the lemmas and then the first sections
    assert serial_count == parallel_count
    assert serial[1] == two[1]  # stored fields, document by document
    assert serial[0][0] == two[0][0]  # terms, postings, weights, min/max lengths
    # A field no document of a segment has (the lemmas' spelling field in the sections' segment)
    # has no length column there: Whoosh says 0 instead of None, both "no length" (no postings).
    assert [[n or 0 for n in doc] for doc in serial[0][1]] == [[n or 0 for n in doc] for doc in two[0][1]]


@pytest.mark.django_db(transaction=True)
def test_an_error_in_the_second_process_fails_the_build(monkeypatch):
    from django.core.management import call_command
    from haystack import connections

    from lexicon.search import parallel
    from lexicon.search.management.commands.update_index import Command

    call_command("generate_synthetic_lexicon", count=5, verbosity=0)
    backend = connections["default"].get_backend()
    monkeypatch.setattr(parallel, "MIN_OBJECTS", 1)
    original = backend._add_chunk

    def fail_on_lemmas(writer, index, qs, pks):
        if index.get_model().__name__ == "Lemma":
            raise ValueError("kapot")
        return original(writer, index, qs, pks)

    monkeypatch.setattr(backend, "_add_chunk", fail_on_lemmas)
    with pytest.raises(RuntimeError, match="kapot"):
        backend.bulk_build(Command()._indexes("default", None), procs=2)
