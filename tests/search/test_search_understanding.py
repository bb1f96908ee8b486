"""Search that never leaves a student empty-handed (issue 12): typos, compounds, questions,
English terms, synonyms from the admin, what is indexed, the results page and the API."""
import pytest

from lexicon.content.models import Lemma, Page, Source, SourceSection
from lexicon.search.models import Synonym
from tests.helpers.factories import make_author, make_clusters, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(django_capture_on_commit_callbacks):
    sociaal, geo, prof, inst = make_clusters()
    machielse = make_author("Anja Machielse", slug="anja-machielse")
    with django_capture_on_commit_callbacks(execute=True):
        lemmas = {
            "eenzaamheid": make_lemma(
                "Eenzaamheid", slug="eenzaamheid", cluster=sociaal, authors=[machielse],
                lead="Eenzaamheid staat hoog op de politieke agenda.",
                body="Bij ouderen is vaker sprake van eenzaamheid door het verlies van relaties.\n\n"
                     "## Tegengaan\n\nOntmoetingen zijn niet altijd een oplossing tegen eenzaamheid.",
            ),
            "opbouw": make_lemma(
                "Samenlevingsopbouw", slug="samenlevingsopbouw", cluster=prof,
                body="Samenlevingsopbouw versterkt gemeenschappen. Er werken buurtteammedewerkers en "
                     "opbouwwerkers.\n\n## Geschiedenis\n\nNa de oorlog kwam het opbouwwerk op.",
            ),
            "teams": make_lemma(
                "Sociale teams", slug="sociale-teams", cluster=prof,
                body="Sociale teams werken in de wijk met inwoners.\n\n## Werkwijze\n\nHet keukentafelgesprek.",
            ),
            "thuis": make_lemma(
                "Zorg thuis", slug="zorg-thuis", cluster=inst,
                body="Mensen blijven langer wonen in hun eigen huis.\n\n"
                     "*(De figuur is bij de digitalisering verloren gegaan; de redactie heeft de inhoud "
                     "uit de tekst hersteld.)*\n\n## Verschuivingen\n\nDe langdurige ondersteuning verandert.",
            ),
            "wederkerigheid": make_lemma(
                "Wederkerigheid", slug="wederkerigheid", cluster=sociaal,
                body="In relaties geven en ontvangen mensen.\n\n## Balans\n\n"
                     "Vooral in langdurige mantelzorgrelaties raakt de balans zoek; mantelzorg is zwaar.",
            ),
            "ouders": make_lemma(
                "Opvoeden", slug="opvoeden", cluster=sociaal,
                body="Ouders staan er in de opvoeding niet alleen voor.\n\n## Steun\n\nBuren helpen ouders.",
            ),
            "concept": make_lemma(
                "Geheime eenzaamheid", slug="geheime-eenzaamheid", cluster=sociaal, status=Lemma.Status.DRAFT,
                body="Een concept over eenzaamheid en loneliness dat niemand mag zien.",
            ),
        }
        Page.objects.create(slug="inleiding", title="Inleiding – over nabijheid", order=2,
                            body="Nabijheid is een kernbegrip: dichtbij mensen werken.\n\n## Vier vormen\n\nSociaal.")
        source = Source.objects.create(title="Nabij is beter", slug="nabij-is-beter", authors="Hilhorst")
        SourceSection.objects.create(source=source, order=1, title="Noten", anchor="noten",
                                     body="Over het keukentafelgesprek.\n\n{: #noot-vii }\n\nVii. Meer over wijkteams.")
    return lemmas


