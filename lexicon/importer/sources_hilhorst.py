"""Hilhorst & Van der Lans, 'Nabij is beter' (VNG/KING brochure): a map of its layout.

The extraction of this two-column brochure puts a blank line after every line, repeats running
heads twice on a line, and interleaves essay titles, standfirsts and pull quotes with the running
text (often mid-sentence). One spread of the third essay comes out of order, and a few column
ends are lost. Generic rules cannot tell a pull quote from text, so this module holds a small
map of the brochure, anchored on the text of the lines (not line numbers): where each part
starts, which blocks are titles, standfirsts or pull quotes, what to move and where text is lost.
"""
import re

from .errors import ImportFailed
from .source_records import ParsedSection
from .sources_text import Heading, joiner_for, reflow, tidy

# Each part: (section title, first line of its running text).
PARTS = [
    ("Flaptekst", "#nabijheid, #integraal, #anti-bureaucratisch"),
    ("Voorwoord", "De operatie Decentralisaties in"),
    ("De grote beloften van de 3D’s", "De verleiding is groot om 1 januari 2015"),
    ("Eigen kracht ontkracht", "De dakloze Amsterdamse jongeren waren bijeen om te"),
    ("De dubbele revolutie van sociale wijkteams", "De opbouwwerker is verscheurd. Ze draait sinds kort mee"),
    ("Hardnekkige kortzichtigheid", "Pech werkt als een magneet. De ene tegenslag maakt"),
    ("Verhalen over vernieuwen", "Nu het zover is, willen we niet aan de"),
    ("Verantwoording", "de drie essays zijn eerder gepubliceerd in de groene"),
]

# Blocks that are not running text: (first line, last line, what to do).
# 'drop' = title lines and pull quotes (which repeat or tease the text); 'lead' = the essay's
# standfirst, kept as an italic opening paragraph of its section.
BLOCKS = [
    ("nabij is beter", "van de 3 decentralisaties", "drop"),  # cover
    ("pieter hilhorst en jos van der lans", "pieter hilhorst en jos van der lans", "drop"),
    ("voorwoord", "voorwoord", "drop"),
    ("de grote beloften", "van de 3d’s", "drop"),
    ("eigen kracht", "ontkracht", "drop"),
    ("De participatiesamenleving", "mensen juist uit te sluiten.", "lead"),
    ("“Je moet altijd zeggen: ik", "niemand kan me helpen.”", "drop"),
    ("Waar bij een Eigen-Krachtconferentie eigen initiatief wordt beloond", "heeft, wordt geholpen).", "drop"),
    ("Eigen Kracht is geen in", "ander besluitvormingsmodel.", "drop"),
    ("Omdat de overheid haar troeven zo lang mogelijk achter de hand wil",
     "wat extra zieligheid te bluffen (heb alles al geprobeerd).", "drop"),
    ("de dubbele", "sociale wijkteams", "drop"),
    ("In korte tijd hebben sociale", "echt potten breken?", "lead"),
    ("“De wijze waarop wij het", "problemen van mensen.”", "drop"),
    ("We willen geen professionals die als een soort oliemannetjes de piepende",
     "mensen vooruit te helpen.", "drop"),
    ("Veel problemen ontstaan omdat mensen niet op het juiste moment de",
     "verhalen van burgers is gaan luisteren.", "drop"),
    ("Kan het geld dat wordt besteed aan beschermingsbewind voor een deel",
     "beschermingsbewind organiseren?", "drop"),
    ("hardnekkige", "kortzichtigheid", "drop"),
    ("Kleine problemen klein houden is", "mensen die de inspanning leveren.", "lead"),
    ("De helft van het geld van de jeugdzorg wordt besteed aan 3 procent van",
     "aan 2 procent van de gezinnen.", "drop"),
    ("Elk Savanna-risico moest worden voorkomen. De voorzichtigheid sloeg", "drama’s veroorzaakt.", "drop"),
    ("Gemeenten beseffen steeds meer dat beleidskeuzes op het ene terrein",
     "selectie bij de schuldhulp leidt tot meer kosten in de jeugdzorg.", "drop"),
    ("Hulpverleners praten niet graag over geld. Toch is het beter als ze wel",
     "plannen aantrekkelijk.", "drop"),
    ("verhalen over", "vernieuwen", "drop"),
    ("introductie 3D-labs", "introductie 3D-labs", "drop"),
    ("Op verschillende manieren zijn wij de afgelopen jaren nauw betrokken geweest bij het",
     "middelen de Grote Beloften waarmaken?", "lead"),
    ("colofon", "verantwoording", "drop"),
    ("De belangrijkste 3D-tags:", "#leefwereld, #integrale kosten-baten-analyse", "para"),
]

