"""manage.py import_sources DIR [--fixture fixtures/sources.json]

Reads the four related texts from DIR, cleans them into Markdown sections and writes Source and
SourceSection rows in one transaction (replacing sources with the same slug). With --fixture it
also writes a deterministic Django JSON fixture (explicit primary keys, sorted, UTF-8), so running
it twice gives byte-identical output. Nothing is written unless every file parses.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lexicon.importer.errors import ImportFailed
from lexicon.importer.sources import parse_directory
from lexicon.content.models import Source, SourceSection

SOURCE_FIELDS = ("title", "slug", "authors", "year", "publisher", "description", "order")


def fixture_records(parsed):
    """Django fixture records: sources get pk 1..n in order, sections pk 1..m in source order."""
    records, section_pk = [], 0
    for source_pk, source in enumerate(parsed, start=1):
        records.append({
            "model": "lexicon.source",
            "pk": source_pk,
            "fields": {name: getattr(source, name) for name in SOURCE_FIELDS},
        })
        for order, section in enumerate(source.sections, start=1):
            section_pk += 1
            records.append({
                "model": "lexicon.sourcesection",
                "pk": section_pk,
                "fields": {"source": source_pk, "order": order, "title": section.title,
                           "anchor": section.anchor, "body": section.body},
            })
    return sorted(records, key=lambda r: (r["model"], r["pk"]))


def fixture_text(parsed):
    return json.dumps(fixture_records(parsed), ensure_ascii=False, indent=2) + "\n"


@transaction.atomic
def save_sources(parsed):
    """Replace each source (by slug) and its sections; keeps the primary key of an existing source."""
    for data in parsed:
        source, _ = Source.objects.update_or_create(
            slug=data.slug, defaults={name: getattr(data, name) for name in SOURCE_FIELDS if name != "slug"}
        )
        source.sections.all().delete()
        SourceSection.objects.bulk_create(
            SourceSection(source=source, order=order, title=s.title, anchor=s.anchor, body=s.body)
            for order, s in enumerate(data.sections, start=1)
        )


class Command(BaseCommand):
    help = "Importeer de vier verwante teksten (Bronnen) uit een map met de brontekstbestanden."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map met de vier .txt-bestanden (fixtures/source)")
        parser.add_argument("--fixture", help="schrijf ook een JSON-fixture naar dit pad")

    def handle(self, directory, fixture=None, **options):
        try:
            parsed = parse_directory(directory)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        save_sources(parsed)
        if fixture:
            path = Path(fixture)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fixture_text(parsed), encoding="utf-8")
        for source in parsed:
            words = sum(len(s.body.split()) for s in source.sections)
            self.stdout.write(f"{source.slug}: {len(source.sections)} hoofdstukken, {words} woorden")
        if fixture:
            self.stdout.write(f"Fixture geschreven: {fixture}")