def api(client, **params):
    response = client.get("/api/zoeken", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [r["title"] for r in data["results"]]


def page(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response.content.decode()


# -- query understanding ---------------------------------------------------------------------

def test_a_typo_searches_the_correction_and_offers_the_typed_word(client, book):
    data = api(client, q="eenzaamheit")
    assert data["searched"] == "eenzaamheid" and titles(data)[0] == "Eenzaamheid"
    html = page(client, q="eenzaamheit")
    assert "Resultaten voor" in html and "Zoek in plaats daarvan naar" in html
    assert "Geheime eenzaamheid" not in html


def test_a_long_typo_is_found_by_fuzzy_matching_when_no_correction_helps(client, book):
    # Two edits off in a long word: the spelling correction proposes it, the search finds it.
    data = api(client, q="samenlevingsopbouwe")
    assert titles(data)[0] == "Samenlevingsopbouw"


def test_split_and_joined_compounds(client, book):
    assert titles(api(client, q="samenlevings opbouw"))[0] == "Samenlevingsopbouw"
    # "buurtteam" is inside "buurtteammedewerkers" in the text of Samenlevingsopbouw.
    assert "Samenlevingsopbouw" in titles(api(client, q="buurtteam"))
    # "thuiszorg" is written apart in a title.
    assert titles(api(client, q="thuiszorg"))[0] == "Zorg thuis"


def test_a_question_drops_its_question_words_and_finds_the_lemma(client, book):
    data = api(client, q="hoe kun je eenzaamheid bij ouderen tegengaan")
    assert titles(data)[0] == "Eenzaamheid"
    assert "Gezocht zonder de vraagwoorden" in page(client, q="hoe kun je eenzaamheid bij ouderen tegengaan")


def test_most_words_when_not_all_words_match_ranks_more_matches_first(client, book):
    data = api(client, q="eenzaamheid ouderen mantelzorg fietsenmaker")
    assert data["relaxed"] is True
    assert titles(data)[0] == "Eenzaamheid"  # two of the words, the others at most one
    assert "Geen resultaten met alle woorden" in page(client, q="eenzaamheid ouderen mantelzorg fietsenmaker")


def test_quoted_phrases_stay_exact(client, book):
    assert titles(api(client, q='"eigen huis"')) == ["Zorg thuis"]
    assert api(client, q='"huis eigen"')["total"] == 0


def test_ouderen_and_ouders_are_different_words(client, book):
    assert "Opvoeden" not in titles(api(client, q="ouderen"))
    assert "Eenzaamheid" not in titles(api(client, q="ouders"))


def test_an_english_term_finds_the_lemma_through_the_starter_synonyms(client, book):
    assert Synonym.objects.filter(terms__icontains="loneliness").exists()  # shipped by a data migration
    data = api(client, q="loneliness")
    assert titles(data) == ["Eenzaamheid"]  # never the draft that contains the word


def test_a_synonym_added_in_the_admin_applies_at_once(admin_client, client, book):
    assert api(client, q="zorgrelatie")["total"] == 0
    response = admin_client.post("/beheer/lexicon_search/synonym/add/", {
        "terms": "zorgrelatie", "lemma": book["wederkerigheid"].pk, "note": "test",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert titles(api(client, q="zorgrelatie")) == ["Wederkerigheid"]
    suggestions = client.get("/api/suggest", {"q": "zorgrel"}).json()["suggestions"]
    assert suggestions[0]["label"] == "zorgrelatie" and suggestions[0]["url"] == "/lemma/wederkerigheid/"
    # Term <-> term: a synonym group without a lemma.
    admin_client.post("/beheer/lexicon_search/synonym/add/", {"terms": "gemeenschapswerk, samenlevingsopbouw"})
    assert titles(api(client, q="gemeenschapswerk"))[0] == "Samenlevingsopbouw"


def test_a_synonym_form_needs_two_terms_or_a_lemma(admin_client, book):
    response = admin_client.post("/beheer/lexicon_search/synonym/add/", {"terms": "alleen"})
    assert response.status_code == 200 and "ten minste twee termen" in response.content.decode()
    assert not Synonym.objects.filter(terms="alleen").exists()


def test_a_synonym_pointing_at_a_draft_shows_nothing(client, book):
    Synonym.objects.create(terms="geheimpje", lemma=book["concept"])
    assert api(client, q="geheimpje")["total"] == 0


# -- what is indexed --------------------------------------------------------------------------

def test_editorial_placeholders_and_markup_are_not_indexed(client, book):
    assert "Zorg thuis" not in titles(api(client, q="digitalisering"))
    data = api(client, q="keukentafelgesprek")
    assert all("{:" not in r["snippet"] and "noot-vii" not in r["snippet"] for r in data["results"])


def test_over_pages_are_searchable_and_counted_apart(client, book):
    data = api(client, q="nabijheid")
    assert "Inleiding – over nabijheid" in titles(data)
    assert data["counts"]["pagina"] == 1
    only = api(client, q="nabijheid", soort="pagina")
    assert [r["kind"] for r in only["results"]] == ["pagina"] and only["total"] == 1


def test_source_chapters_are_titled_with_their_book(client, book):
    data = api(client, q="keukentafelgesprek", soort="bron")
    assert titles(data) == ["Nabij is beter — Noten"]


# -- results page and API ---------------------------------------------------------------------

def test_counts_per_kind_with_a_filter_on_the_page(client, book):
    html = page(client, q="keukentafelgesprek")
    assert "soort=lemma" in html and "soort=bron" in html and "Alles" in html
    assert "<details" in html and "search.js" in html


def test_passing_mentions_are_named_as_such(client, book):
    data = api(client, q="mantelzorg")
    assert [m["title"] for m in data["mentioned_in"]] == ["Wederkerigheid"]
    assert data["results"][0]["mention_only"] is True
    html = page(client, q="mantelzorg")
    assert "Geen lemma over ‘mantelzorg’; het woord komt voor in:" in html
    assert api(client, q="eenzaamheid")["mentioned_in"] == []


def test_zero_result_page_offers_a_way_on(client, book):
    html = page(client, q="qwxzv")
    assert "Geen resultaten" in html
    assert 'href="/a-z/"' in html
    assert 'href="/clusters/sociaal/"' in html and 'href="/clusters/institutioneel/"' in html


def test_autocomplete_knows_the_words_of_the_texts(client, book):
    suggestions = client.get("/api/suggest", {"q": "mantelz"}).json()["suggestions"]
    assert "mantelzorg" in [s["label"] for s in suggestions]  # no title has it: the texts (and synonyms) do
    words = {s["label"]: s for s in suggestions if s["kind"] == "word"}
    assert words["mantelzorgrelaties"]["url"] == "/zoeken/?q=mantelzorgrelaties"


def test_api_per_page_and_errors(client, book):
    data = api(client, q="eenzaamheid", per_page=1)
    assert len(data["results"]) == 1 and data["per_page"] == 1 and data["num_pages"] == data["total"]
    assert len(api(client, q="eenzaamheid", per_page=100)["results"]) == api(client, q="eenzaamheid")["total"]
    for bad in ("0", "101", "abc", "-3"):
        response = client.get("/api/zoeken", {"q": "eenzaamheid", "per_page": bad})
        assert response.status_code == 400 and "per_page" in response.json()["fout"]
    response = client.post("/api/zoeken?q=eenzaamheid")
    assert response.status_code == 405 and "fout" in response.json()
    assert client.get("/api/zoeken").json()["fout"]
    assert client.get("/api/zoeken", {"q": "eenzaamheid", "page": "abc"}).status_code == 200


def test_per_page_is_in_the_openapi_document(client):
    spec = client.get("/api/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/zoeken"]["get"]["parameters"]}
    assert params["per_page"]["schema"]["maximum"] == 100
