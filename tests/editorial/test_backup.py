"""Back-up and restore (README, "Back-up en herstel"): nothing is lost, search finds the same."""
import io
import os
import shutil
import subprocess
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from haystack.query import SearchQuerySet

from lexicon.content.models import Lemma, LemmaAuthor, SlugRedirect, Source, SourceSection

from lexicon.editorial.suggestions.models import Suggestion
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

# The documented back-up command (README): everything but what Django rebuilds itself. XML, because
# the JSON serializer rounds timestamps to milliseconds and the restore would not be identical.
DUMP_ARGS = ["--natural-foreign", "--natural-primary", "--exclude", "contenttypes", "--exclude", "auth.permission",
             "--exclude", "sessions", "--exclude", "admin.logentry", "--exclude", "axes"]
SEARCH_TERMS = ["nabijheid", "vertrouwen", "buurt", "sociale basis", "wederkerigheid"]


def build_lexicon():
    sociaal, geo, *_ = make_clusters()
    make_pages()
    engbersen = make_author("Radboud Engbersen", slug="radboud-engbersen", affiliation="Platform31")
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    basis = make_lemma(
        "Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[engbersen, lans],
        lead="De sociale basis is het fundament van nabijheid in de buurt.",
        body="De sociale basis is een beleidsconcept.\n\n## Wat is het?\n\nNabijheid en vertrouwen in de buurt.\n\n"
             "## Cliënten en wijk\n\nWederkerigheid tussen bewoners[^1].\n\n[^1]: Een voetnoot.",
        alternative_terms="basisvoorzieningen, voorliggend veld",
    )
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal, authors=[engbersen],
                            body="Vertrouwen groeit door nabijheid.\n\n## Buurt\n\nIn de buurt.")
    make_lemma("Wederkerigheid", slug="wederkerigheid", cluster=geo, body="Geven en nemen in de buurt.")
    make_lemma("Concept", slug="concept", cluster=geo, status=Lemma.Status.DRAFT, body="Nog niet af: nabijheid.")
    make_ref(basis, vertrouwen)
    make_ref(vertrouwen, basis)
    SlugRedirect.objects.create(old_slug="basis-sociaal", lemma=basis)
    source = Source.objects.create(title="Beloften van nabijheid", slug="beloften", authors="Duyvendak en Tonkens",
                                   year=2016, description="Over nabijheid.")
    SourceSection.objects.create(source=source, order=1, title="Inleiding", anchor="inleiding", body="Nabijheid.")
    Suggestion.objects.create(lemma=basis, text="Noem ook de buurtcoöperatie.", name="Lezer", email="l@example.nl")
    get_user_model().objects.create_user("redacteur", "r@example.nl", "geheim-wachtwoord-2022", is_staff=True)


def dump():
    out = io.StringIO()
    call_command("dumpdata", *DUMP_ARGS, "--format", "xml", stdout=out)
    return out.getvalue()


def search_results():
    return {term: [(r.model_name, str(r.pk)) for r in SearchQuerySet().auto_query(term)[:20]] for term in SEARCH_TERMS}


@pytest.mark.django_db(transaction=True)  # flush really empties the tables, as in a restore
def test_dumpdata_flush_loaddata_round_trip_is_identical(client, tmp_path):
    build_lexicon()
    call_command("rebuild_index", "--noinput", verbosity=0)
    before, found_before = dump(), search_results()
    page_before = client.get("/lemma/sociale-basis/").content
    assert "Sociale basis" in before and "Noem ook de buurtco" in before
    assert any(found_before.values())

    backup = tmp_path / "backup.xml"
    backup.write_text(before, encoding="utf-8")
    call_command("flush", "--noinput", verbosity=0)
    call_command("clear_index", "--noinput", verbosity=0)
    assert not Lemma.objects.exists() and search_results() != found_before

    call_command("loaddata", str(backup), verbosity=0)
    assert dump() == before
    assert client.get("/lemma/sociale-basis/").content == page_before
    lemma = Lemma.objects.get(slug="sociale-basis")
    assert [la.author.slug for la in LemmaAuthor.objects.filter(lemma=lemma)] == ["radboud-engbersen", "jos-van-der-lans"]
    assert client.login(username="redacteur", password="geheim-wachtwoord-2022")

    call_command("rebuild_index", "--noinput", verbosity=0)
    assert search_results() == found_before


def _pg(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True, **kwargs)


def _table_rows(dsn, tables):
    import psycopg

    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="pg_dump/pg_restore round trip runs on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_pg_dump_pg_restore_round_trip_is_identical(tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed")
    build_lexicon()
    settings_dict = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""}
    common = ["-h", settings_dict.get("HOST") or "127.0.0.1", "-p", str(settings_dict.get("PORT") or 5432),
              "-U", settings_dict.get("USER") or "postgres"]
    source_db, restored_db = settings_dict["NAME"], f"{settings_dict['NAME']}_restore_{uuid.uuid4().hex[:6]}"
    archive = tmp_path / "lexicon.dump"
    _pg("pg_dump", *common, "-Fc", "--no-owner", "-f", str(archive), source_db, env=env)
    _pg("createdb", *common, restored_db, env=env)
    try:
        _pg("pg_restore", *common, "--no-owner", "--exit-on-error", "-d", restored_db, str(archive), env=env)
        tables = [t for t in connection.introspection.table_names() if t.startswith(("lexicon_", "auth_user", "reversion_"))]
        dsn = " ".join(f"{k}={v}" for k, v in zip(["host", "port", "user"], common[1::2]))
        before = _table_rows(f"{dsn} dbname={source_db}", tables)
        after = _table_rows(f"{dsn} dbname={restored_db}", tables)
        assert before["lexicon_lemma"] and after == before
    finally:
        _pg("dropdb", *common, "--if-exists", restored_db, env=env)
