"""The generic cleaning rules, each on a few words or lines of text."""
import pytest

from lexicon.importer import crossrefs, diacritics, hyphenation, pages, quotes, structure
from lexicon.importer.lines import Line, Stats

from tests.helpers.importer import needs_wordlist, words

pytestmark = needs_wordlist


def join(*lines):
    return hyphenation.join_lines(list(lines), hyphenation.HyphenJoiner(words()))


def test_soft_hyphen_at_line_end_is_joined():
    assert join("vonden De Sleutelaar ver-", "schrikkelijk. Ze") == "vonden De Sleutelaar verschrikkelijk. Ze"


def test_real_hyphen_at_line_end_is_kept_when_the_word_list_spells_it_so():
    assert join("opbouwwerkers, sociaal-", "cultureel werkers") == "opbouwwerkers, sociaal-cultureel werkers"
    assert join("niet top-", "down opgelegd") == "niet top-down opgelegd"


def test_suspended_compound_keeps_hyphen_and_space():
    assert join("in gezins-", "en familieverbanden") == "in gezins- en familieverbanden"


def test_acronym_before_line_end_hyphen_keeps_it():
    assert join("de COVID-19-pan-", "demie en de PCS-", "gedachte") == "de COVID-19-pandemie en de PCS-gedachte"


@pytest.mark.parametrize("wrong,right", [
    ("cliénten", "cliënten"), ("Belgié", "België"), ("ideeén", "ideeën"), ("creéren", "creëren"),
    ("patiént", "patiënt"), ("geinvesteerd", "geïnvesteerd"), ("continuiteit", "continuïteit"),
    ("Rézer", "Rözer"), ("coérdinatie", "coördinatie"), ("enquéte", "enquête"), ("invioed", "invloed"),
    ("beinvioeden", "beïnvloeden"), ("Clienten", "Cliënten"), ("naief", "naïef"),
])
def test_ocr_diacritics_are_repaired(wrong, right):
    assert diacritics.repair(wrong, words()) == right


@pytest.mark.parametrize("word", ["één", "Eén", "café", "repaircafés", "écht", "privé", "René", "geit", "geijkt"])
def test_legitimate_accents_and_look_alikes_stay(word):
    assert diacritics.repair(word, words()) == word


def test_leder_at_sentence_start_becomes_ieder_but_not_mid_sentence():
    fixed = diacritics.repair("Zo is het. leder lemma is anders. Van leder gemaakt.", words())
    assert fixed == "Zo is het. Ieder lemma is anders. Van leder gemaakt."


def test_quotes_are_paired_and_apostrophes_left_alone():
    assert quotes.normalise('\'‘De sociale basis, dat zijn wij ...", schrijft zo\'n man') == \
        "‘De sociale basis, dat zijn wij ...’, schrijft zo'n man"
    assert quotes.normalise('"Hoe gaat het ermee?’') == "‘Hoe gaat het ermee?’"


def test_page_header_side_label_and_page_marker_are_removed():
    lines = [Line(1, "tekst van de vorige pa-"), Line(2, ""),
             Line(3, "Lexicon nabijheid en sociaal werk pagina 21 van 206"), Line(4, ""), Line(5, ""),
             Line(6, "geografisch"), Line(7, ""), Line(8, "gina gaat hier verder."), Line(9, " Nieuwe pagina")]
    stats = Stats()
    out = pages.strip_furniture(lines, stats)
    assert [ln.text for ln in out] == ["tekst van de vorige pa-", "gina gaat hier verder.", "Nieuwe pagina"]
    assert stats.pages == {21} and stats.side_labels == [(6, "geografisch")]
    assert out[1].page_start and out[2].page_start


def test_side_label_word_elsewhere_is_kept():
    lines = [Line(1, "Werken aan"), Line(2, "institutionele"), Line(3, "geografisch")]
    assert [ln.text for ln in pages.strip_furniture(lines, Stats())] == ["Werken aan", "institutionele", "geografisch"]


def build(texts, page_starts=()):
    lines = []
    for i, t in enumerate(texts, start=1):
        ln = Line(i, t.lstrip(" "), page_start=t.startswith(" ") or i in page_starts)
        lines.append(ln)
    cleaner = structure.Cleaner(words(), None, Stats())
    return structure.build_markdown(lines, cleaner, cleaner.stats)


def test_bullets_headings_and_footnotes_become_markdown():
    body, lead = build([
        "Eerste alinea met een voetnoot.[^1] Zij noemt drie soorten buren die er zijn in een gewone wijk:",
        "",
        "¢ verwant;",
        "e collega;",
        "® buurman of -vrouw.",
        "",
        "Een tussenkop",
        "",
        "Tekst na de kop die eindigt zonder punt omdat de pagina hier midden in de zin ophoudt en",
        "",
        "1 Het begrip verwijst naar iets.",
        " verder gaat op de volgende pagina.",
    ])
    assert "- verwant;\n- collega;\n- buurman of -vrouw." in body
    assert "## Een tussenkop" in body
    assert "ophoudt en verder gaat op de volgende pagina." in body
    assert "[^1]: Het begrip verwijst naar iets." in body
    assert lead.startswith("Eerste alinea met een voetnoot. Zij noemt")


