"""The editors' table of contents (lexicon-toc.tsv): order, title, subtitle, authors, cluster, lines."""
import csv
from dataclasses import dataclass, field

from lexicon.importer.errors import ImportFailed
from lexicon.importer.sourcefile import read_lines

CLUSTERS = [
    # slug, name, order
    ("sociaal", "Sociale nabijheid", 1),
    ("geografisch", "Geografische nabijheid", 2),
    ("professioneel", "Professionele nabijheid", 3),
    ("institutioneel", "Institutionele nabijheid", 4),
]
CLUSTER_SLUGS = {slug for slug, _, _ in CLUSTERS}
REQUIRED_COLUMNS = ["order", "title", "subtitle", "authors", "cluster", "start_line", "end_line"]


@dataclass
class TocEntry:
    order: int
    title: str
    subtitle: str
    authors: list = field(default_factory=list)
    cluster: str = ""
    start_line: int = 0
    end_line: int = 0
    tsv_line: int = 0


def read_toc(path):
    lines = read_lines(path)
    rows = list(csv.reader([ln for ln in lines], delimiter="\t"))
    header = rows[0]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportFailed(path, 1, f"kolommen ontbreken in de kop: {', '.join(missing)}")
    col = {name: header.index(name) for name in header}
    entries = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))

        def get(name):
            return row[col[name]].strip()

        cluster = get("cluster")
        if cluster not in CLUSTER_SLUGS:
            raise ImportFailed(
                path, lineno, f"onbekend cluster {cluster!r} (verwacht: {', '.join(sorted(CLUSTER_SLUGS))})"
            )
        try:
            order, start, end = int(get("order")), int(get("start_line")), int(get("end_line"))
        except ValueError:
            raise ImportFailed(path, lineno, "order, start_line en end_line moeten gehele getallen zijn") from None
        if not get("title"):
            raise ImportFailed(path, lineno, "titel ontbreekt")
        if start > end:
            raise ImportFailed(path, lineno, f"start_line {start} ligt na end_line {end}")
        entries.append(TocEntry(
            order=order, title=get("title"), subtitle=get("subtitle"),
            authors=[a.strip() for a in get("authors").split(";") if a.strip()],
            cluster=cluster, start_line=start, end_line=end, tsv_line=lineno,
        ))
    if not entries:
        raise ImportFailed(path, None, "de inhoudsopgave bevat geen lemma's")
    seen = {}
    for e in entries:
        if e.order in seen:
            raise ImportFailed(path, e.tsv_line, f"volgnummer {e.order} komt twee keer voor")
        seen[e.order] = e
    return sorted(entries, key=lambda e: e.order)
