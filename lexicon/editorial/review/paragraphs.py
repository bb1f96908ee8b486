"""A Markdown body as paragraphs a reviewer can point at: blank-line separated blocks (a fenced code
block stays one block), each with its index and the heading above it."""
import re
from dataclasses import dataclass

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Paragraph:
    index: int
    heading: str  # the nearest heading above (or this block's own text when it is a heading)
    text: str

    @property
    def is_heading(self):
        return bool(_HEADING.match(self.text))

    @property
    def excerpt(self):
        words = " ".join(self.text.split())
        return words if len(words) <= 80 else words[:79].rstrip() + "…"


def _blocks(body):
    blocks, current, fenced = [], [], False
    for line in (body or "").replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line.strip()):
            fenced = not fenced
        if not fenced and not line.strip():
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def split(body):
    paragraphs, heading = [], ""
    for index, block in enumerate(_blocks(body)):
        match = _HEADING.match(block.strip().split("\n", 1)[0])
        if match:
            heading = match.group(1)
        paragraphs.append(Paragraph(index, heading, block))
    return paragraphs
