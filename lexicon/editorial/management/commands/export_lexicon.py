"""manage.py export_lexicon DIR: every lemma as DIR/<slug>.md with YAML front matter."""
from django.core.management.base import BaseCommand

from lexicon.editorial.markdown_io import export_lexicon


class Command(BaseCommand):
    help = "Schrijft elk lemma als Markdown-bestand met front matter naar DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map waarin de .md-bestanden komen")

    def handle(self, directory, **options):
        paths = export_lexicon(directory)
        self.stdout.write(self.style.SUCCESS(f"{len(paths)} lemma's geëxporteerd naar {directory}"))
