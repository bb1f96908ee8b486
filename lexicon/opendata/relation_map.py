"""Server-side layout of the relation map: lemmas as a network, coloured by cluster, edges from
cross-references. Deterministic (same data -> same SVG), no JavaScript needed.

* ``lexicon_map()``: every published lemma on a circle, one sector per cluster in book order,
  cross-references as chords bent towards the centre; labels radial, outside the circle.
* ``neighbourhood_map(lemma)``: the lemma and the lemmas it links to or is linked from, as a fan
  (the lemma on the left, neighbours stacked on the right) so labels stay readable on a phone.

The template (templates/includes/relation_map.html) draws what these return; colours come from
CSS classes ``cluster-<slug>`` (variables in static/css/site.css).

Hand-written, not a graph library: two fixed geometric layouts in ~100 lines need none of
networkx's force layouts (a large dependency whose output would also change between runs).
"""
import math
from dataclasses import dataclass, field


from lexicon.content.models import Cluster, CrossReference, Lemma

LABEL_CHARS = 30


def _label(title, limit=LABEL_CHARS):
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _r(value):
    return round(value, 1)


@dataclass
class Node:
    lemma: Lemma
    x: float = 0.0
    y: float = 0.0
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    rotate: float = 0.0
    current: bool = False

    @property
    def label(self):
        return _label(self.lemma.title)

    @property
    def cluster(self):
        return self.lemma.cluster


@dataclass
class Edge:
    source: Node
    target: Node
    path: str
    direction: str = "out"  # neighbourhood: "out", "in" or "both"; whole map: "out"


@dataclass
class RelationMap:
    kind: str  # "lexicon" or "neighbourhood"
    nodes: list
    edges: list
    view_box: str
    width: int
    height: int
    clusters: list = field(default_factory=list)
    relations: list = field(default_factory=list)  # (source lemma, target lemma, kind label) for the text list
    center: Node = None

    @property
    def is_empty(self):
        return not self.edges


def _relations(refs):
    """Distinct (source, target) pairs in book order, with the kinds as text."""
    pairs = {}
    for ref in refs:
        pairs.setdefault((ref.source, ref.target), []).append(ref.get_kind_display())
    return [(s, t, ", ".join(kinds)) for (s, t), kinds in
            sorted(pairs.items(), key=lambda item: (item[0][0].order, item[0][1].order, item[0][0].pk, item[0][1].pk))]


def _clusters_of(nodes):
    seen = {}
    for node in nodes:
        seen.setdefault(node.cluster.pk, node.cluster)
    return sorted(seen.values(), key=lambda c: (c.order, c.name))


# Beyond this many lemmas a circle of labels is unreadable and the page heavy (10,000 lemmas
# made the home page 16 MB); the A–Z list and the per-lemma maps take over.
MAX_LEXICON_MAP_NODES = 150


def lexicon_map(radius=260):
    """The whole lexicon as a circle, or None when it has grown too large to draw."""
    if Lemma.objects.published().count() > MAX_LEXICON_MAP_NODES:
        return None
    lemmas = list(Lemma.objects.published().select_related("cluster").order_by("cluster__order", "cluster__name", "order", "title"))
    clusters = list(Cluster.objects.all())
    refs = list(
        CrossReference.objects.between_published()
        .select_related("source__cluster", "target__cluster")
    )
    # One empty slot between clusters makes the sectors visible.
    groups = [[lemma for lemma in lemmas if lemma.cluster_id == c.pk] for c in clusters]
    groups = [g for g in groups if g]
    slots = len(lemmas) + len(groups)
    nodes, by_pk, slot = [], {}, 0
    for group in groups:
        slot += 0.5
        for lemma in group:
            angle = -math.pi / 2 + 2 * math.pi * slot / max(slots, 1)
            cos, sin = math.cos(angle), math.sin(angle)
            degrees = math.degrees(angle)
            left = cos < -1e-9
            node = Node(
                lemma,
                x=_r(radius * cos), y=_r(radius * sin),
                label_x=_r((radius + 12) * cos), label_y=_r((radius + 12) * sin),
                anchor="end" if left else "start",
                # Radial labels, never upside down.
                rotate=_r(degrees + 180 if left else degrees),
            )
            nodes.append(node)
            by_pk[lemma.pk] = node
            slot += 1
        slot += 0.5
    edges, drawn = [], set()
    for ref in refs:
        a, b = by_pk.get(ref.source_id), by_pk.get(ref.target_id)
        if a is None or b is None or (a.lemma.pk, b.lemma.pk) in drawn:
            continue
        drawn.add((a.lemma.pk, b.lemma.pk))
        # Quadratic chord: control point pulled towards the centre, more for distant nodes.
        cx, cy = _r((a.x + b.x) * 0.2), _r((a.y + b.y) * 0.2)
        edges.append(Edge(a, b, f"M{a.x},{a.y} Q{cx},{cy} {b.x},{b.y}"))
    half = radius + 12 + 7.2 * LABEL_CHARS + 8
    return RelationMap(
        kind="lexicon", nodes=nodes, edges=edges, view_box=f"{-half:g} {-half:g} {2 * half:g} {2 * half:g}",
        width=int(2 * half), height=int(2 * half), clusters=_clusters_of(nodes), relations=_relations(refs),
    )


ROW = 34  # vertical distance between neighbours in the fan, in SVG units (≈ px at full size)
FAN_X = 150  # x of the neighbours; the lemma itself sits at x = 16
LABEL_ROW = 26  # height of the row above the fan that names the lemma itself


def neighbourhood_map(lemma):
    refs = list(
        CrossReference.objects.around(lemma).select_related("source__cluster", "target__cluster")
    )
    directions = {}
    others = {}
    for ref in refs:
        out = ref.source_id == lemma.pk
        other = ref.target if out else ref.source
        others[other.pk] = other
        previous = directions.get(other.pk)
        here = "out" if out else "in"
        directions[other.pk] = here if previous in (None, here) else "both"
    ordered = sorted(others.values(), key=lambda l: ({"out": 0, "both": 1, "in": 2}[directions[l.pk]], l.order, l.title))
    # The lemma's own name goes in a row of its own above the fan, where no edge runs.
    height = LABEL_ROW + max(len(ordered) * ROW, ROW) + 16
    center = Node(lemma, x=16, y=_r(LABEL_ROW + (height - LABEL_ROW) / 2), current=True)
    center.label_x, center.label_y, center.anchor = 4, _r(LABEL_ROW / 2), "start"
    nodes, edges = [], []
    for i, other in enumerate(ordered):
        y = LABEL_ROW + 8 + ROW / 2 + i * ROW
        node = Node(other, x=FAN_X, y=_r(y), label_x=FAN_X + 12, label_y=_r(y), anchor="start")
        nodes.append(node)
        direction = directions[other.pk]
        # Two straight segments with a vertex in the middle, where marker-mid draws the arrow.
        mx, my = _r((center.x + node.x) / 2), _r((center.y + node.y) / 2)
        if direction == "in":
            path = f"M{node.x},{node.y} L{mx},{my} L{center.x},{center.y}"
        else:
            path = f"M{center.x},{center.y} L{mx},{my} L{node.x},{node.y}"
        edges.append(Edge(center, node, path, direction))
    width = FAN_X + 12 + int(8.2 * LABEL_CHARS) + 8
    return RelationMap(
        kind="neighbourhood", nodes=nodes, edges=edges, view_box=f"0 0 {width} {height:g}", width=width,
        height=int(height), clusters=_clusters_of([center, *nodes]), relations=_relations(refs), center=center,
    )
