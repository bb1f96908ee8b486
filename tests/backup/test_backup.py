"""Back-up and restore (README, "Back-up en herstel"): every field of every object comes back, whitespace
and microseconds included; search finds the same; pg_dump/pg_restore stays an option on PostgreSQL."""
import io
import os
import shutil
import subprocess
import uuid

import pytest
import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from haystack.query import SearchQuerySet

from lexicon.backup import archive
from lexicon.content.models import Lemma, Page, SlugRedirect, Source, SourceSection

from lexicon.editorial.suggestions.models import Suggestion
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

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


def search_results():
    return {term: [(r.model_name, str(r.pk)) for r in SearchQuerySet().auto_query(term)[:20]] for term in SEARCH_TERMS}


def snapshot():
    """Every field of every object of every backed-up model; references to content types and
    permissions by natural key (their ids differ in a freshly migrated database)."""
    out = {}
    for model in archive.backed_up_models():
        rows = []
        for obj in model._base_manager.order_by("pk"):
            row = {}
            for field in model._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if field.is_relation and field.related_model in (ContentType, Permission) and value is not None:
                    value = getattr(obj, field.name).natural_key()
                row[field.attname] = value
            rows.append(row)
        out[model._meta.label_lower] = rows
    return out


def fresh_database():
    """An empty, migrated database: flush, then what migrate creates (content types and
    permissions get new ids, the editor groups come back)."""
    call_command("flush", "--noinput", verbosity=0)
    ContentType.objects.clear_cache()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


def add_history_and_log(user):
    lemma = Lemma.objects.get(slug="sociale-basis")
    with reversion.create_revision():
        lemma.body = "  Ingesprongen begin.\n\nDe sociale basis.  \n\n"
        lemma.save()
        reversion.set_user(user)
        reversion.set_comment("Tekst gewijzigd")
    LogEntry.objects.log_actions(user.pk, Lemma.objects.filter(pk=lemma.pk), CHANGE, change_message="Tekst gewijzigd")
    from lexicon.editorial import workflow

    group = workflow.ensure_editor_groups()[0]  # a transactional test before may have flushed them
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="publish_lemma"))
    Page.objects.filter(slug="colofon").update(body="\n  Colofon met witruimte  \n")


@pytest.mark.django_db(transaction=True)  # real flush and restore, as on a new server
def test_backup_restore_round_trip_keeps_every_field_of_every_object(client, tmp_path):
    build_lexicon()
    user = get_user_model().objects.get(username="redacteur")
    add_history_and_log(user)
    call_command("rebuild_index", "--noinput", verbosity=0)
    before, found_before = snapshot(), search_results()
    page_before = client.get("/lemma/sociale-basis/").content
    assert before["admin.logentry"] and before["reversion.version"] and before["lexicon.suggestion"]
    assert before["auth.user_groups"] and before["auth.user_user_permissions"] and before["auth.group_permissions"]
    assert Lemma.objects.get(slug="sociale-basis").body.startswith("  ")

    out = io.StringIO()
    call_command("backup", str(tmp_path / "lexicon.json.gz"), stdout=out)
    assert "rijen" in out.getvalue()
    fresh_database()
    assert not Lemma.objects.exists() and snapshot() != before

    call_command("restore", str(tmp_path / "lexicon.json.gz"), stdout=io.StringIO())
    after = snapshot()
    for label in before:  # one table at a time: a difference names its table
        assert after[label] == before[label], label
    assert Lemma.objects.get(slug="sociale-basis").body == "  Ingesprongen begin.\n\nDe sociale basis.  \n\n"
    assert client.get("/lemma/sociale-basis/").content == page_before
    assert search_results() == found_before
    assert client.login(username="redacteur", password="geheim-wachtwoord-2022")
    assert get_user_model().objects.get(username="redacteur").has_perm("lexicon.publish_lemma")


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_in_use_unless_forced(tmp_path):
    build_lexicon()
    call_command("backup", str(tmp_path / "b.json"), stdout=io.StringIO())
    Lemma.objects.filter(slug="vertrouwen").update(title="Gewijzigd na de back-up")
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(tmp_path / "b.json"), stdout=io.StringIO())
    assert Lemma.objects.get(slug="vertrouwen").title == "Gewijzigd na de back-up"
    call_command("restore", str(tmp_path / "b.json"), "--force", stdout=io.StringIO())
    assert Lemma.objects.get(slug="vertrouwen").title == "Vertrouwen"


@pytest.mark.django_db
def test_restore_of_a_file_that_is_no_backup_changes_nothing(tmp_path):
    (tmp_path / "x.json").write_text('{"iets": 1}')
    with pytest.raises(CommandError, match="niet lezen"):
        call_command("restore", str(tmp_path / "x.json"), stdout=io.StringIO())


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
