"""Serving the files from the file cache: the current build, else the previous one, else a Dutch
"wordt gemaakt" page with 503 and Retry-After; a publish starts a build in the background."""
import pytest

from lexicon.exports import builder, generation, store


@pytest.fixture
def fast_renderers(monkeypatch):
    """Stand-ins for WeasyPrint and the EPUB writer that say which content they were made from
    (the real ones are tested in test_book_pdf/test_book_epub); calls are counted."""
    calls = []

    def fake_pdf(book):
        calls.append(("pdf", book.title))
        return f"%PDF {book.title} {book.generation}".encode()

    def fake_epub(book):
        calls.append(("epub", book.title))
        return f"EPUB {book.generation}".encode()

    monkeypatch.setattr(builder.pdf, "render_pdf", fake_pdf)
    monkeypatch.setattr(builder.epub, "render_epub", fake_epub)
    return calls


@pytest.fixture
def started(monkeypatch):
    """Background builds asked for (none really starts)."""
    asked = []
    monkeypatch.setattr(builder, "ensure", lambda: asked.append(True) or True)
    return asked


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_before_the_first_build_a_reader_gets_a_dutch_page_with_retry_after(client, small_lexicon, started):
    response = client.get("/export/lexicon.pdf")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "wordt gemaakt" in response.content.decode() and "over een minuut" in response.content.decode()
    assert started  # and a build was started


@pytest.mark.parametrize("url, kind", [("/export/lexicon.pdf", "application/pdf"),
                                       ("/export/lexicon.epub", "application/epub+zip"),
                                       ("/lemma/sociale-basis/pdf/", "application/pdf")])
def test_built_files_are_served_from_the_cache(client, small_lexicon, fast_renderers, started, url, kind):
    builder.build()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == kind
    assert response["X-Lexicon-Versie"] == generation.current().key
    assert generation.current().key.encode() in _body(response)
    assert not started
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_epub_is_a_download_with_a_readable_name(client, small_lexicon, fast_renderers):
    builder.build(lemmas=False)
    response = client.get("/export/lexicon.epub")
    assert 'attachment; filename="lexicon-nabijheid-en-sociaal-werk.epub"' == response["Content-Disposition"]


def test_after_a_publish_readers_get_the_previous_build_until_the_new_one_is_there(
        client, small_lexicon, fast_renderers, started):
    builder.build()
    old = generation.current().key
    lemma = small_lexicon["geheim"]
    lemma.status = lemma.Status.PUBLISHED
    lemma.save()
    new = generation.current().key
    assert new != old
    response = client.get("/export/lexicon.pdf")
    assert response.status_code == 200 and response["X-Lexicon-Versie"] == old
    assert started
    builder.build()
    response = client.get("/export/lexicon.pdf")
    assert response["X-Lexicon-Versie"] == new
    assert client.get("/lemma/geheim-concept/pdf/")["X-Lexicon-Versie"] == new


def test_a_draft_edit_does_not_change_the_version_but_its_publication_does(small_lexicon):
    before = generation.current().key
    draft = small_lexicon["geheim"]
    draft.body += "\n\nNog meer concepttekst."
    draft.save()
    assert generation.current().key == before
    draft.status = draft.Status.PUBLISHED
    draft.save()
    assert generation.current().key != before


def test_a_build_makes_only_what_is_missing(small_lexicon, fast_renderers):
    builder.build()
    first = len(fast_renderers)
    assert first == 2 + 3  # book PDF, EPUB, three published lemmas (not the draft)
    builder.build()
    assert len(fast_renderers) == first


def test_no_pdf_for_a_draft_or_unknown_lemma(client, small_lexicon, fast_renderers):
    builder.build()
    assert client.get("/lemma/geheim-concept/pdf/").status_code == 404
    assert client.get("/lemma/bestaat-niet/pdf/").status_code == 404


def test_old_builds_are_pruned(small_lexicon, fast_renderers):
    lemma = small_lexicon["presentie"]
    for n in range(5):
        lemma.title = f"Presentie {n}"
        lemma.save()
        builder.build(lemmas=False)
    assert len(store.generations()) == store.KEEP_GENERATIONS
    assert store.generations()[0] == generation.current().key


def test_publishing_starts_a_background_build_after_commit(small_lexicon, settings, monkeypatch,
                                                           django_capture_on_commit_callbacks):
    spawned = []
    monkeypatch.setattr(builder, "_spawn_process", lambda: spawned.append(True))
    settings.EXPORTS_BUILD = "process"
    lemma = small_lexicon["geheim"]
    lemma.status = lemma.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        lemma.save()
        assert not spawned  # not before the commit: the build must see the new row
    assert spawned


def test_no_build_is_started_while_one_is_running(small_lexicon, settings, monkeypatch):
    spawned = []
    monkeypatch.setattr(builder, "_spawn_process", lambda: spawned.append(True))
    settings.EXPORTS_BUILD = "process"
    with builder.build_lock():
        assert builder.ensure() is True
    assert not spawned
    builder.ensure()
    assert spawned


def test_links_to_the_files_on_home_over_and_lemma_pages(client, small_lexicon):
    home = client.get("/").content.decode()
    assert 'href="/export/lexicon.pdf"' in home and 'href="/export/lexicon.epub"' in home
    assert 'href="/export/lexicon.pdf"' in client.get("/over/inleiding/").content.decode()
    lemma = client.get("/lemma/sociale-basis/").content.decode()
    assert 'href="/lemma/sociale-basis/pdf/"' in lemma


def test_the_command_builds_every_file(small_lexicon, settings, monkeypatch, fast_renderers):
    from django.core.management import call_command

    call_command("build_exports", "--quiet")
    key = generation.current().key
    for name in [builder.BOOK_PDF, builder.BOOK_EPUB, builder.OFFLINE_INDEX, "lemma/buurtteams.pdf"]:
        assert store.find(key, name), name
    assert (settings.EXPORTS_DIR / key / "lexicon.pdf").stat().st_mode & 0o044  # readable by a front server


def test_a_published_route_is_a_pdf_from_the_cache_and_a_draft_route_is_not(client, small_lexicon, fast_renderers,
                                                                             started):
    from tests.helpers.routes import make_route

    route = make_route("Leesroute buurt", steps=[small_lexicon["buurtteams"], small_lexicon["presentie"]])
    make_route("Geheime route", steps=[small_lexicon["presentie"]], status="concept")
    assert client.get(f"/leesroutes/{route.slug}/pdf/").status_code == 503  # not built yet: "wordt gemaakt"
    assert started
    builder.build(lemmas=False)
    response = client.get(f"/leesroutes/{route.slug}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert _body(response).startswith(b"%PDF Leesroute buurt")
    assert client.get("/leesroutes/geheime-route/pdf/").status_code == 404
    assert f'href="/leesroutes/{route.slug}/pdf/"' in client.get(route.get_absolute_url()).content.decode()


def test_changing_a_route_makes_a_new_version_of_the_files(small_lexicon):
    from tests.helpers.routes import make_route

    route = make_route("Leesroute buurt", steps=[small_lexicon["buurtteams"]])
    generation.forget()
    before = generation.current().key
    route.steps.create(order=2, lemma=small_lexicon["presentie"], question="Wat is presentie?")
    generation.forget()
    assert generation.current().key != before
