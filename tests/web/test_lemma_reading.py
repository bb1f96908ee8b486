"""What issue 13 promised a reader, in the HTML: leads where readers choose, a lemma page that
folds its contents, names its notes and carries its previews, related lemmas in four groups, and
pages light enough for a phone (the real lexicon)."""
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from lexicon.content.models import Lemma, RelatedChoice
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"
MAX_HTML_BYTES = 150 * 1024
LONG_LEAD = ("Maatwerk betekent dat hulp en ondersteuning worden afgestemd op wat iemand nodig heeft in plaats van "
             "op wat het aanbod toevallig is. Het begrip kreeg een wettelijke basis in de Wmo van 2015 en is sindsdien "
             "overal in het sociaal domein te horen, van de keukentafel tot de gemeenteraad en de rechtszaal.")


@pytest.fixture
def lexicon():
    sociaal, geo, *_ = make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    maatwerk = make_lemma(
        "Maatwerk", slug="maatwerk", cluster=sociaal, authors=[author], order=1, lead=LONG_LEAD,
        body=(f"{LONG_LEAD}\n\n## Herkomst\n\nZie ook [[Presentie]] en de noot.[^1]\n\n## Kritiek\n\nTekst.\n\n"
              "[^1]: Zie <https://www.rijksoverheid.nl/onderwerpen/zorg-en-ondersteuning-thuis/wmo-2015>."),
    )
    presentie = make_lemma("Presentie", slug="presentie", cluster=geo, order=2,
                           lead="Presentie is er zijn voor de ander. Het vraagt tijd.")
    buren = make_lemma("Burenhulp", slug="burenhulp", cluster=sociaal, order=3, lead="Burenhulp is hulp van buren.")
    draft = make_lemma("Geheim", slug="geheim", cluster=sociaal, order=4, lead="Nog niet af.", status=Lemma.Status.DRAFT)
    make_ref(maatwerk, presentie)
    make_ref(buren, maatwerk)
    return {"maatwerk": maatwerk, "presentie": presentie, "buren": buren, "draft": draft}


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", ["/", "/clusters/sociaal/", "/a-z/", "/auteurs/jos-van-der-lans/"])
def test_lists_show_what_a_lemma_is_about_shortened_between_words(client, lexicon, url):
    html = _html(client, url)
    shown = re.search(r"Maatwerk betekent dat hulp[^<]*", html).group(0)
    assert shown.endswith("…") and len(shown) < len(LONG_LEAD)
    kept = shown.rstrip("… ")
    assert LONG_LEAD.startswith(kept) and LONG_LEAD[len(kept)] == " "


def test_search_results_show_the_lead_beside_where_the_words_occur(client, lexicon):
    call_command("rebuild_index", interactive=False, verbosity=0)
    html = _html(client, "/zoeken/?q=keukentafel")
    assert re.search(r'class="result-lead">Maatwerk betekent dat hulp[^<]*…</p>', html)


def test_the_lemma_page_folds_its_contents_and_lists_the_notes(client, lexicon):
    html = _html(client, "/lemma/maatwerk/")
    details = re.search(r"<details id=\"inhoudsopgave\"[^>]*>", html).group(0)
    assert " open" not in details  # folded without JavaScript; lemma-toc.js opens it on a desktop
    assert 'href="#herkomst"' in html and 'href="#noten"' in html
    assert '<h2 id="noten">Noten</h2>' in html
    assert 'class="toc-jump" href="#inhoudsopgave"' in html
    assert re.search(r">rijksoverheid.nl/onderwerpen/[^<]*…</a>", html)
    assert ">https://www.rijksoverheid.nl" not in html


def test_previews_carry_title_cluster_and_lead_of_linked_lemmas_only_published(client, lexicon):
    html = _html(client, "/lemma/maatwerk/")
    block = json.loads(re.search(r'<script id="lemma-previews" type="application/json">(.*?)</script>', html, re.S).group(1))
    data = block["lemmas"]
    assert block["labels"]["read"] == "Lees het lemma"
    assert data["/lemma/presentie/"] == {"title": "Presentie", "cluster": "Geografische nabijheid",
                                        "clusterSlug": "geografisch", "lead": "Presentie is er zijn voor de ander. Het vraagt tijd."}
    assert "/lemma/geheim/" not in data and "/lemma/maatwerk/" not in data


def test_related_lemmas_come_in_groups_before_the_text_on_a_desktop_and_after_the_lead_on_a_phone(client, lexicon):
    html = _html(client, "/lemma/maatwerk/")
    side = re.search(r'<section class="related related-side".*?</section>', html, re.S).group(0)
    assert "Zie ook" in side and 'href="/lemma/presentie/"' in side
    assert "Genoemd in" in side and 'href="/lemma/burenhulp/"' in side
    assert "/lemma/geheim/" not in side
    assert html.index("related-side") < html.index("lemma-body")
    inline = html.index("related-inline")
    assert html.index(LONG_LEAD[:40]) < inline < html.index('id="herkomst"')


def test_an_editor_pin_shows_under_verwant(client, lexicon):
    other = make_lemma("Sociale teams", slug="sociale-teams", cluster=lexicon["presentie"].cluster, order=5, lead="Teams.")
    RelatedChoice.objects.create(lemma=lexicon["maatwerk"], other=other)
    side = re.search(r'<section class="related related-side".*?</section>', _html(client, "/lemma/maatwerk/"), re.S).group(0)
    verwant = side[side.index(">Verwant<"):]
    assert 'href="/lemma/sociale-teams/"' in verwant


def test_the_relation_map_names_the_current_lemma(client, lexicon):
    html = _html(client, "/lemma/maatwerk/")
    assert re.search(r'<g class="rm-node rm-current[^"]*">.*?<text class="rm-current-label"[^>]*>Maatwerk</text>', html, re.S)


@pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/lexicon.json not generated yet")
def test_no_page_of_the_real_lexicon_is_heavier_than_150_kb(client):
    call_command("loaddata", str(FIXTURE), verbosity=0)
    urls = ["/", "/a-z/", "/auteurs/", *(lemma.get_absolute_url() for lemma in Lemma.objects.published()),
            *(f"/clusters/{slug}/" for slug in Lemma.objects.values_list("cluster__slug", flat=True).distinct())]
    sizes = {url: len(client.get(url).content) for url in urls}
    assert max(sizes.values()) <= MAX_HTML_BYTES, sorted(sizes.items(), key=lambda item: -item[1])[:3]


def test_hiding_a_related_lemma_takes_effect_at_once(client, lexicon):
    """The related lemmas are cached per content generation; an editor's choice starts a new one."""
    make_lemma("Sociale teams", slug="sociale-teams", cluster=lexicon["presentie"].cluster, order=5, lead="Teams.")

    def verwant():
        side = re.search(r'<section class="related related-side".*?</section>', _html(client, "/lemma/maatwerk/"), re.S).group(0)
        return re.findall(r'href="/lemma/([\w-]+)/"', side.split(">Verwant<")[1].split("</ul>")[0]) if ">Verwant<" in side else []

    shown = verwant()
    assert shown
    RelatedChoice.objects.create(lemma=lexicon["maatwerk"], other=Lemma.objects.get(slug=shown[0]),
                                 mode=RelatedChoice.Mode.HIDE)
    assert shown[0] not in verwant()
