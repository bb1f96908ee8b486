"""The cited works of one lemma, from its Markdown body (pure text, no database).

In-text citations (lexicon.literature.parsing.find) are read per paragraph of plain text, with the
sentence that carries each one. A lemma whose body ends in a '## Literatuur' list (only
Ervaringsdeskundigheid in the book) has that list parsed into full entries; an 'et al.' citation
is matched to the entry with all its authors. The result is one list of works per lemma; works with
the same authors and year are one Work, shared by the lemmas that cite it.

Used by the import pipeline (lexicon.importer.citations) and on every save of a lemma (sync.py).
"""
import re
from dataclasses import dataclass, field

from lexicon.literature import parsing

REFERENCE_HEADINGS = {"literatuur", "literatuurlijst", "bronnen", "referenties"}


@dataclass
class CitedWork:
    key: str
    names: list
    et_al: bool
    year: str
    authors: str = ""             # full author list when a reference entry gave it
    title: str = ""
    publisher: str = ""
    url: str = ""
    doi: str = ""
    note: str = ""
    sentences: list = field(default_factory=list)
    times: int = 0
    in_reference_list: bool = False

    @property
    def cited_as(self):
        return parsing.author_label(self.names, self.et_al)


def plain(paragraph):
    """Markdown of one paragraph -> the text a reader sees (links, emphasis, footnote marks gone)."""
    text = re.sub(r"\[\^[^\]]+\]:?", "", paragraph)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[\[([^\]|]*\|)?([^\]]*)\]\]", r"\2", text)
    text = re.sub(r"(\*\*|__|\*|_(?=\w)|(?<=\w)_)", "", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.|>|#+)\s+", "", text)
    return " ".join(text.split())


def split_reference_list(body):
    """(text without the reference list, [entry lines]) for a body ending in '## Literatuur'."""
    for m in re.finditer(r"^##\s+(.+?)\s*$", body, re.M):
        if m.group(1).strip().casefold() in REFERENCE_HEADINGS:
            after = body[m.end():]
            nxt = re.search(r"^##\s", after, re.M)
            section = after[:nxt.start()] if nxt else after
            entries = [ln.strip()[2:] for ln in section.splitlines() if re.match(r"\s*[-*+]\s", ln)]
            return body[:m.start()] + (after[nxt.start():] if nxt else ""), entries
    return body, []


def extract(body):
    """The works one lemma cites, in order of first appearance (reference-only entries last)."""
    text, entries = split_reference_list(body)
    works = {}
    for paragraph in re.split(r"\n\s*\n", text):
        if paragraph.lstrip().startswith("#"):
            continue
        line = plain(paragraph)
        bounds = parsing.sentence_bounds(line)
        for cited in parsing.find(line):
            work = works.setdefault(cited.key, CitedWork(cited.key, cited.names, cited.et_al, cited.year))
            work.times += 1
            sentence = parsing.sentence_at(line, cited.start, bounds)
            if sentence not in work.sentences:
                work.sentences.append(sentence)
    references = [r for r in (parsing.parse_reference(e) for e in entries) if r]
    return merge(list(works.values()), references)


def merge(works, references):
    """Fold each reference entry into the citation(s) it completes; uncited entries are kept."""
    out = list(works)
    for ref in references:
        hits = [w for w in out if parsing.matches(w.names, w.et_al, w.year, ref.names, ref.year)]
        if not hits:
            hits = [CitedWork(ref.key, ref.names, False, ref.year)]
            out.append(hits[0])
        target = hits[0]
        for other in hits[1:]:  # 'Van Hoorn et al.' and 'Van Hoorn, Keuzenkamp en Van der Meulen'
            target.sentences += [s for s in other.sentences if s not in target.sentences]
            target.times += other.times
            out.remove(other)
        target.names = ref.names  # the text may keep citing it as 'Van Hoorn et al.' (et_al stays)
        target.key = parsing.work_key(ref.names, False, ref.year)
        target.authors, target.title, target.publisher = ref.authors, ref.title, ref.publisher
        target.url, target.doi, target.in_reference_list = ref.url, ref.doi, True
        target.note = "; ".join(ref.notes)
    return out
