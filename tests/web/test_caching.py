"""Public page cache: fast repeats, never stale after a save, never shared with editors, 304s."""
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from lexicon.content.models import Author, Cluster, CrossReference, Lemma, LemmaAuthor, Page, Source
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

pytestmark = pytest.mark.django_db


def _form_with_token(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


def _plain(request):
    return HttpResponse("<p>gewone pagina</p>")


# Used only by the tests marked with @pytest.mark.urls("tests.web.test_caching").
urlpatterns = [path("formulier/", _form_with_token), path("gewoon/", _plain)]


@pytest.fixture
def lexicon():
    sociaal, geo, *_ = make_clusters()
    make_pages()
    author = make_author("Radboud Engbersen", slug="radboud-engbersen")
    basis = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[author], order=1)
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, order=2)
    make_ref(basis, vertrouwen)
    return {"basis": basis, "vertrouwen": vertrouwen, "author": author, "cluster": sociaal}


def test_second_anonymous_request_is_served_from_cache(client, lexicon):
    first = client.get("/lemma/sociale-basis/")
    second = client.get("/lemma/sociale-basis/")
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"] == first["Last-Modified"]
    # Security headers are still on a page from the cache.
    assert "Content-Security-Policy" in second and second["X-Frame-Options"] == "DENY"


def test_query_string_is_part_of_the_key(client, lexicon):
    client.get("/a-z/")
    response = client.get("/a-z/?letter=V")
    assert response["X-Page-Cache"] == "miss"
    assert "Vertrouwen" in response.content.decode() and "Sociale basis" not in response.content.decode()


def test_saving_a_lemma_updates_every_page_that_shows_it(client, lexicon):
    pages = ["/", "/lemma/sociale-basis/", "/lemma/vertrouwen/", "/clusters/sociaal/", "/a-z/"]
    for url in pages:
        assert "Vertrouwen" in client.get(url).content.decode()
    lemma = lexicon["vertrouwen"]
    lemma.title = "Wederzijds vertrouwen"
    lemma.save()
    for url in pages:
        html = client.get(url).content.decode()
        assert "Wederzijds vertrouwen" in html, url


def test_deleting_a_lemma_removes_it_from_cached_lists(client, lexicon):
    assert "Vertrouwen" in client.get("/a-z/").content.decode()
    lexicon["vertrouwen"].delete()
    assert "Vertrouwen" not in client.get("/a-z/").content.decode()
    assert client.get("/lemma/vertrouwen/").status_code == 404


def test_unpublishing_takes_the_page_offline_at_once(client, lexicon):
    assert client.get("/lemma/vertrouwen/").status_code == 200
    lemma = lexicon["vertrouwen"]
    lemma.status = Lemma.Status.DRAFT
    lemma.save()
    assert client.get("/lemma/vertrouwen/").status_code == 404


def _rename_author(lx):
    author = Author.objects.get(pk=lx["author"].pk)
    author.name = "R. Engbersen-Nieuw"
    author.save()
    return "/lemma/sociale-basis/", "R. Engbersen-Nieuw"


def _rename_cluster(lx):
    cluster = Cluster.objects.get(pk=lx["cluster"].pk)
    cluster.name = "Sociale nabijheid (herzien)"
    cluster.save()
    return "/lemma/sociale-basis/", "Sociale nabijheid (herzien)"


def _add_coauthor(lx):
    LemmaAuthor.objects.create(lemma=lx["basis"], author=make_author("Jos van der Lans", slug="jvdl"), position=1)
    return "/lemma/sociale-basis/", "Jos van der Lans"


def _add_coauthor_via_m2m(lx):
    lx["basis"].authors.add(make_author("Evelien Tonkens", slug="et"), through_defaults={"position": 2})
    return "/lemma/sociale-basis/", "Evelien Tonkens"


def _add_cross_reference(lx):
    CrossReference.objects.create(source=lx["vertrouwen"], target=lx["basis"], kind=CrossReference.Kind.EDITOR)
    return "/lemma/sociale-basis/", "Genoemd in"


def _edit_page(lx):
    page = Page.objects.get(slug="colofon")
    page.title = "Colofon en verantwoording"
    page.save()
    return "/over/colofon/", "Colofon en verantwoording"


def _add_source(lx):
    Source.objects.create(title="Beloften van nabijheid", slug="beloften", authors="Duyvendak en Tonkens")
    return "/bronnen/", "Beloften van nabijheid"


@pytest.mark.parametrize(
    "change",
    [_rename_author, _rename_cluster, _add_coauthor, _add_coauthor_via_m2m, _add_cross_reference,
     _edit_page, _add_source],
)
def test_every_kind_of_content_change_invalidates(client, lexicon, change):
    for url in ["/lemma/sociale-basis/", "/over/colofon/", "/bronnen/"]:
        client.get(url)
    url, expected = change(lexicon)
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert expected in after.content.decode()


def test_editor_sees_draft_preview_and_it_never_reaches_readers(client, admin_client, lexicon):
    make_lemma("Geheim concept", slug="geheim-concept", status=Lemma.Status.DRAFT)
    preview = admin_client.get("/lemma/geheim-concept/")
    assert preview.status_code == 200 and "Voorvertoning" in preview.content.decode()
    assert client.get("/lemma/geheim-concept/").status_code == 404
    # ...and the other way round: a page cached for readers is not what the editor gets.
    client.get("/a-z/")
    assert admin_client.get("/a-z/").get("X-Page-Cache") is None


