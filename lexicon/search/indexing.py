"""Index-time analysis in one pass per field value, with the same terms as the analyzers.

Whoosh indexes a field value by running it through its analyzer, a chain of generators
(tokenizer, lowercase, stop words, compound parts, stem, accent folding), one Python call per
filter per word, and then collecting the tokens per term. For the lexicon's long texts that was
most of the time of building the index. The formats here produce exactly the same postings
(terms, positions, character offsets, frequencies, weights) in a single loop over the regex
matches, with the analysed terms of each distinct word computed once (words repeat: a text of
3,000 words has about 1,000 distinct ones). Queries, highlighting and anything that is not
indexing still go through the analyzers themselves. ``tests/search/test_search_indexing.py``
checks the equality on the lexicon's own texts.

Only analyzers of the known shapes take the fast path (``dutch_analyzer()`` and
``spelling_analyzer()`` of ``lexicon.search.analysis``); any other analyzer, or a call that is
not indexing, is handled by Whoosh's own code.
"""
import zlib
from array import array
from collections import defaultdict
from itertools import chain
from pickle import dumps

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.compat import dumps as compat_dumps
from whoosh.fields import TEXT
from whoosh.formats import Characters, Frequency, Positions
from whoosh.system import emptybytes, pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

from lexicon.search import compounds
from lexicon.search.analysis import DecompoundFilter, DutchStemFilter, dutch_stem

_DUTCH_SHAPE = (RegexTokenizer, LowercaseFilter, StopFilter, DecompoundFilter, DutchStemFilter, CharsetFilter)
_SPELLING_SHAPE = (RegexTokenizer, LowercaseFilter, StopFilter)


def _shape(analyzer):
    items = getattr(analyzer, "items", None) if isinstance(analyzer, CompositeAnalyzer) else None
    if not items or any(type(item) is not kind for item, kind in zip(items, _DUTCH_SHAPE)):
        return None
    if len(items) == len(_DUTCH_SHAPE):
        return "dutch"
    if len(items) == len(_SPELLING_SHAPE):
        return "spelling"
    return None


class _Terms:
    """lowercase word -> its index terms (stem of the word, then of each compound part, folded),
    valid as long as the compound vocabulary does not change (``compounds.generation``)."""

    def __init__(self):
        self.generation = None
        self.by_word = {}
        self.charmap = None

    def lookup(self, charmap):
        if self.generation != compounds.generation or self.charmap is not charmap:
            self.generation, self.charmap, self.by_word = compounds.generation, charmap, {}
        return self.by_word


_terms = _Terms()


def _word_terms(word, charmap):
    terms = [dutch_stem(word).translate(charmap)]
    if len(word) >= compounds.MIN_WORD:
        terms.extend(dutch_stem(part).translate(charmap) for part in compounds.pieces(word))
    return tuple(terms)


def dutch_postings(value, analyzer):
    """{term: [(pos, startchar, endchar), ...]} as ``analyzer(value, mode="index")`` yields them."""
    tokenizer, _lower, stop, _decompound, _stem, charset = analyzer.items
    stops, minsize, maxsize, renumber = stop.stops, stop.min, stop.max, stop.renumber
    charmap = charset.charmap
    known = _terms.lookup(charmap)
    seen = defaultdict(list)
    pos = None
    for raw_pos, match in enumerate(tokenizer.expression.finditer(value)):
        word = match.group().lower()
        if len(word) < minsize or (maxsize is not None and len(word) > maxsize) or word in stops:
            continue
        pos = raw_pos if pos is None or not renumber else pos + 1
        terms = known.get(word)
        if terms is None:
            terms = known[word] = _word_terms(word, charmap)
        posting = (pos, match.start(), match.end())
        for term in terms:
            seen[term].append(posting)
    return seen


