"""Writing the import: a deterministic Django JSON fixture, and the same rows into the database.

The fixture is built from the pipeline's records (not dumped from a database that may hold other
rows): stable PKs, sorted, ensure_ascii=False, indent 2, trailing newline. The database is written
by deserialising that very fixture inside one transaction, so `import_lexicon` and
`loaddata fixtures/lexicon.json` give the same rows.
"""
import json
import os
import tempfile

from django.core import serializers
from django.core.management.color import no_style
from django.db import connections, transaction
from django.utils.text import slugify

from lexicon.importer import citations
from lexicon.content.models import Author, Cluster, CrossReference, Lemma, LemmaAuthor, Page, sort_name_for

FIXED_TIME = "2022-01-01T00:00:00Z"


def fixture_rows(result):
    rows = []
    cluster_pk = {}
    for c in sorted(result.clusters, key=lambda c: c["order"]):
        pk = c["order"]
        cluster_pk[c["slug"]] = pk
        rows.append({"model": "lexicon.cluster", "pk": pk, "fields": {
            "name": c["name"], "slug": c["slug"], "description": c["description"], "order": c["order"]}})

    names = sorted(result.authors, key=lambda n: (sort_name_for(n).casefold(), n))
    author_pk, used_slugs = {}, set()
    for pk, name in enumerate(names, start=1):
        slug = slugify(name)
        base, k = slug, 2
        while slug in used_slugs:
            slug, k = f"{base}-{k}", k + 1
        used_slugs.add(slug)
        author_pk[name] = pk
        rows.append({"model": "lexicon.author", "pk": pk, "fields": {
            "name": name, "slug": slug, "sort_name": sort_name_for(name), "affiliation": "",
            "bio": result.authors[name].get("bio", ""), "is_editor": result.authors[name].get("is_editor", False)}})

    lemma_pk = {}
    for lemma in sorted(result.lemmas, key=lambda x: x.order):
        lemma_pk[lemma.slug] = lemma.order
        rows.append({"model": "lexicon.lemma", "pk": lemma.order, "fields": {
            "title": lemma.title, "slug": lemma.slug, "subtitle": lemma.subtitle,
            "cluster": cluster_pk[lemma.cluster], "order": lemma.order, "lead": lemma.lead,
            "body": lemma.body, "alternative_terms": lemma.alternative_terms, "status": "gepubliceerd",
            "published_at": FIXED_TIME, "created": FIXED_TIME, "updated": FIXED_TIME, "version": 1}})

    pk = 0
    for lemma in sorted(result.lemmas, key=lambda x: x.order):
        for position, name in enumerate(lemma.authors):
            pk += 1
            rows.append({"model": "lexicon.lemmaauthor", "pk": pk, "fields": {
                "lemma": lemma_pk[lemma.slug], "author": author_pk[name], "position": position}})

    refs = sorted(result.references, key=lambda r: (lemma_pk[r[0]], lemma_pk[r[1]], r[2]))
    for pk, (src, dst, kind, note) in enumerate(refs, start=1):
        rows.append({"model": "lexicon.crossreference", "pk": pk, "fields": {
            "source": lemma_pk[src], "target": lemma_pk[dst], "kind": kind, "note": note[:300]}})

    for page in sorted(result.pages, key=lambda p: p["order"]):
        rows.append({"model": "lexicon.page", "pk": page["order"], "fields": {
            "title": page["title"], "slug": page["slug"], "author_line": page["author_line"],
            "body": page["body"], "order": page["order"], "updated": FIXED_TIME}})
    return rows


def fixture_json(result):
    return json.dumps(fixture_rows(result), ensure_ascii=False, indent=2) + "\n"


def literature_json(result):
    lemma_pk = {lemma.slug: lemma.order for lemma in result.lemmas}
    return json.dumps(citations.fixture_rows(result.lemmas, lemma_pk), ensure_ascii=False, indent=2) + "\n"


def write_fixture(result, path, data=None):
    """Write atomically: a failed run never leaves half a fixture behind."""
    data = fixture_json(result) if data is None else data
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".lexicon-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return data


def write_database(result, using="default"):
    """Load the rows in one transaction; links of imported lemmas are replaced, not merged."""
    data = fixture_json(result)
    slugs = [lemma.slug for lemma in result.lemmas]
    with transaction.atomic(using=using):
        CrossReference.objects.using(using).filter(source__slug__in=slugs).delete()
        LemmaAuthor.objects.using(using).filter(lemma__slug__in=slugs).delete()
        count = 0
        for obj in serializers.deserialize("json", data, using=using):
            obj.save(using=using)
            count += 1
        save_literature(result, using)
        # explicit PKs: move PostgreSQL sequences past them, as loaddata does
        connection = connections[using]
        statements = connection.ops.sequence_reset_sql(
            no_style(), [Cluster, Author, Lemma, LemmaAuthor, CrossReference, Page])
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
    return count


def save_literature(result, using="default"):
    """Works by key (an editor's completion is never overwritten, only blanks are filled); the
    citations of the imported lemmas are replaced."""
    from lexicon.literature.models import Citation, Work

    lemma_ids = dict(Lemma.objects.using(using).filter(slug__in=[x.slug for x in result.lemmas]).values_list("slug", "pk"))
    Citation.objects.using(using).filter(lemma_id__in=lemma_ids.values()).delete()
    rows = citations.fixture_rows(result.lemmas, lemma_ids)
    work_by_pk = {}
    for row in rows:
        fields = row["fields"]
        if row["model"] == "lexicon_literature.work":
            work, created = Work.objects.using(using).get_or_create(key=fields["key"], defaults=fields)
            if not created:
                for name, value in fields.items():
                    if value and not getattr(work, name):
                        setattr(work, name, value)
                work.save(using=using)
            work_by_pk[row["pk"]] = work
        else:
            Citation.objects.using(using).create(
                lemma_id=fields["lemma"], work=work_by_pk[fields["work"]], sentences=fields["sentences"],
                times=fields["times"], in_reference_list=fields["in_reference_list"], position=fields["position"])
