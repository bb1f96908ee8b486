"""Leads shortened for lists: never cut inside a word, an ellipsis when something is left out."""
import pytest
from django.template import Context, Template

from lexicon.reading.excerpts import ELLIPSIS, shorten

LEAD = ("Presentie is een manier van werken waarin de hulpverlener er is voor de ander. Dat vraagt tijd, "
        "aandacht en geduld van professionals die gewend zijn aan protocollen en productienormen. "
        "Andries Baart beschreef de benadering in de jaren negentig.")


def test_a_short_lead_is_left_whole():
    assert shorten("Kort en  goed.\n", 200) == "Kort en goed."


@pytest.mark.parametrize("limit", [30, 57, 90, 120, 150, 181])
def test_a_long_lead_is_cut_between_words_with_an_ellipsis(limit):
    short = shorten(LEAD, limit)
    assert short.endswith(ELLIPSIS)
    kept = short.rstrip(ELLIPSIS).rstrip()
    assert len(kept) <= limit
    assert LEAD.startswith(kept)
    # The next character of the original after what was kept is a space: no word was cut.
    assert LEAD[len(kept)] == " "


def test_a_sentence_end_is_preferred_when_one_ends_late_enough():
    assert shorten(LEAD, 120) == "Presentie is een manier van werken waarin de hulpverlener er is voor de ander. …"


def test_an_abbreviation_is_not_a_sentence_end():
    text = "Het werk van o.a. Baart en Grypdonck laat zien hoe nabijheid werkt, in wijken en in instellingen van zorg."
    short = shorten(text, 80)
    assert not short.startswith("Het werk van o.a. …")
    assert short.endswith(ELLIPSIS) and "Baart" in short


def test_the_template_filter_shortens_and_escapes():
    html = Template("{% load reading %}{{ lead|lead_excerpt:40 }}").render(Context({"lead": "<b>Vet</b> " + LEAD}))
    assert "&lt;b&gt;" in html and html.endswith(ELLIPSIS) and len(html) < 80


def test_the_template_filter_survives_odd_input():
    html = Template("{% load reading %}[{{ lead|lead_excerpt:'veel' }}][{{ missing|lead_excerpt }}]").render(
        Context({"lead": LEAD}))
    assert html.startswith("[Presentie") and html.endswith("[]")
