"""Reviewed, line-anchored repairs for this seed: OCR confusions, footnote markers, lost figures.

These are data, not rules: each entry names the seed line it fixes and the exact text it expects
there. An entry whose text is not on its line (another edition, a truncated file) is not applied,
so the table can never corrupt text it was not written for. Generic rules live in diacritics.py
and hyphenation.py and are checked against the word list.
"""
from dataclasses import dataclass

LOST_NOTE = "*(De figuur zelf is bij de digitalisering verloren gegaan.)*"
REBUILT_NOTE = "*(De figuur is bij de digitalisering verloren gegaan; de redactie heeft de inhoud uit de tekst hersteld.)*"

# (line, old, new, kind)
LINE_FIXES = [
    (129, "cultuurpsycholooq", "cultuurpsycholoog", "ocr"),
    (1055, "Jesper Rozer", "Jesper Rözer", "diacritic"),
    (1282, "Jesper Rozer & Beate Volker", "Jesper Rözer & Beate Völker", "diacritic"),
    (3219, "Volker en collega’s", "Völker en collega’s", "diacritic"),
    (1173, "Italié¢", "Italië", "diacritic"),
    (719, "continulm", "continuüm", "ocr"),
    (2242, "Jonathan llan", "Jonathan Ilan", "ocr"),
    (2244, "(llan, 2015", "(Ilan, 2015", "ocr"),
    (2244, "llan legt", "Ilan legt", "ocr"),
    (2389, "llan stelt", "Ilan stelt", "ocr"),
    (3850, "cliéenten", "cliënten", "diacritic"),
    (6998, "cliéenten", "cliënten", "diacritic"),
    (4937, "Roc¢ak en Van Lieshout (202 1)", "Roćak en Van Lieshout (2021)", "ocr"),
    (1969, "persoonlijke viak", "persoonlijke vlak", "ocr"),
    (2017, "Van lersel", "Van Iersel", "ocr"),
    (2026, "politiecke", "politieke", "ocr"),
    (2364, "lliass El-Hadioui", "Iliass El-Hadioui", "ocr"),
    (2281, "ltaliaanse", "Italiaanse", "ocr"),
    (2754, "Gliick Auf", "Glück Auf", "diacritic"),
    (2754, "Gluck Au", "Glück Au", "diacritic"),
    (3450, "Gberhaupt", "überhaupt", "diacritic"),
    (4047, "WWmo", "Wmo", "ocr"),
    (4685, "H6lsgens", "Hölsgens", "diacritic"),
    (5479, "lllustratief", "Illustratief", "ocr"),
    (6203, "taciete", "tacite", "ocr"),
    (6635, "Jirgen Habermas", "Jürgen Habermas", "diacritic"),
    (6848, "viucht", "vlucht", "ocr"),
    (7112, "llona Kickbusch", "Ilona Kickbusch", "ocr"),
    (7427, "Odk voor", "Ook voor", "ocr"),
    (7796, "(WIlz)", "(Wlz)", "ocr"),
    (6675, "Verstdndigung", "Verständigung", "diacritic"),
    (6676, "Einverstdndnis", "Einverständnis", "diacritic"),
    (6684, "Geltungsanspriiche", "Geltungsansprüche", "diacritic"),
    (5147, "kan zijn. 5.)", "kan zijn.", "ocr"),
    (5148, "Gericht op insluiting", "5. Gericht op insluiting", "ocr"),
    (5637, "etal., 2018", "et al., 2018", "ocr"),
    (7626, "hbo- opleidingen", "hbo-opleidingen", "ocr"),
    (1551, "rijke 6f arme", "rijke óf arme", "ocr"),
    (5427, "6f-6f", "óf-óf", "ocr"),
    (2354, "21¢ eeuw", "21e eeuw", "ocr"),
    (7292, "215 eeuw", "21e eeuw", "ocr"),
    (2384, "Ihbtgia+", "lhbtiqa+", "ocr"),
    (7267, "Ihbti+", "lhbti+", "ocr"),
    (2505, "vit stadsociologie", "uit stadsociologie", "ocr"),
    (2917, "Uberhaupt", "überhaupt", "diacritic"),
    (4788, "Uberhaupt", "überhaupt", "diacritic"),
    (3107, "Maar hée samen", "Maar hoe samen", "ocr"),
    (3354, "buurtenvormen", "buurten vormen", "ocr"),
    (3933, "Eris één", "Er is één", "ocr"),
    (3971, "Eris één", "Er is één", "ocr"),
    (4012, "Eris menskracht", "Er is menskracht", "ocr"),
    (4017, "Eris een", "Er is een", "ocr"),
    (4951, "when | got out of university | started", "when I got out of university I started", "ocr"),
    (4952, "umbrella. | spent", "umbrella. I spent", "ocr"),
    (5463, "00g voor", "oog voor", "ocr"),
    (6430, "70 open en onbevangen", "Zo open en onbevangen", "ocr"),
    (7240, "66k", "ook", "ocr"),
    (7637, "66k", "ook", "ocr"),
    (7824, "66k", "ook", "ocr"),
    (5712, "Hgjlund", "Højlund", "ocr"),
    (5771, "steedsverderisverschoven", "steeds verder is verschoven", "ocr"),
    (6176, "Donald Schon", "Donald Schön", "diacritic"),
    (6216, "Donald Schon", "Donald Schön", "diacritic"),
    (6227, "Schon maakt", "Schön maakt", "diacritic"),
    (6235, "volgens Schon", "volgens Schön", "diacritic"),
    (6488, "ddarbij", "daarbij", "ocr"),
    (7495, "darmee", "daarmee", "ocr"),
    (6572, "z6 gethe-", "zó gethe-", "ocr"),
    # Garbled footnote markers (a superscript digit read as a quote or question mark).
    (1078, "uitstaan.”", "uitstaan.[^1]", "footnote-marker"),
    (2233, "drugscriminaliteit.’", "drugscriminaliteit.[^1]", "footnote-marker"),
    (2421, "jongeren.?", "jongeren.[^2]", "footnote-marker"),
    (4095, "ziet ze' men-", "ziet ze[^1] men-", "footnote-marker"),
    (4956, "(Dzur & McKnight, 2020).", "(Dzur & McKnight, 2020).[^1]", "footnote-marker"),
    (7707, "problemen.”", "problemen.[^1]", "footnote-marker"),
]