def spelling_counts(value, analyzer):
    """{word: frequency} as ``analyzer(value, mode="index")`` yields them (no positions)."""
    tokenizer, _lower, stop = analyzer.items
    stops, minsize, maxsize = stop.stops, stop.min, stop.max
    counts = defaultdict(int)
    for found in tokenizer.expression.findall(value):
        word = found.lower()
        if len(word) >= minsize and (maxsize is None or len(word) <= maxsize) and word not in stops:
            counts[word] += 1
    return counts


def _fast(kwargs, value, analyzer):
    """The analyzer's shape when the fast path applies, else None."""
    if kwargs.get("mode") != "index" or not isinstance(value, str) or set(kwargs) - {"mode"}:
        return None
    return _shape(analyzer)


class FastCharacters(Characters):
    def word_values(self, value, analyzer, **kwargs):
        if _fast(kwargs, value, analyzer) != "dutch":
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for term, postings in dutch_postings(value, analyzer).items():
            yield term, len(postings), len(postings) * 1.0 * fb, self.encode(postings)


class FastPositions(Positions):
    def word_values(self, value, analyzer, **kwargs):
        if _fast(kwargs, value, analyzer) != "dutch":
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for term, postings in dutch_postings(value, analyzer).items():
            yield term, len(postings), len(postings) * 1.0 * fb, self.encode([p[0] for p in postings])


class FastFrequency(Frequency):
    def word_values(self, value, analyzer, **kwargs):
        if _fast(kwargs, value, analyzer) != "spelling":
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for word, freq in spelling_counts(value, analyzer).items():
            yield word, freq, freq * 1.0 * fb, pack_uint(freq)


def speed_up(field):
    """Give a TEXT field built by the backend's schema the one-pass format of the same kind."""
    for slow, fast in ((Characters, FastCharacters), (Positions, FastPositions), (Frequency, FastFrequency)):
        if type(field.format) is slow:
            replacement = fast.__new__(fast)
            replacement.__dict__.update(field.format.__dict__)
            field.format = replacement
            break
    return field


class _LengthsInMemory:
    """``doc_field_length`` of a new segment from lists read once per field.

    Writing the postings asks for the field length of the document of every posting (the
    scorer's block statistics); Whoosh answers each call by seeking in the lengths column, and
    that was an eighth of a bulk build. The values are the same bytes, decoded the same way."""

    def __init__(self, reader):
        self.reader = reader
        self.by_field = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.by_field.get(fieldname)
        if lengths is None:
            lengths = self.by_field[fieldname] = self._load(fieldname)
        return lengths[docnum] if docnum < len(lengths) else default

    def lengths(self, fieldname):
        """The field's length of every document (``doc_field_length(d, fieldname, 0)``)."""
        lengths = self.by_field.get(fieldname)
        if lengths is None:
            lengths = self.by_field[fieldname] = self._load(fieldname)
        count = self.reader.doc_count_all()
        return lengths + [0] * (count - len(lengths)) if len(lengths) < count else lengths

    def _load(self, fieldname):
        from whoosh.codec.whoosh3 import _lenfield, LENGTHS_COLUMN
        from whoosh.util.numeric import byte_to_length

        column = self.reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return []
        decoded = [None] + [byte_to_length(n) for n in range(1, 256)]  # 0: Whoosh returns None
        count = self.reader.doc_count_all()
        try:  # a one-byte-per-document column: read it at once
            raw = column._dbfile.get(column._basepos, min(column._count, count))
            if column._fixedlen != 1 or len(raw) != min(column._count, count):
                raise ValueError(column)
            return [decoded[b] for b in raw] + [None] * (count - len(raw))
        except (AttributeError, ValueError):
            return [decoded[column[docnum]] for docnum in range(count)]


def lengths_in_memory(searcher):
    """Serve a searcher's field lengths (read for every scored document) from memory."""
    from whoosh.codec.whoosh3 import W3PerDocReader

    for reader, _base in searcher.reader().leaf_readers():
        perdoc = getattr(reader, "_perdoc", None)
        if type(perdoc) is W3PerDocReader:
            perdoc.doc_field_length = _LengthsInMemory(perdoc).doc_field_length
    return searcher


