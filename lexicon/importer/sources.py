"""The four related texts ("Bronnen"): the registry of seed files, and seed file -> ParsedSource.

Each text has its own layout artefacts (see fixtures/source/extraction-artefacts.md), so each
has its own small parser module (``sources_hilhorst``, ``sources_schout``, ``sources_duyvendak``,
``sources_vanderlans``); they share the helpers in ``sources_text`` and the records in
``source_records``. Metadata (title, authors, year, publisher) is taken from the texts; where a
text does not state it, the comment says what the value rests on.
"""
from pathlib import Path

from .errors import ImportFailed
from .source_records import ParsedSection, ParsedSource
from .sourcefile import read_text
from .sources_duyvendak import parse_duyvendak
from .sources_hilhorst import parse_hilhorst
from .sources_schout import parse_schout
from .sources_vanderlans import parse_vanderlans

__all__ = ["ParsedSection", "ParsedSource", "ImportFailed", "SOURCE_FILES", "parse_source", "parse_directory"]


# --- Registry: file name -> metadata and parser ---

SOURCE_FILES = {
    "hilhorst-vanderlans-nabij-is-beter.txt": dict(
        order=1,
        title="Nabij is beter. Essays over de beloften van de 3 decentralisaties",
        authors="Pieter Hilhorst en Jos van der Lans",
        # The blurb looks back on 1 January 2015; the lexicon cites it as 'VNG/KING, 2015'.
        year=2015,
        publisher="VNG en KING",
        description=(
            "Brochure met drie essays uit De Groene Amsterdammer over eigen kracht, sociale wijkteams en "
            "de financiering van het sociaal domein, waarin de ‘grote beloften’ van de decentralisaties "
            "worden geformuleerd waarop lemma’s als Integraal werken, Sociale teams en Maatwerk reageren."
        ),
        parser=parse_hilhorst,
    ),
    "schout-anders-denken-en-doen.txt": dict(
        order=2,
        title="Anders denken en doen in het sociale domein",
        authors="Gert Schout",
        year=2015,  # the lecture speaks of the Groningen budget 'in 2015' in the present tense
        publisher="",
        description=(
            "Voordracht over hyperprofessionalisering en sociale uitsluiting die pleit voor eigen "
            "kracht-conferenties en minder hulpverlening, een kritische stem naast lemma’s als "
            "Sociale teams en Ervaringsdeskundigheid."
        ),
        parser=parse_schout,
    ),
    "duyvendak-tonkens-beloften-van-nabijheid.txt": dict(
        order=3,
        title="De verhuizing van de verzorgingsstaat",  # so named in the book's acknowledgements
        authors="Jan Willem Duyvendak en Evelien Tonkens (red.)",
        year=2018,  # research April 2014 - April 2018; typeset 12-09-18 (slug lines)
        publisher="",
        description=(
            "Onderzoeksbundel over de ‘beloften van nabijheid’ van de decentralisaties sinds 2015, "
            "gebaseerd op vier jaar veldwerk in zes gemeenten, waaraan het lexicon begrippen als "
            "nabijheid en verhuiselijking ontleent."
        ),
        parser=parse_duyvendak,
    ),
    "vanderlans-actieve-burgers.txt": dict(
        order=4,
        title="Actieve burgers zijn toch geen belediging voor professionals?",
        authors="Jos van der Lans",
        # The column reacts to Tonkens in Het Parool 'van 12 september' and appears 'ook in het
        # nieuwe Tijdschrift voor Sociale Vraagstukken' (launched 2018); the text gives no year itself.
        year=2018,
        publisher="Sociale Vraagstukken",
        description=(
            "Column waarin Van der Lans de inzet van burgers naast professionals verdedigt tegen de "
            "kritiek van Evelien Tonkens, een discussie die terugkeert in lemma’s als "
            "Bewonersinitiatieven en Ervaringsdeskundigheid."
        ),
        parser=parse_vanderlans,
    ),
}


def slug_for(filename):
    return Path(filename).stem


def parse_source(path):
    path = Path(path)
    spec = SOURCE_FILES.get(path.name)
    if spec is None:
        raise ImportFailed(path, None, f"onbekende bron; verwacht een van: {', '.join(sorted(SOURCE_FILES))}.")
    text = read_text(path)
    try:
        sections = spec["parser"](text, path)
    except ImportFailed:
        raise
    except (ValueError, IndexError) as exc:
        raise ImportFailed(path, None, f"de tekst heeft niet de verwachte opbouw ({exc}).") from exc
    if not sections:
        raise ImportFailed(path, None, "geen hoofdstukken gevonden.")
    meta = {k: v for k, v in spec.items() if k != "parser"}
    return ParsedSource(slug=slug_for(path.name), sections=sections, **meta).finish()


def parse_directory(directory):
    """All four sources, in order; any problem raises ImportFailed naming the file."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ImportFailed(directory, None, "map niet gevonden.")
    parsed = [parse_source(directory / name) for name in SOURCE_FILES]
    return sorted(parsed, key=lambda s: s.order)