@dataclass(frozen=True)
class Region:
    first: int
    last: int
    first_text: str  # expected start of the first line (stripped)
    last_text: str   # expected start of the last line (stripped)
    markdown: str
    kind: str = "figure"


REGIONS = [
    Region(535, 535, "Figuur 1: Infrastructurele", "Figuur 1: Infrastructurele",
           f"*Figuur 1: Infrastructurele benadering sociale basis*\n\n{LOST_NOTE}", "figure-lost"),
    Region(2557, 2567, "Ladder van onderlinge", "XS X",
           "*Figuur: Ladder van onderlinge verbintenissen*\n\n"
           "Vormen van sociale samenhang:\n\n"
           "1. Verplichte zorgzaamheid\n2. Onderlinge zorg\n3. Alledaagse attentheid\n"
           "4. Publieke familiarteit\n5. Anonimiteit\n6. Sociale spanningen\n\n"
           f"{REBUILT_NOTE}", "figure-rebuilt"),
    Region(4242, 4254, "Zes kenmerken van begeleidingsrelaties", "Driessens & Van Regenmortel",
           "*Figuur: Zes kenmerken van begeleidingsrelaties*\n\n"
           "| Verafhankelijkend | Versterkend en verbindend |\n"
           "| --- | --- |\n"
           "| **De afstandelijke relatie:** beklemtonen van statusverschillen "
           "| **De nabije relatie:** vertrouwensrelatie, zich als mens tonen |\n"
           "| **De bureaucratische relatie:** organisatorische overwegingen centraal "
           "| **De gepersonaliseerde relatie:** persoonsbetrokken, vraaggestuurd, op maat |\n"
           "| **De paternalistische relatie:** veel uit handen nemen, verafhankelijken "
           "| **De emancipatorische relatie:** inspraak en participatie |\n\n"
           "*Bron: Driessens & Van Regenmortel, 2006.*", "table-rebuilt"),
    Region(4265, 4292, "1. De rituele zorgverstrekker", "Nabij, gepersonaliseerd en emancipatorisch",
           "*Figuur: Zes ideaaltypische rollen van de sociaal werker*\n\n"
           "1. De rituele zorgverstrekker: aanbodgericht werken\n"
           "2. De controleur-inspecteur: extreem controlerend\n"
           "3. De redder: vraaggericht werken in crisissituaties\n"
           "4. De probleemoplosser: vraag- en resultaatgericht blijven\n"
           "5. De begeleider: persoonsgericht werken met als doel gedragsverandering\n"
           "6. De bemiddelaar: hulpverlening in de context met als doel relationeel versterken\n\n"
           "Rollen 1 en 2 zijn afstandelijk, bureaucratisch en paternalistisch; rollen 3 en 4 nabij, "
           "gepersonaliseerd en paternalistisch; rollen 5 en 6 nabij, gepersonaliseerd en emancipatorisch.\n\n"
           f"{REBUILT_NOTE}", "figure-rebuilt"),
    Region(7663, 7673, ". . Verzorgen", "model",
           "| Model | Persoon | Werkwijze | Voorzieningen | Doel |\n"
           "| --- | --- | --- | --- | --- |\n"
           "| Medisch model | Patiënt | Verzorgen, behandelen | Instituten | Segregratie |\n"
           "| Ontwikkelingsmodel | Mens met mogelijkheden | Ontwikkelen, trainen | Speciale voorzieningen | Normalisatie |\n"
           "| Ondersteuningsmodel/Burgerschapsmodel | Burger | Ondersteunen | Gewone voorzieningen | Integratie/Inclusie |\n\n"
           f"{REBUILT_NOTE}", "table-rebuilt"),
    Region(7750, 7783, "De redenering achter het vermaatschappelingsproces", "door lokale samenleving",
           "*Figuur: De redenering achter het vermaatschappelijkingsproces*\n\n"
           "1. extramuralisering en creatie integraal voorzieningenaanbod\n"
           "2. samenwerking tussen algemene en categorale instellingen, in combinatie met\n"
           "3. het betrekken van belangenbehartigingsorganisaties\n"
           "4. opvang en begeleiding door lokale samenleving\n\n"
           "De regierol (stimuleren en ondersteunen) met betrekking tot de vier aspecten ligt in handen "
           "van de lokale overheid, op regionaal of lokaal niveau. Doel: vergroten maatschappelijke "
           "participatie, integratie en acceptatie van mensen met beperking.\n\n"
           f"{REBUILT_NOTE}", "figure-rebuilt"),
    Region(7914, 7925, "Figuur 1: De aard van problemen", "geen belangen in het spel",
           "*Figuur 1: De aard van problemen en oplossingen*\n\n"
           "| Complexiteit | Weinig belangen in het spel | Veel belangen in het spel |\n"
           "| --- | --- | --- |\n"
           "| Weinig | 1. Probleem bekend; geen belangen in het spel | 2. Probleem bekend; wel belangen in het spel |\n"
           "| Veel | 3. Probleem onbekend; geen belangen in het spel "
           "| 4. Wicked problems: probleem onbekend én belangen in het spel |\n\n"
           f"{REBUILT_NOTE}", "table-rebuilt"),
]


def apply_line_fixes(lines, stats, fixes=LINE_FIXES):
    """Apply the anchored fixes in place on Line objects (matched by original line number)."""
    by_no = {ln.no: ln for ln in lines}
    for no, old, new, kind in fixes:
        ln = by_no.get(no)
        if ln is not None and old in ln.text:
            ln.text = ln.text.replace(old, new, 1)
            stats.count(kind, line=no)
    return lines


def region_matches(region, by_no):
    first, last = by_no.get(region.first), by_no.get(region.last)
    return (
        first is not None and last is not None
        and first.text.strip().startswith(region.first_text)
        and last.text.strip().startswith(region.last_text)
    )