class TermGroupedPool:
    """The postings of a bulk build grouped by (field, term) as they arrive.

    Whoosh's PostingPool keeps one tuple per posting, sorts all of them at commit (and, beyond
    ``limitmb``, pickles sorted runs to disk and merges them back one posting at a time): at
    10,000 lemmas, millions of tuple comparisons. Documents are added in increasing docnum
    order, so grouping by term leaves each group already in docnum order: only the distinct
    terms are sorted. The postings are the same and come out in the same order. A group holds
    (docnum, weight, value) per posting. Memory is what the PostingPool holds under its limit,
    for all postings: no spilling to disk (about 1 GB at 10,000 lemmas in one process)."""

    def __init__(self):
        self.groups = {}
        self.fieldnames = set()
        self.last_docnum = -1
        self.in_order = True

    def add(self, item):
        # item = (fieldname, tbytes, docnum, weight, vbytes), as Whoosh's writer passes it
        key = item[:2]
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = []
            self.fieldnames.add(item[0])
        group.append(item[2:])
        if item[2] < self.last_docnum:
            self.in_order = False  # e.g. a merged reader's postings: sort each group at the end
        self.last_docnum = item[2]

    def sorted_groups(self):
        """((fieldname, tbytes), [(docnum, weight, vbytes), ...]) in Whoosh's posting order."""
        groups = self.groups
        for key in sorted(groups):
            group = groups[key]
            yield key, (group if self.in_order else sorted(group))

    def iter_postings(self):
        for key, group in self.sorted_groups():
            for posting in group:
                yield key + posting

    items = iter_postings

    def cleanup(self):
        self.groups = {}


_ZERO_CHARS = ((0, 0, 0),)
_ZERO_POS = (0,)


def encode_characters(postings):
    """``Characters.encode(postings)``, the same bytes, without a Python loop per posting."""
    deltas = [(p - pp, s - pe, e - s) for (p, s, e), (pp, _ps, pe) in zip(postings, chain(_ZERO_CHARS, postings))]
    return pack_uint(len(deltas)) + dumps(deltas, 2)


def encode_positions(positions):
    """``Positions.encode(positions)``, the same bytes."""
    deltas = [p - pp for p, pp in zip(positions, chain(_ZERO_POS, positions))]
    return pack_uint(len(deltas)) + dumps(deltas, 2)


def _bulk_kind(field):
    """How ``add_document`` of a bulk writer indexes a field: "chars", "positions", "spelling"
    (the one-pass analysis straight into the pool) or None (the field's own ``index()``)."""
    kind = {FastCharacters: "chars", FastPositions: "positions", FastFrequency: "spelling"}.get(type(field.format))
    if kind is None or type(field).index is not TEXT.index:
        return None
    if _shape(field.analyzer) != ("spelling" if kind == "spelling" else "dutch"):
        return None
    return kind


