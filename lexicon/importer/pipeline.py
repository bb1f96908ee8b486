"""The import pipeline: seed text + TOC -> clean records (clusters, authors, lemmas, pages, refs).

Steps, each a small function in its own module:
  sourcefile.read_lines, toc.read_toc          strict reading, clear errors
  repairs.apply_line_fixes, pages.apply_regions  reviewed line-anchored fixes and figure regions
  pages.strip_furniture                          headers/footers, side labels, page markers, junk
  sections.split                                 by the TOC, titles over several lines
  structure.build_markdown                       footnotes, paragraphs, headings, lists, quotes
    (hyphenation.join_lines, diacritics.repair, quotes.normalise per paragraph: structure.Cleaner)
  crossrefs.find                                 'zie ook het lemma …' -> links + rows
  citations.attach                               '(Bregman, 2019)' -> the cited works per lemma
"""
import re
from dataclasses import dataclass, field

from django.utils.text import slugify

from . import (
    alternative_terms, citations, crossrefs, diacritics, editors, frontmatter, pages, repairs, residue, sections,
    structure,
)
from .errors import ImportFailed
from .lines import Stats, make_lines
from .sourcefile import read_lines
from .toc import CLUSTERS, read_toc
from .wordlist import load as load_wordlist

CLUSTER_DESCRIPTIONS = {
    "sociaal": "Nabijheid tussen mensen en groepen: relaties, vertrouwen en gelijkgestemdheid. "
               "Wat betekent het voor het samenleven dat steeds meer buren een verschillende sociale achtergrond hebben?",
    "geografisch": "Fysieke nabijheid in wijken, buurten en dorpen. De kwantiteit en kwaliteit van "
                   "ontmoetingsruimten en de leefomgeving zijn van grote invloed op de onderlinge interacties van bewoners.",
    "professioneel": "Nabijheid in het werk van sociaal werkers: de relatie tussen professionals en bewoners, "
                     "en de nabijheid tussen professionals onderling.",
    "institutioneel": "Organisatorische of institutionele nabijheid: domeinen zoals zorg, welzijn en veiligheid "
                      "die hun werelden dichter bij elkaar willen brengen.",
}


@dataclass
class LemmaRecord:
    order: int
    title: str
    slug: str
    subtitle: str
    cluster: str
    authors: list
    lead: str
    body: str
    source_text: str = ""        # the seed lines of this lemma, for the quality report
    works: list = field(default_factory=list)  # citations.CitedWork, in order of first citation


@dataclass
class ImportResult:
    clusters: list
    lemmas: list
    pages: list                  # dicts: slug, title, author_line, body, order
    references: list             # (source slug, target slug, kind, note)
    authors: dict                # name -> {"bio": str}
    stats: Stats = field(default_factory=Stats)


def clean_name(name, wordlist):
    return diacritics.repair(name, wordlist)


def run(seed_path, toc_path, wordlist=None):
    wordlist = wordlist or load_wordlist()
    stats = Stats()
    toc = read_toc(toc_path)
    raw = read_lines(seed_path)
    while raw and not raw[-1].strip():
        raw.pop()
    lines = make_lines(raw)
    source_by_no = {ln.no: ln.text for ln in lines}

    repairs.apply_line_fixes(lines, stats)
    lines = pages.apply_regions(lines, stats)
    lines = pages.strip_furniture(lines, stats)
    front, lemma_sections = sections.split(lines, toc, seed_path, toc_path)
    cleaner = structure.Cleaner(wordlist, "\n".join(raw), stats)

    titles = [e.title for e in toc]
    slug_of = {e.title: slugify(e.title) for e in toc}
    if len(set(slug_of.values())) != len(slug_of):
        raise ImportFailed(toc_path, None, "twee titels geven dezelfde slug")
    lemmas, references = [], []
    for sec in lemma_sections:
        stats.section = slug_of[sec.entry.title]
        lemma, refs = lemma_record(sec, cleaner, titles, slug_of, source_by_no, stats)
        lemmas.append(lemma)
        references += refs

    stats.section = "voorwerk"
    page_records, book_editors = build_pages(front, cleaner, titles, stats)
    stats.section = None
    ranges = [(1, min(e.start_line for e in toc) - 1, "voorwerk")] + [
        (e.start_line, e.end_line, slug_of[e.title]) for e in toc]
    stats.attribute_lines(ranges)
    authors = {}
    for lemma in lemmas:
        for name in lemma.authors:
            authors.setdefault(name, {"bio": "", "is_editor": False})
    editors.mark(authors, book_editors)  # the colofon's names, tied to authors in fixtures/editors.tsv
    clusters = [
        {"slug": slug, "name": name, "order": order, "description": CLUSTER_DESCRIPTIONS[slug]}
        for slug, name, order in CLUSTERS
    ]
    alternative_terms.attach(lemmas)  # reviewed equivalents and English terms, each with its sentence
    citations.attach(lemmas)          # the works each lemma cites (and its own reference list)
    return ImportResult(clusters, lemmas, page_records, unique_references(references), authors, stats)


