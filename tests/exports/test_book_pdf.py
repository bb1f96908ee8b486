"""The book and a lemma as PDF, read back with pypdf as a reader's PDF viewer would."""
import io
import re

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from lexicon.exports import book, generation, pdf  # noqa: E402


def _reader(data):
    return pypdf.PdfReader(io.BytesIO(data))


def _outline_titles(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield item.title


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def built(rendered_once):
    """(PDF reader of the whole book, its version) made once for this module."""
    def render(_lexicon):
        gen = generation.compute()
        return pdf.render_pdf(book.whole_book(gen)), gen.key

    data, key = rendered_once(render)
    return _reader(data), key


@pytest.fixture
def whole(built):
    return built[0]


def test_the_book_has_a_title_page_contents_and_a_page_per_chapter_start(whole, built):
    # title page, contents, 2 front pages, per cluster a part page, 3 lemmas, colofon, edition
    assert len(whole.pages) >= 11
    first = whole.pages[0].extract_text()
    assert "Lexicon nabijheid en sociaal werk" in first
    assert f"Versie {built[1]}" in first
    contents = whole.pages[1].extract_text()
    assert "Inhoud" in contents
    for title in ["Voorwoord", "Sociale nabijheid", "Sociale basis", "Presentie", "Buurtteams", "Colofon"]:
        assert title in contents


def test_the_contents_gives_the_page_a_chapter_starts_on(whole):
    contents = whole.pages[1].extract_text()
    number = int(re.search(r"Buurtteams\W*?(\d+)", contents).group(1))
    assert "Buurtteams werken wijkgericht" not in whole.pages[number - 2].extract_text()
    assert "Buurtteams werken wijkgericht" in whole.pages[number - 1].extract_text()


def test_pages_are_numbered(whole):
    assert re.search(r"(^|\n)\s*5\s*($|\n)", whole.pages[4].extract_text())


def test_the_outline_holds_clusters_lemmas_and_their_sections(whole):
    titles = list(_outline_titles(whole.outline))
    for title in ["Inhoud", "Voorwoord", "Sociale nabijheid", "Sociale basis", "Geschiedenis van de sociale basis",
                  "Geografische nabijheid", "Buurtteams", "Werkwijze", "Colofon"]:
        assert title in titles
    assert titles.index("Sociale nabijheid") < titles.index("Sociale basis") < titles.index("Geografische nabijheid")


def test_lemma_text_notes_and_citation_are_in_the_book_but_no_drafts(whole):
    text = _text(whole)
    assert "Sociaal werkers ontmoeten bewoners" in text
    assert "Een tweede noot, over buurthuizen." in text
    assert "Hoe te citeren" in text and "Lexicon nabijheid en sociaal werk" in text
    assert "kwartiermaken" not in text and "Geheim concept" not in text


def _link_targets(reader):
    """(page index of the link, page index of its target) for every internal link."""
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    named = reader.named_destinations
    out = []
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot.get("/Dest")
            action = annot.get("/A")
            if dest is None and action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            if dest is None:
                continue
            if isinstance(dest, (str, bytes)) or hasattr(dest, "original_bytes"):
                dest = named[str(dest)].page
            else:
                dest = dest[0]
            out.append((i, pages[dest.get_object().indirect_reference.idnum]))
    return out


def test_internal_links_go_to_pages_of_the_book(whole):
    links = _link_targets(whole)
    contents_links = [target for source, target in links if source == 1]
    assert len(contents_links) >= 8  # every contents entry is a link
    assert all(target > 1 for target in contents_links)
    # The wiki link from Sociale basis to Buurtteams lands on the Buurtteams chapter.
    text = [page.extract_text() for page in whole.pages]
    start_a = next(i for i, t in enumerate(text) if "Nabijheid begint in de buurt" in t)
    start_b = next(i for i, t in enumerate(text) if "Buurtteams werken wijkgericht" in t)
    assert any(source == start_a and target == start_b for source, target in links)


def test_a_lemma_pdf_is_that_lemma_with_its_citation_and_links_to_the_site(small_lexicon, settings):
    lemma = small_lexicon["sociale-basis"]
    reader = _reader(pdf.render_pdf(book.single_lemma(lemma, generation.current())))
    text = _text(reader)
    assert "Sociale basis" in text and "Jos van der Lans" in text
    assert "Sociaal werkers ontmoeten bewoners" in text
    assert "Buurtteams werken wijkgericht" not in text  # another lemma is a link, not a chapter
    assert "Sociale basis" in reader.pages[0].extract_text() and "Hoe te citeren" in text  # no title page
    assert "/lemma/sociale-basis/" in text
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots") or []
            if a.get_object().get("/A") and a.get_object()["/A"].get("/S") == "/URI"]
    assert f"{settings.SITE_URL}/lemma/buurtteams/" in uris
    assert f"{settings.SITE_URL}/lemma/buurtteams/#werkwijze" in uris


def test_a_route_of_sections_keeps_only_those_sections_and_their_notes(small_lexicon):
    items = [(small_lexicon["sociale-basis"], ["geschiedenis-van-de-sociale-basis"]), small_lexicon["buurtteams"]]
    route = book.from_items("Leesroute buurt", items, generation.current())
    text = _text(_reader(pdf.render_pdf(route)))
    assert "Sociaal werkers ontmoeten bewoners" in text and "Een tweede noot" in text
    assert "De sociale basis vraagt om vertrouwen" not in text and "Een eerste noot" not in text
    assert "Buurtteams werken wijkgericht" in text


def test_a_reading_route_as_pdf_has_its_steps_in_order_and_only_published_lemmas(small_lexicon):
    from lexicon.exports import builder
    from tests.helpers.routes import make_route

    route = make_route("Leesroute buurt", audience="Hbo Social Work, jaar 2", steps=[
        small_lexicon["buurtteams"], (small_lexicon["sociale-basis"], "geschiedenis-van-de-sociale-basis"),
        small_lexicon["geheim"],
    ])
    text = _text(_reader(pdf.render_pdf(builder.route_book(route, generation.current()))))
    assert "Leesroute voor Hbo Social Work, jaar 2" in text
    assert text.index("Buurtteams werken wijkgericht") < text.index("Sociaal werkers ontmoeten bewoners")
    assert "De sociale basis vraagt om vertrouwen" not in text  # only the step's section
    assert "kwartiermaken" not in text  # a draft lemma's step is left out
