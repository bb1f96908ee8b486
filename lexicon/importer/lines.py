"""The unit the pipeline works on: one seed line with its original number and page flags."""
from collections import Counter
from dataclasses import dataclass


@dataclass
class Line:
    no: int                  # line number in the seed (1-based); 0 for inserted lines
    text: str
    page_start: bool = False  # first line of a printed page (the seed marks it with one leading space)
    verbatim: bool = False    # reviewed Markdown from repairs.REGIONS: no further cleaning

    @property
    def blank(self):
        return not self.text.strip()


class Stats:
    """Replacements made, by kind (for lexicon_quality and the tests)."""

    def __init__(self):
        self.replacements = Counter()
        self.section = None          # slug of the lemma/page being cleaned
        self.by_section = {}         # slug -> Counter of replacements
        self.line_events = []        # (seed line, kind, n): attributed to sections afterwards
        self.pages = set()
        self.side_labels = []
        self.notes = []

    def count(self, kind, n=1, line=None):
        if not n:
            return
        self.replacements[kind] += n
        if line is not None:
            self.line_events.append((line, kind, n))
        elif self.section is not None:
            self.by_section.setdefault(self.section, Counter())[kind] += n

    def attribute_lines(self, ranges):
        """ranges: [(first line, last line, slug)] -> line-level events counted per section."""
        for line, kind, n in self.line_events:
            for first, last, slug in ranges:
                if first <= line <= last:
                    self.by_section.setdefault(slug, Counter())[kind] += n
                    break


def make_lines(raw_lines):
    return [Line(no=i, text=t) for i, t in enumerate(raw_lines, start=1)]
