"""manage.py load_lexicon: first-time content for a new database, never over an edited one.

`make run` calls this on every start. Loading the fixtures again would silently overwrite
what editors changed through the admin (fixtures carry primary keys), so an existing lexicon
is left alone unless --force is given.
"""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from lexicon.content.models import Lemma
from lexicon.content.models.versions import ensure_first_versions

FIXTURES = ["fixtures/lexicon.json", "fixtures/sources.json", "fixtures/literature.json"]


class Command(BaseCommand):
    help = "Laadt het lexicon uit fixtures/ in een lege database (met --force ook over bestaande inhoud)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ook laden als er al lemma's zijn (overschrijft ze).")

    def handle(self, *args, force=False, **options):
        count = Lemma.objects.count()
        if count and not force:
            self.stdout.write(f"Er staan al {count} lemma's in de database; niets geladen (gebruik --force om te overschrijven).")
            return
        with transaction.atomic():
            call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])
            # 'Genoemd in' from the texts, and a first revision per lemma for the editors' history.
            call_command("link_mentions", verbosity=options["verbosity"])
            call_command("createinitialrevisions", "lexicon.Lemma", comment="Eerste versie uit het boek", verbosity=0)
            # The book's text is version 1 of each published lemma, dated the book's date.
            ensure_first_versions()
        self.stdout.write(self.style.SUCCESS(f"{Lemma.objects.count()} lemma's geladen."))
