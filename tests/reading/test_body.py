"""The lemma body as read on screen: a heading over the notes, readable link text for bare URLs."""
import re

from lexicon.content.rendering import render_markdown
from lexicon.reading.body import prepare, readable_url

BODY = """Eerste alinea met een noot.[^1]

## Verder

Tweede alinea.

[^1]: Zie: <https://www.trouw.nl/binnenland/politie-in-grote-steden-vreest-geweld-door-drillmuziek~b0891644/> en <https://nos.nl/artikel/2345496>.
"""


def _prepared():
    return prepare(render_markdown(BODY).html)


def test_notes_get_a_heading_instead_of_a_bare_rule():
    body = _prepared()
    assert body.has_notes
    assert '<h2 id="noten">Noten</h2>' in body.rest
    assert "<hr>" not in body.rest


def test_bare_urls_read_as_domain_and_short_path_and_still_link_to_the_whole_url():
    rest = _prepared().rest
    full = "https://www.trouw.nl/binnenland/politie-in-grote-steden-vreest-geweld-door-drillmuziek~b0891644/"
    assert f'href="{full}"' in rest
    assert f">{full}<" not in rest
    text = re.search(r'href="https://www.trouw.nl[^>]*>([^<]*)<', rest).group(1)
    assert text.startswith("trouw.nl/binnenland/politie-in-") and text.endswith("…") and len(text) <= 43
    assert ">nos.nl/artikel/2345496<" in rest


def test_readable_url_never_exceeds_its_limit_and_keeps_the_domain():
    for url in ["https://www.example.org/", "http://a.nl/" + "x" * 200, "https://www.volkskrant.nl/nieuws-achtergrond/50-punten-voor-wie"]:
        text = readable_url(url, limit=30)
        assert len(text) <= 31 and not text.startswith("www.") and "://" not in text
        assert text.split("/")[0] in url


def test_the_body_splits_after_the_first_paragraph():
    body = _prepared()
    assert body.first.rstrip().endswith("</p>") and "Eerste alinea" in body.first
    assert "Tweede alinea" in body.rest and "Eerste alinea" not in body.rest


def test_a_body_without_notes_or_paragraphs_is_kept():
    body = prepare("<h2 id='a'>Alleen een kop</h2>")
    assert not body.has_notes and body.first == "<h2 id='a'>Alleen een kop</h2>" and body.rest == ""
