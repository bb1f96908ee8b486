"""Build the book as PDF and EPUB, the lemma PDFs and the offline index for the current content.

    manage.py build_exports            # builds what is missing, prints the seconds per file
    manage.py build_exports --no-lemmas

The site starts this command itself in the background after a publish (EXPORTS_BUILD=process).
"""
from django.core.management.base import BaseCommand

from lexicon.exports import builder, store


class Command(BaseCommand):
    help = "Bouw het lexicon als PDF en EPUB, de PDF per lemma en de offline zoekindex."

    def add_arguments(self, parser):
        parser.add_argument("--no-lemmas", action="store_true", help="geen PDF per lemma")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, no_lemmas=False, quiet=False, **options):
        gen, figures = builder.build_until_current(lemmas=not no_lemmas)
        if not quiet:
            for name, seconds in figures.items():
                self.stdout.write(f"{name}: {seconds:.1f} s")
            self.stdout.write(f"Versie {gen.key}: {len(figures)} bestand(en) gemaakt in {store.root() / gen.key}")
