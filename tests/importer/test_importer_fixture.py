"""The committed fixture reads as the printed book does: every lemma, clean text, valid Markdown."""
import csv
import json
import re

import pytest
from django.utils.text import slugify

from lexicon.content.rendering import render_markdown

from tests.helpers.importer import FIXTURE, TOC, needs_wordlist

ROWS = json.loads(FIXTURE.read_text(encoding="utf-8"))


def rows(model):
    return [r for r in ROWS if r["model"] == f"lexicon.{model}"]


def toc_entries():
    with open(TOC, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


LEMMAS = {r["fields"]["slug"]: r for r in rows("lemma")}
TEXTS = [(r["fields"]["slug"], r["fields"]["body"]) for r in rows("lemma")] + \
        [(r["fields"]["slug"], r["fields"]["body"]) for r in rows("page")]


def test_only_the_agreed_models_are_in_the_fixture():
    assert {r["model"] for r in ROWS} == {
        "lexicon.cluster", "lexicon.author", "lexicon.lemma", "lexicon.lemmaauthor",
        "lexicon.crossreference", "lexicon.page"}


def test_four_clusters_with_a_description():
    clusters = sorted((r["fields"]["order"], r["fields"]["slug"], r["fields"]["name"]) for r in rows("cluster"))
    assert clusters == [(1, "sociaal", "Sociale nabijheid"), (2, "geografisch", "Geografische nabijheid"),
                        (3, "professioneel", "Professionele nabijheid"), (4, "institutioneel", "Institutionele nabijheid")]
    assert all(10 < len(r["fields"]["description"]) < 300 for r in rows("cluster"))


def test_every_toc_lemma_with_its_authors_cluster_and_order():
    cluster_slug = {r["pk"]: r["fields"]["slug"] for r in rows("cluster")}
    author_name = {r["pk"]: r["fields"]["name"] for r in rows("author")}
    authors_of = {}
    for r in sorted(rows("lemmaauthor"), key=lambda r: r["fields"]["position"]):
        authors_of.setdefault(r["fields"]["lemma"], []).append(author_name[r["fields"]["author"]])
    entries = toc_entries()
    assert len(entries) == len(LEMMAS) == 33
    for e in entries:
        lemma = LEMMAS[slugify(e["title"])]
        f = lemma["fields"]
        assert f["title"] == e["title"] and f["order"] == int(e["order"])
        assert cluster_slug[f["cluster"]] == e["cluster"]
        assert authors_of.get(lemma["pk"], []) == [a.strip() for a in e["authors"].split(";") if a.strip()]
        assert f["status"] == "gepubliceerd" and f["published_at"] == f["updated"] == "2022-01-01T00:00:00Z"
        assert f["subtitle"] == e["subtitle"]


def test_lead_is_the_first_paragraph_and_stays_in_the_body():
    for slug, r in LEMMAS.items():
        lead, body = r["fields"]["lead"], r["fields"]["body"]
        assert len(lead) > 80, slug
        assert "*" not in lead and "[^" not in lead
        first_paragraph = next(c for c in body.split("\n\n") if not c.startswith(("#", "*", ">", "-", "|")))
        assert re.sub(r"\[\^\d+\]|\[([^\]]*)\]\([^)]*\)", r"\1", first_paragraph) == lead, slug


def test_title_is_not_repeated_as_heading():
    for slug, r in LEMMAS.items():
        first = r["fields"]["body"].split("\n", 1)[0]
        assert first.lstrip("# ").strip() != r["fields"]["title"]


@pytest.mark.parametrize("slug,body", TEXTS)
def test_no_extraction_artefacts_left(slug, body):
    assert not re.search(r"pagina \d+ van 206", body)
    assert "¢" not in body and "®" not in body
    assert not re.search(r"[aeiou]é", body.replace("idée", "")), re.findall(r"\w*[aeiou]é\w*", body)
    assert not re.search(r"^\s*\[\s*$", body, re.M)
    assert not re.search(r"\b(invioed|cliént|continuiteit|geinvesteerd)\b", body)
    assert not re.search(r"(?m)^(¢|e|®) ", body)


@pytest.mark.parametrize("slug,body", TEXTS)
def test_markdown_renders_cleanly(slug, body):
    html = render_markdown(body).html
    assert "[^" not in html  # every footnote marker has its footnote
    assert "<p>- " not in html and "<p>* " not in html


def test_the_six_footnotes_are_markdown_footnotes():
    notes = sum(len(re.findall(r"(?m)^\[\^\d+\]: ", body)) for _, body in TEXTS)
    assert notes == 6
    kapitaal = LEMMAS["menselijk-en-sociaal-kapitaal"]["fields"]["body"]
    assert "uitstaan.[^1]" in kapitaal and "[^1]: Het begrip verwijst naar ‘capitalis pars debiti" in kapitaal
    html = render_markdown(kapitaal).html
    assert 'class="footnote"' in html


def test_the_surviving_bibliography_is_a_literature_section():
    body = LEMMAS["ervaringsdeskundigheid"]["fields"]["body"]
    assert "\n## Literatuur\n\n- Keuzenkamp, S., & Van Hoorn, E." in body
    assert sum("## Literatuur" in b for _, b in TEXTS) == 1


def test_figures_keep_their_caption_and_say_when_the_figure_is_lost():
    body = LEMMAS["sociale-basis"]["fields"]["body"]
    assert "*Figuur 1: Infrastructurele benadering sociale basis*\n\n*(De figuur zelf is bij de digitalisering verloren gegaan.)*" in body
    boundary = LEMMAS["werken-aan-institutionele-nabijheid-de-boundary-spanner"]["fields"]["body"]
    assert "<table>" in render_markdown(boundary).html


def test_lists_quotes_and_headings_render_as_such():
    html = render_markdown(LEMMAS["publieke-ruimte"]["fields"]["body"]).html
    assert "<li>Het sociologisch perspectief</li>" in html
    html = render_markdown(LEMMAS["samenlevingsopbouw"]["fields"]["body"]).html
    assert html.startswith("<blockquote>") and "I got out of university I started" in html
    assert len(render_markdown(LEMMAS["wederkerigheid"]["fields"]["body"]).toc) >= 3


def test_pages_foreword_introduction_colophon():
    pages = {r["fields"]["slug"]: r["fields"] for r in rows("page")}
    assert set(pages) == {"voorwoord", "inleiding", "colofon"}
    assert pages["voorwoord"]["author_line"] == "Jos van der Lans"
    assert pages["voorwoord"]["body"].startswith("Begin jaren zeventig")
    editors = re.findall(r"(?m)^- (.+)$", pages["colofon"]["body"])
    assert len(editors) == 8 and "J. Rözer" in editors and "L. Veldboer" in editors
    intro = pages["inleiding"]["body"]
    assert intro.startswith("## Een lexicon als gids")
    for link in ("[presentie](/lemma/presentie/)", "(/lemma/relationeel-sociaal-werken/)",
                 "(/lemma/samenlevingsopbouw/)", "[samenleven](/lemma/samenleven/)",
                 "(/lemma/werken-aan-institutionele-nabijheid-de-boundary-spanner/)"):
        assert link in intro
    assert "(red.)" not in intro


def test_cross_reference_rows():
    slug_of = {r["pk"]: r["fields"]["slug"] for r in rows("lemma")}
    refs = {(slug_of[r["fields"]["source"]], slug_of[r["fields"]["target"]], r["fields"]["kind"]) for r in rows("crossreference")}
    assert ("samenlevingsopbouw", "sociale-basis", "zie-ook") in refs
    assert all(s != t for s, t, _ in refs)


def test_authors_have_sort_names_and_unique_slugs():
    authors = rows("author")
    assert len({a["fields"]["slug"] for a in authors}) == len(authors)
    lans = [a for a in authors if a["fields"]["name"] == "Renske van der Zwet"][0]
    assert lans["fields"]["sort_name"] == "Zwet, Renske van der"


@needs_wordlist
def test_quality_targets_are_met():
    """No header, line-end hyphen or é-for-ë left; unknown words (names and English aside) below 1%."""
    from lexicon.importer import quality, wordlist
    wl = wordlist.load()
    reports = [quality.measure(slug, "", body, wl) for slug, body in TEXTS]
    total = quality.total(reports)
    assert total.header_fragments == 0
    assert total.hyphen_candidates == 0
    assert total.e_acute_suspects == []
    assert total.stray == 0
    assert total.rate_after_other < 0.01