def test_a_line_starting_with_e_outside_a_list_is_not_a_bullet():
    body, _ = build(["Dit is een gewone alinea over iets.", "", "e is de vijfde letter van het alfabet, zegt men."])
    assert "- is de vijfde" not in body


def test_figure_caption_gets_a_note_that_the_figure_is_lost():
    body, _ = build(["Tekst voor de figuur.", "", "Figuur 2: Een schema", "", "Tekst erna."])
    assert "*Figuur 2: Een schema*" in body and "verloren gegaan" in body


def test_trailing_reference_list_becomes_a_literature_section():
    body, _ = build(["Laatste alinea van het lemma.", "",
                     "¢ Keuzenkamp, S. (2022). Een titel. Movisie.", "e Movisie (2021a). Nog een titel."])
    assert "## Literatuur\n\n- Keuzenkamp, S. (2022). Een titel. Movisie.\n- Movisie (2021a)" in body


def test_cross_references_are_found_and_linked():
    titles = ["Sociale basis", "Samenleven", "Presentie", "Relationeel Sociaal Werk(en)"]
    refs, text = crossrefs.find("burgers zorgen voor elkaar (zie ook het lemma over de sociale basis).", titles)
    assert refs == [crossrefs.Reference("Sociale basis", "zie-ook", "sociale basis")]
    assert "[sociale basis](/lemma/sociale-basis/)" in text
    refs, text = crossrefs.find("In de lemma’s over presentie, relationeel werken en ook samenleven zien we dat.", titles)
    assert [r.target_title for r in refs] == ["Presentie", "Relationeel Sociaal Werk(en)", "Samenleven"]
    assert {r.kind for r in refs} == {"vermelding"}
    assert "[relationeel werken](/lemma/relationeel-sociaal-werken/)" in text


def test_list_items_whose_glyph_was_lost_after_a_colon():
    body, _ = build(["Dit zijn de uitgangspunten, waaronder:", "", "sociaal werkers vragen zich af hoe;",
                     "", "er wordt kennis aangewend,;", "", "het gaat om vraagstukken in de praktijk.",
                     "", "Een nieuwe alinea die gewoon begint."])
    assert "- sociaal werkers vragen zich af hoe;\n- er wordt kennis aangewend,;\n- het gaat om" in body


def test_numbered_items_in_sequence_become_an_ordered_list_but_a_year_does_not():
    body, _ = build(["ABCD kent vijf principes (Russell, 2020).", "", "1. Burgers vormen het uitgangspunt.",
                     "", "2. De vermogens staan centraal."])
    assert "1. Burgers vormen het uitgangspunt.\n2. De vermogens staan centraal." in body
    body, _ = build(["Zo ging het toen.", "", "1998. Dat was het jaar van de wet, zoals bekend."])
    assert body.startswith("Zo ging het toen.\n\n1998\\. Dat was")


def test_urls_in_footnotes_become_links_that_keep_their_printed_form():
    assert structure.link_urls("Zie: www.voorbeeld.nl/a-b en https://x.nl/c.") == \
        "Zie: [www.voorbeeld.nl/a-b](https://www.voorbeeld.nl/a-b) en <https://x.nl/c>."


def test_url_broken_at_a_real_hyphen_keeps_it():
    assert join("www.volkskrant.nl/steekt-welkom-", "in-de-wereld") == "www.volkskrant.nl/steekt-welkom-in-de-wereld"
    assert join("https://nos.nl/steeds-ex-", "plosiever,") == "https://nos.nl/steeds-explosiever,"


def test_quality_counts_leftovers():
    from lexicon.importer import quality
    r = quality.measure("x", "De cliénten vonden het ver-\nschrikkelijk.",
                        "De cliénten vonden het ver- schrikkelijk. pagina 3 van 206 ¢", words())
    assert r.hyphen_candidates == 1 and r.header_fragments == 1 and r.stray == 1
    assert r.e_acute_suspects == ["cliénten"]
    assert r.unknown_after >= 1


@pytest.mark.parametrize("lines, joined", [
    (("aan de keuken-ta-", "fel zitten"), "aan de keuken-tafel zitten"),               # soft hyphen inside a chain
    (("de Zelfred-", "zaamheid-Matrix"), "de Zelfredzaamheid-Matrix"),
    (("Eigen Kracht-conferen-", "ties"), "Eigen Kracht-conferenties"),
    (("de Achter-de-", "voordeur-aanpak"), "de Achter-de-voordeur-aanpak"),            # the chain's own hyphen
    (("#integrale-", "kosten-baten-analyse"), "#integrale-kosten-baten-analyse"),
    (("(Hart-", "man-van der Laan, 2019)"), "(Hartman-van der Laan, 2019)"),          # a name is not two words
    (("het sa-", "menleef-probleem"), "het samenleef-probleem"),
])
def test_hyphenated_chains_broken_at_a_line_end(lines, joined):
    assert join(*lines) == joined


def test_the_texts_own_spelling_decides_what_the_word_list_does_not_know():
    corpus = "de kosten-baten-analyse van het plan"
    joiner = hyphenation.HyphenJoiner(words(), corpus)
    assert hyphenation.join_lines(["een kosten-", "baten afweging"], joiner) == "een kosten-baten afweging"
