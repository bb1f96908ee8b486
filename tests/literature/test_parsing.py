"""The citation grammar on the forms the book uses (and some it must not take for a citation)."""
import pytest

from lexicon.literature import parsing


def cites(text):
    return [(c.label, c.year, text[c.start:c.end]) for c in parsing.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("basisbanen (WRR, 2020), een", [("WRR", "2020", "WRR, 2020")]),
    ("zo (Hilhorst & Van der Lans, 2016; Schout, 2011).",
     [("Hilhorst & Van der Lans", "2016", "Hilhorst & Van der Lans, 2016"), ("Schout", "2011", "Schout, 2011")]),
    ("Volgens Tonkens (2009) is", [("Tonkens", "2009", "Tonkens (2009)")]),
    ("(Jager-Vreugdenhil, 2012a; 2012b)",
     [("Jager-Vreugdenhil", "2012a", "Jager-Vreugdenhil, 2012a"), ("Jager-Vreugdenhil", "2012b", "2012b")]),
    ("(Britt et al., 2022)", [("Britt et al.", "2022", "Britt et al., 2022")]),
    ("(Michels, 2018, p. 197-198)", [("Michels", "2018", "Michels, 2018")]),
    ("(Yassin, 2019: 258)", [("Yassin", "2019", "Yassin, 2019")]),
    ("(Terpstra 2019)", [("Terpstra", "2019", "Terpstra 2019")]),
    ("(voor een uitwerking zie Engbersen en Sprinkhuizen, 1998)",
     [("Engbersen & Sprinkhuizen", "1998", "Engbersen en Sprinkhuizen, 1998")]),
    ("het werk van Achterhuis (1980) en", [("Achterhuis", "1980", "Achterhuis (1980)")]),
    ("een boek van Jos van der Lans (2019)", [("van der Lans", "2019", "van der Lans (2019)")]),
    ("een verheffingsideaal (2017). En", []),
    ("(intern document, 2020, p. 2)", []),
    ("in 2013 een opiniestuk", []),
])
def test_citation_forms(text, expected):
    assert cites(text) == expected


def test_reference_entry():
    ref = parsing.parse_reference("Van Hoorn, E., (2018). Ervaringswerk 2.0: Startnotitie. ZonMw.")
    assert (ref.names, ref.year, ref.title, ref.publisher) == (["Van Hoorn"], "2018", "Ervaringswerk 2.0: Startnotitie", "ZonMw")
    doi = parsing.parse_reference("Tonkens, E. (2009). Tussen onderschatten en overvragen. SUN. https://doi.org/10.5117/abc.1")
    assert doi.url == "https://doi.org/10.5117/abc.1" and doi.publisher == "SUN"


@pytest.mark.parametrize("text", [
    "publiceerde hierover in zijn wereldberoemde essay The Gift (1990 [1923]).",
    "zoals Klinenburg voorstelt in zijn boek Palaces for the People (2018).",
    "Habermas ontwikkelde in zijn Theorie des kommunikativen Handelns (1981) extra inzichten",
])
def test_a_title_before_a_year_is_not_an_author(text):
    assert cites(text) == []
