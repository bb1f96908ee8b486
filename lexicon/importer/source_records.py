"""What a parser of a related text ("Bron") produces: a ParsedSource with its ParsedSections.

Kept apart from the registry (``sources``) and the parsers (``sources_*``), which all use it,
so that no parser imports the registry that imports it.
"""
from dataclasses import dataclass, field

from lexicon.content.rendering import heading_anchor


@dataclass
class ParsedSection:
    title: str
    body: str
    anchor: str = ""


@dataclass
class ParsedSource:
    slug: str
    title: str
    authors: str
    year: int | None
    publisher: str
    description: str
    order: int
    sections: list = field(default_factory=list)

    def finish(self):
        """Give every section a unique anchor (slugified title) and drop empty sections."""
        seen = set()
        self.sections = [s for s in self.sections if s.body.strip() or s.title]
        for section in self.sections:
            base = heading_anchor(section.title)[:180]
            anchor, n = base, 2
            while anchor in seen:
                anchor, n = f"{base}-{n}", n + 1
            seen.add(anchor)
            section.anchor = anchor
            section.body = section.body.strip() + "\n"
        return self


def sections_from_blocks(blocks, first_title):
    """Markdown blocks with '## ' headings -> sections (text before the first heading gets first_title)."""
    sections = [ParsedSection(first_title, "")]
    for block in blocks:
        if block.startswith("## "):
            sections.append(ParsedSection(block[3:].strip(), ""))
        else:
            sections[-1].body += block + "\n\n"
    if not sections[0].body.strip():
        sections.pop(0)
    return sections
