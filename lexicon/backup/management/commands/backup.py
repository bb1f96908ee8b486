"""manage.py backup FILE: everything people made, exactly (lexicon.backup.archive). FILE.gz compresses."""
from django.core.management.base import BaseCommand

from lexicon.backup import archive


class Command(BaseCommand):
    help = "Maak een back-up van inhoud, gebruikers, groepen, versiegeschiedenis, suggesties en beheerlog."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        data = archive.dump()
        archive.write(file, data)
        total = sum(len(t["rows"]) for t in data["tables"].values())
        self.stdout.write(f"{total} rijen uit {len(data['tables'])} tabellen geschreven naar {file}")
