"""Dutch full-text search as a student uses it: /zoeken/ and /api/zoeken."""
import pytest
from django.core.management import call_command

from lexicon.content.models import Lemma, Source, SourceSection
from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon(django_capture_on_commit_callbacks):
    sociaal, geo, prof, _inst = make_clusters()
    engbersen = make_author("Radboud Engbersen", slug="radboud-engbersen")
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    with django_capture_on_commit_callbacks(execute=True):
        lemmas = {
            "buurt": make_lemma(
                "Buurt", slug="buurt", cluster=geo, authors=[engbersen], alternative_terms="wijk, stadsdeel",
                lead="De buurt als plek van ontmoeting.",
                body="De buurt is de schaal van het dagelijks leven.\n\n"
                     "## Buurten in de stad\n\nIn veel buurten wonen mensen langs elkaar heen.\n\n"
                     "## Segregatie\n\nRuimtelijke segregatie scheidt arm en rijk.",
            ),
            "clienten": make_lemma(
                "Cliëntenparticipatie", slug="clientenparticipatie", cluster=prof, authors=[lans],
                body="Cliënten praten mee over de zorg.\n\n## Het keukentafelgesprek\n\n"
                     "Aan de keukentafel bespreekt de consulent met cliënten wat nodig is.",
            ),
            "ervaring": make_lemma(
                "Ervaringsdeskundigheid", slug="ervaringsdeskundigheid", cluster=prof, authors=[lans, engbersen],
                body="Een ervaringsdeskundige zet eigen ervaring in.\n\n## Eenzaamheid\n\n"
                     "Eenzaamheid is een thema waar ervaringsdeskundigen veel over weten. "
                     "Eén op de tien mensen voelt zich eenzaam.",
            ),
            "nabijheid": make_lemma(
                "Nabijheid", slug="nabijheid", cluster=sociaal, authors=[engbersen],
                body="Nabijheid in de buurt en in het sociaal werk. De sociale basis is dichtbij.",
            ),
            "concept": make_lemma(
                "Geheime buurtaanpak", slug="geheime-buurtaanpak", cluster=geo, status=Lemma.Status.DRAFT,
                body="Een concept over buurten dat niemand mag zien.",
            ),
        }
        source = Source.objects.create(title="Nabij is beter", slug="nabij-is-beter", authors="Hilhorst en Van der Lans")
        SourceSection.objects.create(source=source, order=1, title="Terug naar de buurt", anchor="terug-naar-de-buurt",
                                     body="Sociale wijkteams werken in de buurt, dichtbij bewoners.")
    return lemmas


