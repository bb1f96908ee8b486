"""The backup file: every row of every model people fill, exactly.

Why not ``dumpdata``: its XML loses leading and trailing whitespace of text fields, its JSON rounds
times to milliseconds, and the admin log had to be left out because it points at content types by
id. Here values are written as JSON (whitespace kept), times in full ISO precision, and references
to content types and permissions by their natural keys, so the file restores into any freshly
migrated database whose ids for those differ.

Not in the file: what Django or the site rebuilds (content types, permissions, sessions, the search
index and its outbox), and django-axes' login attempts (security state of the old server).
"""
import base64
import datetime
import decimal
import gzip
import json
import uuid
from contextlib import contextmanager

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

FORMAT, VERSION = "lexicon-backup", 1
SKIPPED_APPS = {"contenttypes", "sessions", "axes"}
# Derived data, not content: the index outbox, and the stored renderings with their epoch counter
# (lexicon.content.renderings), which a restored site makes again on first read.
SKIPPED_MODELS = {"auth.permission", "lexicon_search.indexchange", "lexicon.lemmarendering", "lexicon.renderingepoch"}
# Any of these holding rows means the database is in use: restore refuses without --force.
IN_USE = ["lexicon.lemma", "auth.user", "reversion.revision", "admin.logentry"]
BATCH = 500


def backed_up_models():
    """Models in the backup, auto-created many-to-many tables included, in a stable order."""
    out = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in SKIPPED_APPS or label in SKIPPED_MODELS or model._meta.proxy:
            continue
        if not model._meta.managed:
            continue
        out.append(model)
    return sorted(out, key=lambda m: m._meta.label_lower)


def _natural_kind(field):
    if field.is_relation and field.many_to_one:
        if field.related_model is ContentType:
            return "contenttype"
        if field.related_model is Permission:
            return "permission"
    return None


def _encode(value):
    if value is None or isinstance(value, (str, bool, int, float, list, dict)):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID, datetime.timedelta)):
        return str(value) if not isinstance(value, datetime.timedelta) else value.total_seconds()
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot back up a value of type {type(value).__name__}")


def _natural_maps():
    cts = {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()}
    perms = {p.pk: [p.content_type.app_label, p.codename] for p in Permission.objects.select_related("content_type")}
    return {"contenttype": cts, "permission": perms}


def dump():
    """The backup as a dict (see ``write``)."""
    maps, tables = _natural_maps(), {}
    for model in backed_up_models():
        fields = list(model._meta.concrete_fields)
        rows = []
        for values in model._base_manager.order_by("pk").values_list(*[f.attname for f in fields]).iterator():
            row = []
            for field, value in zip(fields, values):
                kind = _natural_kind(field)
                row.append(maps[kind].get(value) if kind and value is not None else _encode(value))
            rows.append(row)
        tables[model._meta.label_lower] = {"fields": [f.attname for f in fields], "rows": rows}
    return {"format": FORMAT, "version": VERSION, "tables": tables}


def write(path, data):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))


def read(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        data = json.load(handle)
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError("not a lexicon backup file (or one of another version)")
    return data


def in_use():
    """Labels of the models that already hold what people made."""
    return [label for label in IN_USE if apps.get_model(label)._base_manager.exists()]


@contextmanager
def _original_timestamps():
    """auto_now/auto_now_add would stamp every restored row with the restore time."""
    changed = []
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                changed.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _decode(field, value, natural):
    kind = _natural_kind(field)
    if value is None:
        return None
    if kind:
        return natural[kind][tuple(value)]
    if field.get_internal_type() in ("JSONField",):
        return value
    return field.to_python(value)


def _natural_lookup():
    cts = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()}
    perms = {(p.content_type.app_label, p.codename): p.pk for p in Permission.objects.select_related("content_type")}
    return {"contenttype": cts, "permission": perms}


def restore(data):
    """Replace the rows of every backed-up model by the file's, in one transaction; returns counts.

    Signals are not sent (no outbox rows, no derived sections): the caller rebuilds the index."""
    natural, counts = _natural_lookup(), {}
    models = {m._meta.label_lower: m for m in backed_up_models()}
    unknown = sorted(set(data["tables"]) - set(models))
    if unknown:
        raise ValueError(f"the file has tables this site does not: {', '.join(unknown)}")
    with transaction.atomic(), connection.constraint_checks_disabled(), _original_timestamps():
        for model in models.values():
            model._base_manager.all()._raw_delete(model._base_manager.db)  # what migrations put there
        for label, table in data["tables"].items():
            model = models[label]
            fields = {f.attname: f for f in model._meta.concrete_fields}
            objs = [model(**{name: _decode(fields[name], value, natural) for name, value in zip(table["fields"], row)})
                    for row in table["rows"]]
            model._base_manager.bulk_create(objs, batch_size=BATCH)
            counts[label] = len(objs)
        connection.check_constraints()
        with connection.cursor() as cursor:  # PostgreSQL: next ids after the restored ones
            for sql in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
                cursor.execute(sql)
    return counts