def test_admin_is_never_cached(client, lexicon):
    client.get("/beheer/login/")
    assert client.get("/beheer/login/").get("X-Page-Cache") is None


@pytest.mark.urls("tests.web.test_caching")
def test_response_with_csrf_token_or_cookie_is_not_stored(client):
    first = client.get("/formulier/")
    second = client.get("/formulier/")
    assert "csrftoken" in first.cookies
    assert second.get("X-Page-Cache") is None
    assert client.get("/gewoon/")["X-Page-Cache"] == "miss"
    assert client.get("/gewoon/")["X-Page-Cache"] == "hit"


def test_error_pages_are_not_cached(client, lexicon):
    assert client.get("/lemma/bestaat-niet/").status_code == 404
    make_lemma("Bestaat niet", slug="bestaat-niet")  # would be hidden by a cached 404
    assert client.get("/lemma/bestaat-niet/").status_code == 200


def test_conditional_get_answers_304_until_content_changes(client, lexicon):
    first = client.get("/lemma/vertrouwen/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/lemma/vertrouwen/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/lemma/vertrouwen/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    lemma = lexicon["vertrouwen"]
    lemma.lead = "Vertrouwen is de basis van nabijheid."
    lemma.save()
    fresh = client.get("/lemma/vertrouwen/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert "Vertrouwen is de basis van nabijheid." in fresh.content.decode()


def test_head_request_gets_headers_of_the_cached_page(client, lexicon):
    get = client.get("/clusters/sociaal/")
    head = client.head("/clusters/sociaal/")
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit"
    assert head["ETag"] == get["ETag"] and head.content == b""


def test_file_cache_shared_by_workers_is_invalidated_too(client, lexicon, settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path / "cache")}}
    assert client.get("/a-z/")["X-Page-Cache"] == "miss"
    assert client.get("/a-z/")["X-Page-Cache"] == "hit"
    make_lemma("Armoede", slug="armoede", cluster=lexicon["cluster"])
    assert "Armoede" in client.get("/a-z/").content.decode()


def test_page_cache_can_be_switched_off(client, lexicon, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    assert client.get("/").get("X-Page-Cache") is None


def _redis_running():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.3).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_running(), reason="no Redis server on 127.0.0.1:6379")
def test_redis_cache_shared_by_workers_is_invalidated_too(client, lexicon, settings):
    import uuid

    settings.CACHES = {"default": {"BACKEND": "lexicon.web.caching.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                                   "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    assert client.get("/a-z/")["X-Page-Cache"] == "miss"
    assert client.get("/a-z/")["X-Page-Cache"] == "hit"
    make_lemma("Armoede", slug="armoede", cluster=lexicon["cluster"])
    response = client.get("/a-z/")
    assert response["X-Page-Cache"] == "miss" and "Armoede" in response.content.decode()
    from django.core.cache import cache

    from lexicon.web.caching import STATE_KEY

    cache.delete(STATE_KEY)  # pages expire by themselves; never flush a Redis others may use


# --- what nginx in front may keep (X-Accel-Expires; see tests/web/test_front_cache.py) -------------

@pytest.mark.urls("tests.web.test_caching")
def test_only_pages_django_stores_are_marked_for_the_front_cache(client, admin_client, lexicon, settings):
    settings.FRONT_CACHE_SECONDS = 2
    assert client.get("/gewoon/")["X-Accel-Expires"] == "2"  # stored: miss
    assert client.get("/gewoon/")["X-Accel-Expires"] == "2"  # served: hit
    assert "X-Accel-Expires" not in client.get("/formulier/")  # CSRF cookie and token
    assert "X-Accel-Expires" not in admin_client.get("/gewoon/")  # an editor's response


def test_error_pages_and_admin_are_not_marked_for_the_front_cache(client, lexicon):
    assert "X-Accel-Expires" not in client.get("/lemma/bestaat-niet/")
    assert "X-Accel-Expires" not in client.get("/beheer/login/")


def test_304_for_a_stored_page_renews_the_front_cache_copy(client, lexicon, settings):
    settings.FRONT_CACHE_SECONDS = 3
    etag = client.get("/lemma/vertrouwen/")["ETag"]
    revalidated = client.get("/lemma/vertrouwen/", HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304 and revalidated["X-Accel-Expires"] == "3"


def test_front_cache_lifetime_is_the_one_in_force_when_served(client, lexicon, settings):
    settings.FRONT_CACHE_SECONDS = 2
    assert client.get("/a-z/")["X-Accel-Expires"] == "2"
    settings.FRONT_CACHE_SECONDS = 5  # e.g. a restart with a new environment; the page stays stored
    assert client.get("/a-z/")["X-Accel-Expires"] == "5"
    settings.FRONT_CACHE_SECONDS = 0  # switched off: a page stored before carries no instruction
    hit = client.get("/a-z/")
    assert hit["X-Page-Cache"] == "hit" and "X-Accel-Expires" not in hit


def test_front_cache_can_be_switched_off(client, lexicon, settings):
    settings.FRONT_CACHE_SECONDS = 0
    client.get("/a-z/")
    hit = client.get("/a-z/")
    assert hit["X-Page-Cache"] == "hit" and "X-Accel-Expires" not in hit
