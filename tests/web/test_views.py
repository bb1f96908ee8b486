"""What a reader sees on each public page."""
import re
from datetime import datetime, timezone

import pytest
from django.urls import set_script_prefix

from lexicon.content.models import Author, Lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon():
    sociaal, geo, *_ = make_clusters()
    make_pages()
    engbersen = make_author("Radboud Engbersen", slug="radboud-engbersen")
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    basis = make_lemma(
        "Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[engbersen, lans], order=1,
        lead="Sociale basis is een beleidsconcept.", published_at=datetime(2022, 6, 1, tzinfo=timezone.utc),
        body="Sociale basis is een beleidsconcept.\n\n## Wat is de sociale basis?\n\nTekst.\n\n## Cliënten en wijk\n\nMeer.",
    )
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, authors=[engbersen], order=2)
    leefbaarheid = make_lemma("Leefbaarheid", slug="leefbaarheid", cluster=geo, order=3)
    geheim = make_lemma("Geheim concept", slug="geheim-concept", cluster=geo, order=4, status=Lemma.Status.DRAFT)
    make_ref(basis, vertrouwen)
    make_ref(leefbaarheid, basis)
    make_ref(geheim, basis)
    return {"basis": basis, "vertrouwen": vertrouwen, "leefbaarheid": leefbaarheid, "geheim": geheim}


def test_home_lists_clusters_with_published_lemmas_only(client, lexicon):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="nl"' in html
    names = ["Sociale nabijheid", "Geografische nabijheid", "Professionele nabijheid", "Institutionele nabijheid"]
    positions = [html.index(f">{name}</a>") for name in names]
    assert positions == sorted(positions), "clusters in the book's order"
    assert "Sociale basis" in html and "Leefbaarheid" in html
    assert "Geheim concept" not in html
    assert 'role="search"' in html