def api(client, **params):
    response = client.get("/api/zoeken", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [r["title"] for r in data["results"]]


def test_dutch_stemming_buurten_finds_buurt(client, lexicon):
    data = api(client, q="buurten")
    assert "Buurt" in titles(data)
    assert "Geheime buurtaanpak" not in titles(data)  # drafts are never indexed
    assert data["total"] == len(data["results"])


def test_accent_folding_clienten_finds_clienten(client, lexicon):
    assert "Cliëntenparticipatie" in titles(api(client, q="clienten"))
    assert "Cliëntenparticipatie" in titles(api(client, q="cliënten"))


def test_compound_and_derived_forms(client, lexicon):
    assert titles(api(client, q="ervaringsdeskundige"))[0] == "Ervaringsdeskundigheid"
    data = api(client, q="keukentafelgesprek")
    hit = next(r for r in data["results"] if r["title"] == "Cliëntenparticipatie")
    assert hit["section"] == "Het keukentafelgesprek"
    assert hit["section_url"].endswith("/lemma/clientenparticipatie/#het-keukentafelgesprek")


def test_een_with_accents_is_not_a_stop_word(client, lexicon):
    # "één" must not be folded into the stop word "een" before stop words are removed.
    assert "Ervaringsdeskundigheid" in titles(api(client, q="één"))


def test_title_match_ranks_first(client, lexicon):
    data = api(client, q="nabijheid")
    assert data["results"][0]["title"] == "Nabijheid"
    data = api(client, q="buurt")
    assert data["results"][0]["title"] == "Buurt"


def test_alternative_terms_are_searchable(client, lexicon):
    assert titles(api(client, q="stadsdeel"))[0] == "Buurt"


def test_section_deep_link_lands_on_the_heading(client, lexicon):
    data = api(client, q="segregatie")
    hit = data["results"][0]
    assert hit["title"] == "Buurt" and hit["section"] == "Segregatie"
    url = hit["section_url"].split("testserver")[1]
    path, anchor = url.split("#")
    page = client.get(path).content.decode()
    assert f'id="{anchor}"' in page


def test_snippets_are_highlighted_with_dutch_analysis(client, lexicon):
    data = api(client, q="buurten")
    hit = next(r for r in data["results"] if r["title"] == "Buurt")
    snippet = " ".join([hit["snippet"]] + [s["snippet"] for s in hit["sections"]])
    assert "<mark>buurten</mark>" in snippet.lower() or "<mark>buurt</mark>" in snippet.lower()


def test_phrase_query(client, lexicon):
    assert "Nabijheid" in titles(api(client, q='"sociale basis"'))
    assert titles(api(client, q='"basis sociale"')) == []


def test_sources_are_labelled_as_bron(client, lexicon):
    data = api(client, q="wijkteams")
    assert data["results"][0]["kind"] == "bron"
    html = client.get("/zoeken/", {"q": "wijkteams"}).content.decode()
    assert "Bron" in html and "Terug naar de buurt" in html and "Nabij is beter" in html


def test_cluster_and_author_filters_with_counts(client, lexicon):
    html = client.get("/zoeken/", {"q": "buurt"}).content.decode()
    assert "Geografische nabijheid" in html and "(1)" in html
    data = api(client, q="cliënten", cluster="professioneel")
    assert data["total"] >= 1
    data = api(client, q="buurt", cluster="professioneel")
    assert data["total"] == 0
    assert "Buurt" in titles(api(client, q="buurt", auteur="radboud-engbersen"))
    assert "Buurt" not in titles(api(client, q="buurt", auteur="jos-van-der-lans"))


def test_a_misspelled_query_searches_the_correction_and_says_so(client, lexicon):
    data = api(client, q="eenzaamhied")
    assert data["searched"] == "eenzaamheid"
    assert "Ervaringsdeskundigheid" in titles(data)
    html = client.get("/zoeken/", {"q": "segragatie"}).content.decode()
    assert "Resultaten voor" in html and "segregatie" in html
    assert "Zoek in plaats daarvan naar" in html and "precies=1" in html
    # The reader insists on the typed word: no correction searched, the suggestion offered.
    exact = api(client, q="segragatie", precies="1")
    assert exact["total"] == 0 and exact["searched"] is None and exact["suggestion"] == "segregatie"
    html = client.get("/zoeken/", {"q": "segragatie", "precies": "1"}).content.decode()
    assert "Bedoelde u" in html and "segregatie" in html


def test_html_page_without_javascript(client, lexicon):
    response = client.get("/zoeken/", {"q": "buurten"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/lemma/buurt/"' in html
    assert 'href="/lemma/buurt/#buurten-in-de-stad"' in html
    assert "<mark>" in html
    assert "Geheime buurtaanpak" not in html


@pytest.mark.parametrize("q", ['"', "AND OR", "*", "(", ")", "OR", "NOT", "a:b", "[", "{}", "~", "^2", "\\", "-",
                               "buurt AND", "\x00\x01", "é" * 10, "buurt)(", "title:buurt", "'"])
def test_query_syntax_never_breaks(client, lexicon, q):
    for url in ("/zoeken/", "/api/zoeken"):
        response = client.get(url, {"q": q})
        assert response.status_code in (200, 400)
    assert "Zoeken" in client.get("/zoeken/", {"q": q}).content.decode()


def test_huge_and_binary_input_gets_a_dutch_message(client, lexicon):
    response = client.get("/zoeken/", {"q": "buurt " * 2000})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    response = client.get("/api/zoeken", {"q": "x" * 10000})
    assert response.status_code == 400 and "te lang" in response.json()["fout"]
    response = client.get("/zoeken/?q=%FF%FE%00%C3%28buurt")
    assert response.status_code in (200, 400)
    response = client.get("/api/zoeken?q=%FF%FE%00")
    assert response.status_code in (200, 400)


def test_empty_query(client, lexicon):
    response = client.get("/zoeken/", {"q": "   "})
    assert response.status_code == 200
    assert "Typ een woord" in response.content.decode()
    assert client.get("/zoeken/").status_code == 200
    assert client.get("/api/zoeken").status_code == 400


def test_pagination_and_garbage_parameters(client, django_capture_on_commit_callbacks):
    geo = make_clusters()[1]
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(23):
            make_lemma(f"Wijkaanpak {i}", cluster=geo, body=f"Over de wijk, deel {i}.")
    first = api(client, q="wijk")
    assert first["total"] == 23 and len(first["results"]) == 10 and first["num_pages"] == 3
    third = api(client, q="wijk", page="3")
    assert len(third["results"]) == 3
    seen = {r["url"] for r in first["results"]} | {r["url"] for r in api(client, q="wijk", page=2)["results"]}
    assert len(seen | {r["url"] for r in third["results"]}) == 23
    for page in ("abc", "-1", "0", "99999", "1e9", "%00"):
        assert client.get("/zoeken/", {"q": "wijk", "page": page}).status_code == 200
    assert api(client, q="wijk", page="99999")["page"] == 3
    for garbage in ("<script>", "'; drop table", "x" * 500, "\x00"):
        assert client.get("/zoeken/", {"q": "wijk", "cluster": garbage, "auteur": garbage}).status_code == 200
    html = client.get("/zoeken/", {"q": "wijk", "page": "2"}).content.decode()
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_rebuild_index_restores_everything_from_the_database(client, lexicon, settings, tmp_path):
    call_command("clear_index", interactive=False, verbosity=0)
    assert api(client, q="buurten")["total"] == 0
    call_command("rebuild_index", interactive=False, verbosity=0)
    data = api(client, q="keukentafelgesprek")
    assert data["results"][0]["section"] == "Het keukentafelgesprek"
    assert "Geheime buurtaanpak" not in titles(api(client, q="buurten"))


def test_rebuild_index_from_empty_var_directory(client, lexicon, settings, tmp_path):
    from haystack import connections

    target = tmp_path / "fresh" / "var" / "whoosh_index"
    connections.connections_info["default"]["PATH"] = str(target)
    connections.thread_local.connections = {}
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert target.is_dir()
    assert "Buurt" in titles(api(client, q="buurten"))


def test_rebuilt_index_is_one_segment_and_finds_the_same(client, lexicon, settings):
    """Haystack writes a segment per batch and model; the rebuild merges them (a search then
    builds its matchers once instead of once per segment) without losing a document."""
    from whoosh.index import open_dir

    before = {q: titles(api(client, q=q)) for q in ("buurten", "keukentafelgesprek", "vertrouwen")}
    call_command("rebuild_index", interactive=False, verbosity=0, batchsize=1)  # many batches, many segments
    index = open_dir(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    assert len(index._segments()) == 1
    index.close()
    assert {q: titles(api(client, q=q)) for q in before} == before


def test_api_contract(client, lexicon):
    data = api(client, q="buurten")
    assert {"results", "total", "suggestion"} <= set(data)
    for result in data["results"]:
        assert {"title", "url", "cluster", "section", "snippet", "score"} <= set(result)
        assert result["url"].startswith("http://testserver/")
        assert isinstance(result["score"], float)


def test_markup_in_text_and_query_is_escaped(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_lemma("Wantrouwen", slug="wantrouwen",
                   body="Wantrouwen <script>alert('x')</script> en <img src=x onerror=alert(1)> wantrouwen.")
    html = client.get("/zoeken/", {"q": "wantrouwen <script>alert(1)</script>"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    html = client.get("/zoeken/", {"q": "wantrouwen"}).content.decode()
    assert "<mark>Wantrouwen</mark>" in html or "<mark>wantrouwen</mark>" in html
    assert "<script>alert" not in html and "<img src=x" not in html
