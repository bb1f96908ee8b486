"""Citations counted by hand from fixtures/source/lexicon-nabijheid-en-sociaal-werk-2022.txt
(line ranges of fixtures/source/lexicon-toc.tsv), before the extractor was run.

Rule used when counting: a citation is an author name (or organisation) with a year in the APA
forms "(Name, 2019)", "(Name 2019)", "Name (2019)", "(zie Name en Name, 1998)", "Name en anderen
(2019)", several separated by ";" ("2012a; 2012b" are two works of the same author). A year in
running prose ("Tonkens en Duyvendak in 2013", "Borkman, die in 1976") is not a citation.
Each entry: (surnames as written in the book, year) -> times cited in the lemma's text.
"""
SOCIALE_BASIS = {  # lines 435-633; 23 citations of 22 works
    ("Britt et al.", "2022"): 2,
    ("Engbersen & Sprinkhuizen", "1998"): 1,
    ("WRR", "2020"): 1,
    ("Bregman", "2019"): 1,
    ("De Pré", "2020"): 1,
    ("Gemeente Tilburg", "2021"): 1,
    ("Jansen et al.", "2021"): 1,
    ("Specht & Van der Zwaard", "2014"): 1,
    ("Metze et al.", "2016"): 1,
    ("Brouwer et al.", "2013"): 1,
    ("Uitermark", "2014"): 1,
    ("VWS", "2022"): 1,
    ("Engbersen & Daamen", "2018"): 1,
    ("Horstman", "2022"): 1,
    ("RMO", "2012"): 1,
    ("VNG", "2019"): 1,
    ("Van de Ven", "2021"): 1,
    ("Terpstra", "2019"): 1,
    ("Lonkhuyzen & Weeda", "2021"): 1,
    ("Van de Kamp et al.", "2020"): 1,
    ("Engbersen & Omlo", "2020"): 1,
    ("Engbersen et al.", "2022"): 1,
}

SOCIALE_TEAMS = {  # lines 4539-4716; 16 citations of 10 works
    ("Hazeu et al.", "2005"): 1,
    ("Kampen, Bredewold & Tonkens", "2018"): 2,   # once "Kampen, Bredewold en Tonkens (2018)"
    ("Jager-Vreugdenhil", "2012a"): 2,
    ("Jager-Vreugdenhil", "2012b"): 2,
    ("Van Arum & Van der Enden", "2018"): 2,
    ("Hilhorst & Van der Lans", "2015"): 1,
    ("De Roo & Jagtenberg", "2020"): 2,
    ("Teekman, Van Kampen, Pruim & Algera", "2019"): 2,
    ("Van Hees", "2017"): 1,
    ("Hölsgens", "2020"): 1,                      # "H6lsgens" in the extracted text
}

# lines 5891-6169; 7 citations of 7 works, and a reference list of 9 entries (2 not cited)
ERVARINGSDESKUNDIGHEID = {
    ("Movisie", "2021a"): 1,
    ("Van Hoorn et al.", "2020"): 1,
    ("Van Hoorn", "2018"): 1,
    ("Keuzenkamp & Van Hoorn", "2022"): 1,
    ("Movisie", "2021b"): 1,
    ("Weerman et al.", "2019"): 1,               # "Alie Weerman en anderen (2019)"
    ("Keuzenkamp & Van Hoorn", "te verschijnen"): 1,
}
ERVARINGSDESKUNDIGHEID_REFERENCES = 9
