"""Markdown bodies render to safe HTML with a table of contents."""
import pytest

from lexicon.content.rendering import heading_anchor, initial_letter, plain_text, render_markdown


@pytest.mark.parametrize(
    "source",
    [
        "Tekst <script>alert('x')</script> verder",
        "<img src=x onerror=alert(1)>",
        '<a href="#" onclick="alert(1)">klik</a>',
        "[klik](javascript:alert(1))",
        '<a href="javascript:alert(1)">klik</a>',
        "[klik](JaVaScRiPt:alert(1))",
        '<iframe src="https://example.org"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<svg onload=alert(1)>",
        '<form action="/beheer/"><input name=x></form>',
    ],
)
def test_dangerous_markup_is_removed(source):
    html = render_markdown(source).html.lower()
    for needle in ["<script", "javascript:", "onerror", "onclick", "onload", "<iframe", "style=", "<form", "<input", "<svg", "<img"]:
        assert needle not in html


def test_ordinary_markdown_survives_sanitising():
    html = render_markdown(
        "Een *nadruk* en **sterk**.\n\n- een\n- twee\n\n> citaat\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "Zie [de site](https://www.movisie.nl/).[^1]\n\n[^1]: Een voetnoot.\n"
    ).html
    for fragment in ["<em>nadruk</em>", "<strong>sterk</strong>", "<li>een</li>", "<blockquote>", "<table>",
                     'href="https://www.movisie.nl/"', 'class="footnote"', "Een voetnoot."]:
        assert fragment in html
    # the footnote reference links to its note and back
    assert 'href="#fn:1"' in html and 'id="fn:1"' in html


def test_table_of_contents_has_anchors_that_exist_in_the_html():
    rendered = render_markdown("Intro.\n\n## Cliënten & wijk\n\nTekst.\n\n### Detail\n\nx\n\n## Tot slot\n\ny")
    assert [(e["name"], e["id"]) for e in rendered.toc] == [("Cliënten & wijk", "clienten-wijk"), ("Tot slot", "tot-slot")]
    for entry in rendered.toc:
        assert f'id="{entry["id"]}"' in rendered.html


def test_toc_name_with_markup_is_plain_text():
    rendered = render_markdown("## De *echte* <b>kern</b>\n\ntekst")
    assert rendered.toc[0]["name"] == "De echte kern"


def test_repeated_headings_get_distinct_anchors():
    rendered = render_markdown("## Methoden\n\na\n\n## Methoden\n\nb")
    ids = [e["id"] for e in rendered.toc]
    assert len(set(ids)) == 2


def test_helpers():
    assert heading_anchor("Één wijk") == "een-wijk"
    assert initial_letter("Één wijk") == "E" and initial_letter("21e eeuw") == "#"
    assert plain_text("## Kop\n\nEen [link](/x/) en *nadruk*.") == "Kop Een link en nadruk ."