# The spread of the third essay comes out of order: this run belongs before the essay's title
# block (it continues '... kan dus veel geld besparen.'), so move it there.
MOVES = [
    ("Dat is precies waar gemeenten hun kaarten op", "per gezinscoach ging omlaag zodat er geen schijnveiligheid",
     "hardnekkige"),
]

# Lines after which the extraction lost the rest of a column: mark the gap for the reader.
GAPS = [
    "die zij van het Rijk hebben gekregen weten gemeenten",
    "werkt als forse geluidshinder of functioneren met drank op.",
    "worden gezet. Preventie moet lonen. Daarvoor is het",
    "amsterdammer van respectievelijk 9 oktober 2014,",
]
GAP = "\u2060[…]"  # a word joiner keeps the marker off its own line when reflowed

SCHEMA_FIRST, SCHEMA_LAST = "probleem nu belofte 3D antwoord / methodiek", "Systeemwereld dominant Leefwereld leidend"
SCHEMA = """| Probleem nu | Belofte | 3D-antwoord / methodiek |
|---|---|---|
| Afstandelijk | Nabijheid | Wijk-, buurtgericht |
| Verkokerd | Integraal | (Sociale) wijkteams |
| Expertocratie | Generalist in frontlijn | Integraal werken |
| Grootschaligheid | Kleinschaligheid | Wijkbudgetten / vouchers |
| Institutie centraal | Sociaal netwerk | Burgers besluiten |
| Vervreemding / onteigening | Eigenaarschap | Coöperaties |
| Probleemfixatie | Eigen kracht / oplossingsgericht | Nieuwe alliantie professionals en amateurs, c.q. sociaal netwerk |
| Verticale grootschalige organisaties | Horizontaal organiseren | Netwerkorganisaties / platforms / kleinschaligheid als organisatieprincipe |
| Controle / detailverantwoording | Ruimte voor professionals | Zelfcontrole / peer-to-peer |
| Waterbedeffecten (kosten duiken elders op) | Integrale kosten-baten-analyse | Kosten transparant maken / schuiven tussen geldstromen |
| Perverse prikkels | Integrale afwegingen zijn goedkoper | Populatiegebonden financiering (ook wel gebiedsbudget genoemd) |
| Systeemwereld dominant | Leefwereld leidend | Echte zeggenschap naar lagere niveaus brengen |"""

DOUBLED_HEAD = re.compile(r"^(.{6,}?)\s+\1$")
PAGE_NUMBERS = re.compile(r"^\d{1,3}( \d{1,3})?$")
SUBHEAD = re.compile(r"^[a-z][a-z\- ]{3,40}$")
LIST_ITEM = re.compile(r"^(\d{1,2})\s{2,}(\S.*)$")
SIGNATURES = ["Jantine Kriens", "Voorzitter Directieraad VNG", "Tof Thissen", "Algemeen directeur KING"]
CONTACT_START = "Pieter Hilhorst"


def _index(lines, text, start=0, path=""):
    for i in range(start, len(lines)):
        if lines[i].strip() == text.strip():
            return i
    raise ImportFailed(path, None, f"regel ‘{text}’ niet gevonden; klopt de indeling van de brochure nog?")


def _starts(lines, prefix, path):
    for i, line in enumerate(lines):
        if line.strip().startswith(prefix):
            return i
    raise ImportFailed(path, None, f"begin van ‘{prefix}’ niet gevonden; klopt de indeling van de brochure nog?")


def parse_hilhorst(text, path):
    lines = _apply_moves([l.rstrip() for l in text.split("\n") if l.strip()], path)
    kind = _mark_blocks(lines, path)
    starts = sorted(((title, _starts(lines, first, path)) for title, first in PARTS), key=lambda t: t[1])
    joiner = joiner_for(text)
    sections = []
    for n, (title, a) in enumerate(starts):
        b = starts[n + 1][1] if n + 1 < len(starts) else len(lines)
        lead, items = _part_items(lines, kind, a, b)
        blocks = []
        if lead:
            blocks.append("*" + tidy(" ".join(reflow(lead, joiner, width=40, blank_breaks=False))) + "*")
        blocks += _reflow_parts(items, joiner, _median_width(items))
        sections.append(ParsedSection(title, "\n\n".join(blocks)))
    return sections


