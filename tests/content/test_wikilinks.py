"""[[Wiki links]] between lemmas, automatic mention links, and renamed lemmas' old URLs."""
import re

import pytest

from lexicon.editorial import workflow as editorial
from lexicon.content import wikilinks
from lexicon.content.models import CrossReference, Lemma, SlugRedirect
from tests.helpers.factories import make_lemma, make_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def lemmas():
    return {
        "basis": make_lemma("Sociale basis", slug="sociale-basis", order=1),
        "vertrouwen": make_lemma("Vertrouwen", slug="vertrouwen", order=2),
        "geheim": make_lemma("Geheim concept", slug="geheim-concept", order=3, status=Lemma.Status.DRAFT),
    }


def render(lemma, body):
    lemma.body = body
    lemma.__dict__.pop("rendered", None)
    return lemma.body_html


def test_title_and_slug_links_render_as_links_with_their_label(lemmas):
    html = render(
        lemmas["vertrouwen"],
        "Zie [[Sociale basis]] en ook [[sociale-basis|de sociale basis]]; hoofdletters maken niet uit: [[SOCIALE BASIS]].",
    )
    assert html.count('href="/lemma/sociale-basis/"') == 3
    assert '>Sociale basis</a>' in html and '>de sociale basis</a>' in html
    assert "[[" not in html


def test_link_to_draft_or_missing_lemma_is_never_a_dead_link_for_readers(lemmas):
    html = render(lemmas["vertrouwen"], "Over [[Geheim concept]] en [[Bestaat niet|iets anders]].")
    assert "geheim-concept" not in html and "href" not in html
    assert "Geheim concept" in html and "iets anders" in html


def test_problems_name_missing_and_unpublished_targets_in_dutch(lemmas):
    problems = wikilinks.problems("[[Sociale basis]] [[Geheim concept]] [[Nergens]]", Lemma.objects.link_index())
    assert len(problems) == 2
    assert "Geheim concept" in problems[0] and "niet gepubliceerd" in problems[0]
    assert "[[Nergens]]" in problems[1] and "bestaat" in problems[1]


def test_links_in_code_are_left_alone(lemmas):
    body = "Schrijf `[[Sociale basis]]` voor een link.\n\n```\n[[Nergens]]\n```\n"
    assert wikilinks.problems(body, Lemma.objects.link_index()) == []
    html = render(lemmas["vertrouwen"], body)
    assert "[[Sociale basis]]" in html and 'href="/lemma/sociale-basis/"' not in html


def test_script_in_a_label_is_sanitised(lemmas):
    html = render(lemmas["vertrouwen"], '[[sociale-basis|<script>alert(1)</script>basis]] <img src=x onerror=alert(1)>')
    assert "<script" not in html and "onerror" not in html


def test_first_mention_of_a_title_is_linked_once_not_in_headings_or_existing_links(lemmas):
    body = (
        "## Vertrouwen en sociale basis\n\n"
        "Een [link](https://example.org/vertrouwen) en dan vertrouwen in de wijk. Later weer vertrouwen.\n\n"
        "De sociale basis is breed; de Sociale Basis opnieuw. Vertrouwensrelaties tellen niet."
    )
    html = render(lemmas["geheim"], body)
    assert html.count('href="/lemma/vertrouwen/"') == 1
    assert html.count('href="/lemma/sociale-basis/"') == 1
    assert '<h2 id="vertrouwen-en-sociale-basis">Vertrouwen en sociale basis</h2>' in html
    assert re.search(r'<a href="/lemma/vertrouwen/"[^>]*>vertrouwen</a> in de wijk', html)


def test_a_lemma_does_not_link_to_itself(lemmas):
    html = render(lemmas["vertrouwen"], "Vertrouwen is het onderwerp.")
    assert "href" not in html


def test_mentions_and_links_feed_genoemd_in_on_the_target(client, lemmas):
    source = make_lemma("Leefbaarheid", slug="leefbaarheid", order=4, body="Hier speelt vertrouwen mee, en [[Sociale basis]].")
    editorial.sync_mentions(source)
    kinds = set(source.outgoing_refs.values_list("target__slug", "kind"))
    assert kinds == {("vertrouwen", "vermelding"), ("sociale-basis", "vermelding")}
    html = client.get("/lemma/vertrouwen/").content.decode()
    assert "Genoemd in" in html and 'href="/lemma/leefbaarheid/"' in html
    # A mention is not a "Zie ook" of the mentioning lemma itself.
    source_page = client.get("/lemma/leefbaarheid/").content.decode()
    assert "Zie ook" not in source_page
    # Remove the mention: the reference goes, other kinds stay.
    CrossReference.objects.create(source=source, target=lemmas["basis"], kind=CrossReference.Kind.EDITOR)
    source.body = "Geen verwijzingen meer."
    editorial.sync_mentions(source)
    assert set(source.outgoing_refs.values_list("kind", flat=True)) == {"redactie"}


def test_renamed_lemma_redirects_old_url_permanently(client, lemmas):
    basis = Lemma.objects.get(slug="sociale-basis")
    basis.slug = "de-sociale-basis"
    basis.save()
    response = client.get("/lemma/sociale-basis/")
    assert response.status_code == 301
    assert response["Location"] == "/lemma/de-sociale-basis/"
    # Old slug still resolves in wiki links too.
    assert wikilinks.problems("[[sociale-basis]]", Lemma.objects.link_index()) == []
    # Renamed back: the slug is live again, no redirect loop.
    basis.slug = "sociale-basis"
    basis.save()
    assert client.get("/lemma/sociale-basis/").status_code == 200
    assert client.get("/lemma/de-sociale-basis/").status_code == 301
    assert not SlugRedirect.objects.filter(old_slug="sociale-basis").exists()


def test_unknown_slug_is_still_404(client, lemmas):
    assert client.get("/lemma/bestaat-niet/").status_code == 404


def test_pages_resolve_wiki_links_without_auto_linking(lemmas):
    page = make_pages()[0]
    page.body = "Lees [[Sociale basis]]. Vertrouwen staat hier los."
    html = page.rendered.html
    assert 'href="/lemma/sociale-basis/"' in html and 'href="/lemma/vertrouwen/"' not in html


def test_link_mentions_command_fills_genoemd_in_for_all_lemmas(client, lemmas, capsys):
    from django.core.management import call_command

    make_lemma("Leefbaarheid", slug="leefbaarheid", order=4, body="Vertrouwen en de sociale basis.")
    call_command("link_mentions")
    assert "2 vermeldingen" in capsys.readouterr().out
    assert 'href="/lemma/leefbaarheid/"' in client.get("/lemma/vertrouwen/").content.decode()
    call_command("link_mentions")  # idempotent
    assert CrossReference.objects.filter(kind=CrossReference.Kind.MENTION).count() == 2