def _bulk_add_document(writer, kinds, original):
    """``writer.add_document`` for a bulk build: the same postings, stored values and lengths as
    Whoosh's (``SegmentWriter.add_document``), the one-pass formats' postings put straight into
    the TermGroupedPool (no generators, tuples or method calls per term)."""
    schema = writer.schema
    pool = writer.pool
    groups = pool.groups
    fieldnames_seen = pool.fieldnames
    by_term = {name: {} for name in kinds}  # fieldname -> {term: its group in the pool}

    def new_group(fieldname, term):
        key = (fieldname, term.encode("utf-8"))
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
            fieldnames_seen.add(fieldname)
        by_term[fieldname][term] = group
        return group

    def add_document(**fields):
        if any(name[0] == "_" and not name.startswith("_stored_") for name in fields):
            return original(**fields)  # boosts: Whoosh's own code
        writer._check_state()
        perdocwriter = writer.perdocwriter
        docnum = writer.docnum
        if docnum < pool.last_docnum:
            pool.in_order = False
        pool.last_docnum = docnum
        fieldnames = sorted(name for name in fields if name[0] != "_")
        writer._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    kind = kinds.get(fieldname) if type(value) is str else None
                    fb = field.format.field_boost if kind else None
                    if kind == "chars" or kind == "positions":
                        chars = kind == "chars"
                        known = by_term[fieldname]
                        for term, postings in dutch_postings(value, field.analyzer).items():
                            freq = len(postings)
                            vbytes = encode_characters(postings) if chars else encode_positions([p[0] for p in postings])
                            group = known.get(term)
                            if group is None:
                                group = new_group(fieldname, term)
                            group.append((docnum, freq * 1.0 * fb, vbytes))
                            length += freq
                    elif kind == "spelling":
                        known = by_term[fieldname]
                        for word, freq in spelling_counts(value, field.analyzer).items():
                            group = known.get(word)
                            if group is None:
                                group = new_group(fieldname, word)
                            group.append((docnum, freq * 1.0 * fb, pack_uint(freq)))
                            length += freq
                    else:
                        scorable = field.scorable
                        for tbytes, freq, weight, vbytes in field.index(value):
                            if scorable:
                                length += freq
                            key = (fieldname, tbytes)
                            group = groups.get(key)
                            if group is None:
                                group = groups[key] = []
                                fieldnames_seen.add(fieldname)
                            group.append((docnum, weight * 1.0, vbytes))
                    if not field.scorable:
                        length = 0
                customval = fields.get("_stored_%s" % fieldname, value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        writer._added = True
        writer.docnum += 1

    return add_document


def _term_index_adder(tindex):
    """``tindex.add`` of an OrderedHashWriter (the terms file) with the file offset counted, not
    asked of the file twice per term: the same bytes, positions and hash buckets."""
    from whoosh.filedb.filetables import OrderedHashWriter, _lengths

    if type(tindex) is not OrderedHashWriter:
        return tindex.add
    dbfile = tindex.dbfile
    position = [dbfile.tell()]
    write, hashfn, buckets, index_append = dbfile.write, tindex.hashfn, tindex.buckets, tindex.index.append

    def add(key, value):
        if key <= tindex.lastkey:
            raise ValueError("Keys must increase: %r..%r" % (tindex.lastkey, key))
        pos = position[0]
        index_append(pos)
        data = _lengths.pack(len(key), len(value)) + key + value
        write(data)
        position[0] = pos + len(data)
        h = hashfn(key)
        buckets[h & 255].append((h, pos))
        tindex.lastkey = key

    return add


def write_postings(fieldwriter, schema, lengths, pool):
    """``fieldwriter.add_postings(schema, lengths, pool.iter_postings())``, a block at a time.

    Whoosh's loop makes several Python calls per posting (the field length, the postings
    writer's add with its type asserts) and, per block and term, a dozen more (block statistics,
    minifying, three writes, and a ``tell()`` of the postings file, a system call, at the start
    and end of every term). Here a term's postings are cut into blocks of the codec's size (128)
    and each block is encoded as ``W3PostingsWriter._write_block`` encodes it and written at
    once; the term info gets the same statistics. The same bytes (tested against Whoosh's
    writer)."""
    from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3PostingsWriter, W3TermInfo

    if type(fieldwriter) is not W3FieldWriter:
        return fieldwriter.add_postings(schema, lengths, pool.iter_postings())
    postfile = fieldwriter._postfile
    offset = postfile.tell()  # from here on every byte of the postings file is written below
    write = postfile.write
    tindex_add = _term_index_adder(fieldwriter._tindex)
    lastfn = None
    for (fieldname, btext), group in pool.sorted_groups():
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
            lens = lengths.lengths(fieldname) if lengths is not None else None
            pw = fieldwriter._postwriter
            if type(pw) is not W3PostingsWriter or pw._byteids or pw._inlinelimit > 1:
                raise NotImplementedError(type(pw))
            limit, comp = pw._blocklimit, pw._compression
            fixedsize = fieldwriter._format.fixed_value_size()
            fieldid = pack_ushort(fieldwriter._fieldid)
        docnums, weights, values = zip(*group)
        if min(docnums) < 0:  # Whoosh's spelling-word markers (docnum -1) are no postings
            group = [p for p in group if p[0] != -1]
            if not group:
                continue
            docnums, weights, values = zip(*group)
        terminfo = W3TermInfo()
        startoffset = offset
        write(WHOOSH3_HEADER_MAGIC)
        offset += len(WHOOSH3_HEADER_MAGIC)
        count = len(docnums)
        for start in range(0, count, limit):
            end = start + limit
            ids = docnums[start:end]
            ws = weights[start:end]
            warr = array("f", ws)
            maxweight = max(ws)
            if not maxweight > 0:
                maxweight = 0
            if lens is not None:
                found = [n for n in map(lens.__getitem__, ids) if n]
                minlength, maxlength = (min(found), max(found)) if found else (None, 0)
            else:
                minlength, maxlength = None, 0
            # W3TermInfo.add_block
            terminfo._weight += sum(warr)
            terminfo._df += len(ids)
            if terminfo._minlength is None:
                terminfo._minlength = minlength
            else:
                terminfo._minlength = min(terminfo._minlength, minlength)
            terminfo._maxlength = max(terminfo._maxlength, maxlength)
            terminfo._maxweight = max(terminfo._maxweight, maxweight)
            if terminfo._minid is None:
                terminfo._minid = ids[0]
            terminfo._maxid = ids[-1]
            # W3PostingsWriter._write_block: _mini_ids, _mini_weights, _mini_values
            mini_ids = tuple([b - a for a, b in zip(chain((0,), ids), ids)])
            if all(w == 1.0 for w in warr):
                mini_weights = None
            elif all(w == warr[0] for w in warr):
                mini_weights = warr[0]
            else:
                mini_weights = tuple(warr)
            vs = [v for v in values[start:end] if v]
            if fixedsize is None or fixedsize < 0:
                mini_values = tuple(vs)
            elif fixedsize == 0:
                mini_values = None
            else:
                mini_values = emptybytes.join(vs)
            databytes = compat_dumps((mini_ids, mini_weights, mini_values), 2)
            if comp:
                databytes = zlib.compress(databytes, comp)
            infobytes = compat_dumps((len(ids), ids[-1], maxweight, comp,
                                      length_to_byte(minlength), length_to_byte(maxlength)), 2)
            blocklength = len(infobytes) + len(databytes)
            block = pack_int(-blocklength if end >= count else blocklength) + infobytes + databytes
            write(block)
            offset += len(block)
        terminfo.set_extent(startoffset, offset - startoffset)
        tindex_add(fieldid + btext, terminfo.to_bytes())
    if lastfn is not None:
        fieldwriter.finish_field()


def bulk_writer(writer):
    """A SegmentWriter for a whole-index build: postings grouped by term (``TermGroupedPool``),
    put there by the one-pass analysis (``_bulk_add_document``), and written a block at a time
    (``write_postings``) with the new segment's field lengths read into memory at commit
    (``_LengthsInMemory``)."""
    from whoosh.writing import SegmentWriter

    if type(writer) is not SegmentWriter or not writer.codec.length_stats:
        return writer
    writer.pool.cleanup()
    writer.pool = TermGroupedPool()
    if not any(field.separate_spelling() or field.vector for _name, field in writer.schema.items()):
        kinds = {name: _bulk_kind(field) for name, field in writer.schema.items()}
        writer.add_document = _bulk_add_document(writer, kinds, writer.add_document)

    def _flush_segment():
        writer.perdocwriter.close()
        pdr = writer.per_document_reader()
        try:
            write_postings(writer.fieldwriter, writer.schema, _LengthsInMemory(pdr), writer.pool)
            writer.fieldwriter.close()
        finally:
            pdr.close()

    writer._flush_segment = _flush_segment
    return writer
