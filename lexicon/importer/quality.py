"""Quality figures for the import: words in and out, unknown-word rates, leftover artefacts.

Used by ``manage.py lexicon_quality`` and by the tests that guard the committed fixture.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from lexicon.importer import diacritics, residue
from lexicon.importer.hyphenation import LETTER, SUSPENDED_NEXT
from lexicon.importer.lines import Stats
from lexicon.importer.pages import HEADER_RE

WORD_RE = re.compile(rf"[{LETTER}]+(?:-[{LETTER}]+)*")
HEADER_FRAGMENT_RE = re.compile(r"pagina \d+ van 206|Lexicon nabijheid en sociaal werk pagina", re.I)
_SUSPENDED = "|".join(sorted(SUSPENDED_NEXT))
# a hyphen left at a line end, or a hyphen + space inside a word ('ver- schrikkelijk'); a suspended
# compound ('buurt- en wijkwerk') is fine
LINE_END_HYPHEN_RE = re.compile(rf"[{LETTER}]-[ \t]*\n[ \t]*[a-zà-ÿ]|[a-zà-ÿ]{{2}}- (?!(?:{_SUSPENDED})\b)[a-zà-ÿ]{{3,}}")
STRAY_RE = re.compile(r"¢|®|^\s*\[\s*$|^\s*[*•]\s*$", re.M)


# English terms the lemmas use as such (reviewed from the unknown-word list); not errors.
ENGLISH = set("""
and the of to in for with by that this is it be are as on at from or not we you they their our its
one first what where through about use people place right wins life serious health public social
work practice evidence based boundary wicked problems problem bridging bonding linking empowerment
civil society human capital theory forms creation strength weak ties making democracy alone
attractive verbal successful assets development community neighborhood organizing organization
organizer gangs medicine decisions values wellbeing individual voluntary shadow knowledge learning
patients circumstances accordance transformational challenge food turtle raise child give oneself
surveys survey caseload something churches pentecostal immigration ineligible spend case
evidence-based practice-based case-based evidence-informed one-on-ones t-shaped capital
""".split())


def classify_unknown(word):
    """'name', 'acronym', 'english' or 'other' (what is left to look at)."""
    if word.casefold() in ENGLISH or all(p.casefold() in ENGLISH for p in word.split("-")):
        return "english"
    if word.isupper() or sum(c.isupper() for c in word) >= 2:
        return "acronym"
    if word[:1].isupper():
        return "name"
    return "other"


def plain(markdown_text):
    text = re.sub(r"\[\^\d+\]:?", " ", markdown_text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    return re.sub(r"[#*_>`|\[\]]", " ", text)


def words(text):
    # a suspended compound part ('gezondheids- en') is not a word on its own
    return [m.group(0) for m in WORD_RE.finditer(text) if text[m.end():m.end() + 2] != "- "]


def unknown_words(text, wordlist):
    """Words the Dutch word list does not know (capitalised words are checked too)."""
    out = []
    for w in words(text):
        if len(w) < 2 or wordlist.known(w):
            continue
        out.append(w)
    return out


@dataclass
class Report:
    name: str
    source_words: int
    imported_words: int
    unknown_before: int
    unknown_after: int
    hyphen_candidates: int
    header_fragments: int
    e_acute_suspects: list = field(default_factory=list)
    stray: int = 0
    unknown_list: Counter = field(default_factory=Counter)
    residue: Counter = field(default_factory=Counter)  # lexicon.importer.residue.find

    @property
    def residue_count(self):
        return sum(self.residue.values())

    @property
    def rate_before(self):
        return self.unknown_before / self.source_words if self.source_words else 0.0

    @property
    def other_unknown(self):
        return sum(n for w, n in self.unknown_list.items() if classify_unknown(w) == "other")

    @property
    def rate_after_other(self):
        """Unknown-word rate with names, acronyms and English terms set aside."""
        return self.other_unknown / self.imported_words if self.imported_words else 0.0

    @property
    def rate_after(self):
        return self.unknown_after / self.imported_words if self.imported_words else 0.0


def measure(name, source_text, markdown_text, wordlist):
    src = "\n".join(ln for ln in source_text.split("\n") if not HEADER_RE.match(ln))
    src_words = words(source_text)
    out_plain = plain(markdown_text)
    out_words = words(out_plain)
    unknown_after = unknown_words(out_plain, wordlist)
    return Report(
        name=name,
        source_words=len(src_words),
        imported_words=len(out_words),
        unknown_before=len(unknown_words(src, wordlist)),
        unknown_after=len(unknown_after),
        hyphen_candidates=len(LINE_END_HYPHEN_RE.findall(markdown_text)),
        header_fragments=len(HEADER_FRAGMENT_RE.findall(markdown_text)),
        e_acute_suspects=diacritics.e_acute_suspects(out_plain, wordlist),
        stray=len(STRAY_RE.findall(markdown_text)),
        unknown_list=Counter(unknown_after),
        residue=residue.find(markdown_text, wordlist),
    )


def total(reports):
    t = Report("Totaal", 0, 0, 0, 0, 0, 0)
    for r in reports:
        t.source_words += r.source_words
        t.imported_words += r.imported_words
        t.unknown_before += r.unknown_before
        t.unknown_after += r.unknown_after
        t.hyphen_candidates += r.hyphen_candidates
        t.header_fragments += r.header_fragments
        t.e_acute_suspects += r.e_acute_suspects
        t.stray += r.stray
        t.unknown_list.update(r.unknown_list)
        t.residue.update(r.residue)
    return t


def replacements_summary(stats: Stats):
    return sorted(stats.replacements.items())


@dataclass
class LiteratureReport:
    works: int
    incomplete: int
    citations: int
    lemmas_with_works: int
    lemmas_all_incomplete: list


def literature_report():
    """How many cited works (from the database) still lack a title or a place to find them."""
    from django.db.models import Count, Q

    from lexicon.literature.models import INCOMPLETE_Q, Citation, Work

    per_lemma = (Citation.objects.values("lemma__slug").annotate(
        total=Count("pk"), incomplete=Count("pk", filter=Q(work__in=Work.objects.filter(INCOMPLETE_Q)))))
    return LiteratureReport(
        works=Work.objects.count(),
        incomplete=Work.objects.incomplete().count(),
        citations=sum(Citation.objects.values_list("times", flat=True)),
        lemmas_with_works=len(per_lemma),
        lemmas_all_incomplete=sorted(r["lemma__slug"] for r in per_lemma if r["total"] == r["incomplete"]),
    )