def test_lemma_page_shows_everything_a_reader_needs(client, lexicon):
    response = client.get("/lemma/sociale-basis/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Sociale basis" in html
    assert 'href="/auteurs/radboud-engbersen/"' in html
    assert "Radboud Engbersen</a> en <a" in html
    assert 'href="/clusters/sociaal/"' in html
    # table of contents with stable anchors that exist in the body
    assert 'href="#wat-is-de-sociale-basis"' in html and 'id="wat-is-de-sociale-basis"' in html
    assert 'href="#clienten-en-wijk"' in html and 'id="clienten-en-wijk"' in html
    # relations: "Zie ook" to Vertrouwen, "Genoemd in" from Leefbaarheid, not from the draft
    assert "Zie ook" in html and 'href="/lemma/vertrouwen/"' in html
    assert "Genoemd in" in html and 'href="/lemma/leefbaarheid/"' in html
    assert "geheim-concept" not in html
    # previous/next in book order and reading time
    assert 'rel="next" href="/lemma/vertrouwen/"' in html
    assert "minuut leestijd" in html
    # APA citation, Dutch conventions
    assert "Engbersen, R., &amp; Lans, J. van der (2022). Sociale basis. In L. Veldboer" in html
    assert "(Red.), <cite>Lexicon nabijheid en sociaal werk</cite>" in html


def test_lemma_added_after_the_book_is_cited_with_its_own_year(client, lexicon):
    html = client.get("/lemma/vertrouwen/").content.decode()
    year = lexicon["vertrouwen"].published_at.year
    assert f"Engbersen, R. ({year}). Vertrouwen." in html


def test_draft_is_404_for_public_and_preview_for_staff(client, admin_client, lexicon):
    response = client.get("/lemma/geheim-concept/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    preview = admin_client.get("/lemma/geheim-concept/")
    assert preview.status_code == 200
    assert "Voorvertoning" in preview.content.decode()


def test_unknown_lemma_is_dutch_404(client, db):
    response = client.get("/lemma/niet-bestaand/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and 'lang="nl"' in html


def test_cluster_page_lists_its_lemmas_in_book_order(client, lexicon):
    html = client.get("/clusters/sociaal/").content.decode()
    assert html.index("Sociale basis") < html.index("Vertrouwen")
    assert "Leefbaarheid" not in html.split("Andere clusters")[0]
    assert client.get("/clusters/bestaat-niet/").status_code == 404


def test_a_z_groups_by_letter_and_filters(client, lexicon):
    html = client.get("/a-z/").content.decode()
    assert 'id="letter-L"' in html and 'id="letter-S"' in html
    assert "Geheim concept" not in html
    filtered = client.get("/a-z/?letter=v").content.decode()
    assert "Vertrouwen" in filtered and "Leefbaarheid" not in filtered
    # an unknown letter falls back to the full list rather than an error
    assert client.get("/a-z/?letter=%00").status_code == 200


@pytest.mark.parametrize("url", ["/a-z/", "/clusters/sociaal/", "/auteurs/"])
@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1e9", "%00"])
def test_bad_page_parameter_is_not_an_error(client, lexicon, url, page):
    response = client.get(f"{url}?page={page}")
    assert response.status_code == 200


def test_authors_sorted_on_surname_without_particles(client, lexicon):
    html = client.get("/auteurs/").content.decode()
    assert "Engbersen, Radboud" in html and "Lans, Jos van der" in html
    assert html.index("Engbersen, Radboud") < html.index("Lans, Jos van der")
    assert 'id="authors-L"' in html


def test_author_list_links_each_author_with_affiliation(client, lexicon):
    make_author("Ann de Wit", slug="ann-de-wit", affiliation="Hogeschool & Lectoraat")
    make_lemma("Wijkteam", slug="wijkteam", authors=[Author.objects.get(slug="ann-de-wit")])
    html = client.get("/auteurs/").content.decode()
    assert '<li><a href="/auteurs/radboud-engbersen/">Engbersen, Radboud</a></li>' in html
    assert '<li><a href="/auteurs/ann-de-wit/">Wit, Ann de</a> <span class="muted">Hogeschool &amp; Lectoraat</span></li>' in html


def test_lemma_cards_show_title_subtitle_authors_in_order_and_cluster(client, lexicon):
    """The same card on the A-Z, cluster and author pages: authors in the lemma's order (not by name),
    'redactie' when there are none, the cluster where the page mixes clusters."""
    lans = Author.objects.get(slug="jos-van-der-lans")
    smit = make_author("Smit & Zonen", slug="smit-zonen")
    make_lemma("Wijkteam", slug="wijkteam", subtitle="Samen <in> de wijk", lead="Een team in de wijk.",
               authors=[lans, smit, Author.objects.get(slug="radboud-engbersen")])
    card = ('<li class="lemma-card">\n  <a class="lemma-card-title" href="/lemma/wijkteam/">Wijkteam</a>\n'
            '  <span class="lemma-card-subtitle">Samen &lt;in&gt; de wijk</span>\n'
            '  <span class="lemma-card-lead">Een team in de wijk.</span>\n'
            '  <span class="lemma-card-meta">Jos van der Lans, Smit &amp; Zonen, Radboud Engbersen{}</span>\n</li>')
    for url in ["/a-z/", "/a-z/?letter=W", "/auteurs/smit-zonen/"]:
        assert card.format(" · Sociale nabijheid") in client.get(url).content.decode(), url
    assert card.format("") in client.get("/clusters/sociaal/").content.decode()
    no_authors = re.compile(r'<a class="lemma-card-title" href="/lemma/leefbaarheid/">Leefbaarheid</a>\s*'
                            r'(<span class="lemma-card-lead">[^<]*</span>\s*)?<span class="lemma-card-meta">redactie · Geografische nabijheid</span>')
    assert no_authors.search(client.get("/a-z/?letter=L").content.decode())


def test_list_links_follow_the_script_prefix(client, lexicon):
    """Served under a sub-path (SCRIPT_NAME /lexicon), list pages link inside it like every other page.
    (The test client does not set the prefix from SCRIPT_NAME as the WSGI handler does.)"""
    set_script_prefix("/lexicon/")
    try:
        for url, link in [("/a-z/", "/lexicon/lemma/sociale-basis/"), ("/clusters/sociaal/", "/lexicon/lemma/vertrouwen/"),
                          ("/auteurs/radboud-engbersen/", "/lexicon/lemma/vertrouwen/"),
                          ("/auteurs/", "/lexicon/auteurs/jos-van-der-lans/")]:
            html = client.get(url).content.decode()
            assert f'href="{link}"' in html, url
    finally:
        set_script_prefix("/")


def test_author_page_lists_published_lemmas(client, lexicon):
    html = client.get("/auteurs/radboud-engbersen/").content.decode()
    assert "Sociale basis" in html and "Vertrouwen" in html
    assert client.get("/auteurs/niemand/").status_code == 404


@pytest.mark.parametrize("slug,text", [("voorwoord", "Begin jaren zeventig"), ("inleiding", "kernbegrip"), ("colofon", "Veldboer")])
def test_front_matter_pages(client, lexicon, slug, text):
    response = client.get(f"/over/{slug}/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_every_page_has_skip_link_and_landmarks(client, lexicon):
    for url in ["/", "/lemma/sociale-basis/", "/a-z/", "/auteurs/", "/clusters/sociaal/", "/over/inleiding/"]:
        html = client.get(url).content.decode()
        assert 'class="skip-link" href="#inhoud"' in html, url
        assert '<main id="inhoud"' in html and "<header" in html and "<footer" in html and "<nav" in html, url


def test_admin_is_at_beheer(client, db):
    response = client.get("/beheer/")
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
