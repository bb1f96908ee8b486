"""manage.py import_markdown DIR: read lemmas back from export_lexicon's Markdown files.

All files are checked before anything is written; on any error nothing changes and the
command exits non-zero with a message naming the file."""
from django.core.management.base import BaseCommand, CommandError

from lexicon.editorial.markdown_io import MarkdownImportError, import_directory


class Command(BaseCommand):
    help = "Leest lemma's uit Markdown-bestanden met front matter (zoals export_lexicon ze schrijft)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map met .md-bestanden")

    def handle(self, directory, **options):
        try:
            created, updated = import_directory(directory)
        except MarkdownImportError as exc:
            raise CommandError(f"Import afgebroken, er is niets veranderd. {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"{created} lemma's aangemaakt, {updated} bijgewerkt."))
