"""The synthetic lexicon generator, and list pages that paginate at any size."""
import re

import pytest
from django.core.management import CommandError, call_command

from lexicon.content.models import Author, CrossReference, Lemma, LemmaAuthor
from lexicon.content.rendering import initial_letter
from lexicon.web.views import LIST_PAGE_SIZE
from tests.helpers.factories import make_clusters, make_lemma, make_pages

pytestmark = pytest.mark.django_db

COUNT = 260  # more than two pages of LIST_PAGE_SIZE, small enough to stay fast


def generate(*args):
    call_command("generate_synthetic_lexicon", "--count", str(COUNT), *args, verbosity=0)


@pytest.fixture
def synthetic():
    make_clusters()
    make_pages()
    real = make_lemma("Sociale basis", slug="sociale-basis")
    generate("--authors", "2", "--draft-share", "0.1")
    return real


def test_generates_the_requested_lexicon_beside_the_real_one(synthetic):
    made = Lemma.objects.filter(slug__startswith="syn-")
    assert made.count() == COUNT
    assert Lemma.objects.filter(pk=synthetic.pk).exists()
    assert Author.objects.filter(slug__startswith="syn-").count() == 2
    assert not made.filter(lemma_authors__isnull=True).exists()  # everyone has an author
    assert CrossReference.objects.filter(source__slug__startswith="syn-").count() > COUNT
    lemma = made.exclude(body="").first()
    assert "## " in "".join(made.values_list("body", flat=True)) and len(lemma.body) > 500
    # Real book prose, de-hyphenated ("ver-\nantwoordelijk" -> "verantwoordelijk").
    assert "nabijheid" in " ".join(made.values_list("body", flat=True)[:50])
    assert not re.search(r"[a-z]-\n[a-z]", lemma.body)
    drafts = made.filter(status=Lemma.Status.DRAFT).count()
    assert 0 < drafts < COUNT * 0.25
    assert len({initial_letter(t) for t in made.values_list("title", flat=True)}) > 10


def test_same_seed_gives_the_same_lexicon(synthetic):
    first = list(Lemma.objects.filter(slug__startswith="syn-").order_by("order").values_list("title", "slug", "status"))
    generate("--clear", "--authors", "2", "--draft-share", "0.1")
    again = list(Lemma.objects.filter(slug__startswith="syn-").order_by("order").values_list("title", "slug", "status"))
    assert again == first
    generate("--clear", "--seed", "7")
    other = list(Lemma.objects.filter(slug__startswith="syn-").values_list("title", flat=True))
    assert other != [t[0] for t in first]


def test_refuses_to_add_a_second_synthetic_lexicon_and_clear_removes_only_synthetic(synthetic):
    with pytest.raises(CommandError):
        generate()
    call_command("generate_synthetic_lexicon", "--count", "0", "--clear", verbosity=0)
    assert list(Lemma.objects.values_list("slug", flat=True)) == ["sociale-basis"]
    assert not Author.objects.filter(slug__startswith="syn-").exists()
    assert not LemmaAuthor.objects.filter(lemma__slug__startswith="syn-").exists()


def test_pages_show_the_generated_lexicon_without_waiting_for_the_cache(client, synthetic):
    assert "Sociale basis" in client.get("/a-z/?letter=S").content.decode()
    generate("--clear")  # bulk_create sends no signals: the command invalidates itself
    newest = Lemma.objects.published().filter(slug__startswith="syn-").order_by("title").first()
    assert newest.title in client.get("/a-z/").content.decode()


def _page_count(html):
    match = re.search(r"Pagina (\d+) van (\d+)", html)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _lemma_links(html):
    return re.findall(r'class="lemma-card-title" href="(/lemma/[^"]+/)"', html)


def test_a_z_paginates_all_and_per_letter_without_losing_or_repeating_lemmas(client, synthetic):
    published = Lemma.objects.published()
    html = client.get("/a-z/").content.decode()
    assert _page_count(html) == (1, -(-published.count() // LIST_PAGE_SIZE))
    seen = []
    for page in range(1, _page_count(html)[1] + 1):
        seen += _lemma_links(client.get(f"/a-z/?page={page}").content.decode())
    assert len(seen) == len(set(seen)) == published.count()

    letter = max("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 key=lambda l: sum(initial_letter(t) == l for t in published.values_list("title", flat=True)))
    expected = {f"/lemma/{s}/" for s, t in published.values_list("slug", "title") if initial_letter(t) == letter}
    got = []
    first = client.get(f"/a-z/?letter={letter}").content.decode()
    for page in range(1, _page_count(first)[1] + 1):
        html = client.get(f"/a-z/?letter={letter}&page={page}").content.decode()
        got += _lemma_links(html)
        assert f'?letter={letter}&amp;page=' in html or _page_count(first)[1] == 1
    assert set(got) == expected and len(got) == len(expected)


def test_cluster_and_author_pages_paginate(client, synthetic):
    cluster = Lemma.objects.published().filter(slug__startswith="syn-").first().cluster
    in_cluster = Lemma.objects.published().filter(cluster=cluster).count()
    html = client.get(f"/clusters/{cluster.slug}/").content.decode()
    assert len(_lemma_links(html)) == min(in_cluster, LIST_PAGE_SIZE)
    last = -(-in_cluster // LIST_PAGE_SIZE)
    assert _page_count(html) == (1, last)
    last_html = client.get(f"/clusters/{cluster.slug}/?page={last}").content.decode()
    assert len(_lemma_links(last_html)) == in_cluster - (last - 1) * LIST_PAGE_SIZE

    author = Author.objects.filter(slug__startswith="syn-").first()
    theirs = Lemma.objects.published().filter(authors=author).count()
    assert theirs > LIST_PAGE_SIZE
    html = client.get(f"/auteurs/{author.slug}/").content.decode()
    assert len(_lemma_links(html)) == LIST_PAGE_SIZE
    assert _page_count(html) == (1, -(-theirs // LIST_PAGE_SIZE))
    assert client.get(f"/auteurs/{author.slug}/?page=abc").status_code == 200
    assert client.get("/auteurs/?page=999").status_code == 200


def test_home_links_to_the_cluster_instead_of_listing_thousands(client, synthetic):
    html = client.get("/").content.decode()
    cluster = Lemma.objects.published().filter(slug__startswith="syn-").first().cluster
    count = Lemma.objects.published().filter(cluster=cluster).count()
    assert f"Alle {count} lemma's in dit cluster" in html
