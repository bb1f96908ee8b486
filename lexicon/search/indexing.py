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
from collections import defaultdict

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.formats import Characters, Frequency, Positions
from whoosh.system import pack_uint

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
    terms are sorted. The postings are the same and come out in the same order. Memory is what
    the PostingPool holds under its limit, for all postings: no spilling to disk (about 1 GB
    at 10,000 lemmas)."""

    def __init__(self):
        self.groups = {}
        self.fieldnames = set()
        self.last_docnum = -1
        self.in_order = True

    def add(self, item):
        # item = (fieldname, tbytes, docnum, weight, vbytes), kept as it is (one append)
        key = item[:2]
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = [item]
            self.fieldnames.add(item[0])
        else:
            group.append(item)
        if item[2] < self.last_docnum:
            self.in_order = False  # e.g. a merged reader's postings: sort each group at the end
        self.last_docnum = item[2]

    def iter_postings(self):
        groups = self.groups
        for key in sorted(groups):
            group = groups[key]
            yield from (group if self.in_order else sorted(group))

    items = iter_postings

    def cleanup(self):
        self.groups = {}


def bulk_writer(writer):
    """A SegmentWriter for a whole-index build: postings grouped by term (``TermGroupedPool``)
    and its new segment's field lengths read into memory at commit (``_LengthsInMemory``)."""
    from whoosh.writing import SegmentWriter

    if type(writer) is not SegmentWriter or not writer.codec.length_stats:
        return writer
    writer.pool.cleanup()
    writer.pool = TermGroupedPool()

    def _flush_segment():
        writer.perdocwriter.close()
        pdr = writer.per_document_reader()
        try:
            writer.fieldwriter.add_postings(writer.schema, _LengthsInMemory(pdr), writer.pool.iter_postings())
            writer.fieldwriter.close()
        finally:
            pdr.close()

    writer._flush_segment = _flush_segment
    return writer