def lemma_record(sec, cleaner, titles, slug_of, source_by_no, stats):
    """One lemma's section -> (LemmaRecord, its cross-references as (source, target, kind, note))."""
    e = sec.entry
    body, lead = structure.build_markdown(sec.lines, cleaner, stats)
    # Residue only the whole lemma shows ('Kl' where the lemma writes 'KI'), lead and body alike.
    lead = residue.repair(lead, cleaner.wordlist, None, context=body)
    body = residue.repair(body, cleaner.wordlist, stats)
    refs, body = crossrefs.find(body, titles, self_title=e.title)
    lead = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", lead)
    references = []
    for r in refs:
        references.append((slug_of[e.title], slug_of[r.target_title], r.kind, f"‘{r.phrase}’ in de tekst"))
        stats.count(f"crossref-{r.kind}")
    first_no = sec.lines[0].no if sec.lines else e.start_line
    last_no = max((ln.no for ln in sec.lines), default=e.end_line)
    src = "\n".join(source_by_no.get(n, "") for n in range(e.start_line, max(last_no, first_no) + 1))
    record = LemmaRecord(
        order=e.order, title=e.title, slug=slug_of[e.title], subtitle=e.subtitle, cluster=e.cluster,
        authors=list(e.authors), lead=lead, body=body, source_text=src,
    )
    return record, references


def unique_references(references):
    """A reference may be found twice in one lemma: keep one row per (source, target, kind)."""
    seen, unique = set(), []
    for ref in references:
        if ref[:3] not in seen:
            seen.add(ref[:3])
            unique.append(ref)
    return unique


def build_pages(front, cleaner, titles, stats):
    """(page records, the editors' names as the colofon gives them)."""
    parts = frontmatter.split_front(front)
    if parts is None:
        return [], []
    foreword = frontmatter.foreword_markdown(parts["foreword"], parts["foreword_author"], cleaner)
    intro, _ = structure.build_markdown(parts["intro"], cleaner, stats)
    _, intro = crossrefs.find(intro, titles)
    editors_text = cleaner.text([parts["editors_text"]]) if parts["editors_text"] else ""
    book_editors = frontmatter.parse_editors(editors_text)
    support = ""
    m = re.search(r"ondersteund vanuit (de [^,]+?, [^,]+? en de [^,]+?),", intro)
    if m:
        support = f"Het lexicon kwam tot stand met ondersteuning vanuit {m.group(1)}."
    return [
        {"slug": "voorwoord", "title": parts["foreword_title"], "author_line": parts["foreword_author"],
         "body": foreword, "order": 1},
        {"slug": "inleiding", "title": "Inleiding – over nabijheid", "author_line": "De redactie",
         "body": intro, "order": 2},
        {"slug": "colofon", "title": "Colofon", "author_line": "",
         "body": frontmatter.colophon_markdown(book_editors, support), "order": 3},
    ], book_editors
