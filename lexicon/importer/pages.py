"""Page furniture: running headers/footers, side labels, page-start markers and page-top junk.

The seed has no page breaks left. What remains of them: a header/footer line
('Lexicon nabijheid en sociaal werk pagina 21 van 206'), blank lines and sometimes a side label
(the cluster adjective) after it, and one leading space on the first line of a page.
"""
import re

from lexicon.importer.lines import Line
from lexicon.importer.repairs import REGIONS, region_matches

HEADER_RE = re.compile(
    r"^\s*(?:Lexicon nabijheid en sociaal werk\s+)?pagina\s+(\d+)\s+van\s+\d+(?:\s+Lexicon nabijheid en sociaal werk)?\s*$"
)
SIDE_LABELS = {"sociaal", "geografisch", "professioneel", "institutioneel"}
# Stray lines at the top of a page: OCR residue of ornaments (only when marked as page start).
JUNK_AT_PAGE_TOP = {"[", "sl"}


def is_header(text):
    return HEADER_RE.match(text) is not None


def apply_regions(lines, stats, regions=REGIONS):
    """Replace the reviewed figure/table regions by their Markdown (as verbatim lines)."""
    by_no = {ln.no: ln for ln in lines}
    todo = {r.first: r for r in regions if region_matches(r, by_no)}
    out, skip_until = [], 0
    for ln in lines:
        if ln.no <= skip_until:
            continue
        region = todo.get(ln.no)
        if region is None:
            out.append(ln)
            continue
        out.append(Line(ln.no, ""))
        for md_line in region.markdown.split("\n"):
            out.append(Line(ln.no, md_line, verbatim=True))
        out.append(Line(region.last, ""))
        skip_until = region.last
        stats.count(region.kind, line=region.first)
    return out


def strip_furniture(lines, stats):
    """Drop headers/footers (+ the blanks and side label after them) and page-top junk;
    turn the leading-space page marker into a flag."""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = None if ln.verbatim else HEADER_RE.match(ln.text)
        if m:
            stats.pages.add(int(m.group(1)))
            stats.count("page-header", line=ln.no)
            j = i + 1
            # the blanks after a header, and a side label within the next lines
            while j < len(lines) and j <= i + 6:
                t = lines[j].text.strip()
                if not t:
                    j += 1
                    continue
                if t in SIDE_LABELS:
                    stats.side_labels.append((lines[j].no, t))
                    stats.count("side-label", line=lines[j].no)
                    j += 1
                    # and the blanks after the label
                    while j < len(lines) and lines[j].blank:
                        j += 1
                break
            # a header sits between two parts of the same text: drop the blank before it too,
            # so that a sentence or a hyphenated word continues across the page break
            while out and out[-1].blank and not out[-1].verbatim:
                out.pop()
            if j < len(lines):
                lines[j].page_start = True
            i = j
            continue
        if not ln.verbatim and ln.text.startswith(" ") and ln.text.strip():
            ln.page_start = True
            ln.text = ln.text.strip()
            if ln.text in JUNK_AT_PAGE_TOP:
                stats.count("junk-line", line=ln.no)
                if i + 1 < len(lines):
                    lines[i + 1].page_start = True
                i += 1
                continue
        ln.text = ln.text.rstrip()
        out.append(ln)
        i += 1
    return out