def _apply_moves(lines, path):
    """Put the runs of MOVES back where they belong (in place)."""
    for first, last, before in MOVES:
        a = _index(lines, first, path=path)
        b = _index(lines, last, a, path)
        run = lines[a: b + 1]
        del lines[a: b + 1]
        at = _index(lines, before, path=path)
        lines[at:at] = run
    return lines


def _mark_blocks(lines, path):
    """Per line: the action of the BLOCKS entry it belongs to, 'schema' for the flattened table, else None."""
    kind = [None] * len(lines)
    for first, last, action in BLOCKS:
        a = _index(lines, first, path=path)
        b = _index(lines, last, a, path)
        for k in range(a, b + 1):
            kind[k] = action
    a = _index(lines, SCHEMA_FIRST, path=path)
    b = _starts(lines[a:], SCHEMA_LAST, path) + a
    for k in range(a, b + 1):
        kind[k] = "schema"
    return kind


def _part_items(lines, kind, a, b):
    """The lines a..b of one part -> (lead lines, layout items for reflow).

    A lead can sit anywhere in the part (the title spread comes after the first page).
    """
    lead, items, schema_done = [], [], False
    for k in range(a, b):
        line, what = lines[k], kind[k]
        s = line.strip()
        if what == "drop" or DOUBLED_HEAD.match(s) or PAGE_NUMBERS.match(s):
            continue
        if what == "para":
            if kind[k - 1] != "para":
                items.append(Heading("", 0))
            items.append(line)
            if kind[k + 1] != "para":
                items.append(Heading("", 0))
        elif what == "lead":
            lead.append(line)
        elif what == "schema":
            if not schema_done:
                items += [Heading("", 0), SCHEMA]
                schema_done = True
        else:
            items += _text_line_items(lines, k, a)
    return lead, items


def _text_line_items(lines, k, a):
    """One line of running text -> its items: contact lines, list items, subheadings, gaps, or the line."""
    line = lines[k]
    s = line.strip()
    if s in SIGNATURES or s == CONTACT_START or re.fullmatch(r"[\w.]+@[\w.]+|[\d ]{8,}|KING|VNG|Jos van der Lans", s):
        return [Heading("", 0), f"- {s}"] if s not in SIGNATURES else [Heading("", 0), f"*{s}*"]
    m = LIST_ITEM.match(s)
    if m:
        return [Heading("", 0), f" {m.group(1)}. {m.group(2)}"]
    if SUBHEAD.match(s) and k > a and re.search(r"[.?!’”)]\s*$", lines[k - 1].strip() or "."):
        return [Heading(s[0].upper() + s[1:], 3)]
    if any(s == g.strip() for g in GAPS):
        return [line + " " + GAP]
    return [line]


def _median_width(items):
    widths = sorted(len(i.strip()) for i in items if isinstance(i, str) and len(i.strip()) > 20)
    return widths[len(widths) // 2] if widths else 52


def _reflow_parts(items, joiner, width):
    """Reflow runs between Heading('', 0) separators; a run starting with a table stays as is."""
    blocks, run = [], []

    def flush():
        if run and run[0] == SCHEMA:
            blocks.append(SCHEMA)
            rest = run[1:]
        else:
            rest = list(run)
        is_list = bool(rest) and isinstance(rest[0], str) and re.match(r"^ \d{1,2}\. ", rest[0])
        for b in reflow(rest, joiner, width=width, blank_breaks=False, short=0 if is_list else 0.8):
            blocks.append(b if b.startswith("#") else tidy(b))
        run.clear()

    for item in items:
        if isinstance(item, Heading) and item.level == 0:
            flush()
            continue
        run.append(item)
    flush()
    # Contact lines and signatures: keep them together as one list / one line.
    out = []
    for b in blocks:
        if out and b.startswith("- ") and out[-1].startswith("- "):
            detail = re.fullmatch(r"- ([\w.]+@[\w.]+|[\d ]{8,})", b)
            out[-1] += f" · {detail.group(1)}" if detail else "\n" + b
        elif out and b.startswith("*") and b.endswith("*") and out[-1].startswith("*") and out[-1].endswith("*") \
                and len(b) < 40 and len(out[-1]) < 80:
            out[-1] = out[-1][:-1] + ", " + b[1:]
        else:
            out.append(b)
    # '#nabijheid' at the start of a paragraph is a hashtag, not a Markdown heading.
    return [re.sub(r"^#(?=[^\s#])", r"\\#", b.replace(GAP, "[…]")) for b in out]
