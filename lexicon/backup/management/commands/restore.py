"""manage.py restore FILE: into an empty, migrated database (refuses one in use unless --force);
then the search index is rebuilt and the page cache told."""
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from lexicon.backup import archive
from lexicon.content.signals import content_changed


class Command(BaseCommand):
    help = "Zet een back-up terug in een lege, gemigreerde database."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true",
                            help="Ook als de database al inhoud heeft: die wordt vervangen.")
        parser.add_argument("--no-index", action="store_true", help="De zoekindex niet opnieuw opbouwen.")

    def handle(self, file, force=False, no_index=False, **options):
        try:
            data = archive.read(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Kan {file} niet lezen als back-up: {error}")
        used = archive.in_use()
        if used and not force:
            raise CommandError(f"De database is niet leeg ({', '.join(used)}); gebruik --force om te vervangen.")
        try:
            counts = archive.restore(data)
        except Exception as error:
            raise CommandError(f"Terugzetten mislukt, er is niets veranderd: {type(error).__name__}: {error}")
        content_changed.send(sender=self.__class__)
        self.stdout.write(f"{sum(counts.values())} rijen in {len(counts)} tabellen teruggezet")
        if not no_index:
            call_command("rebuild_index", interactive=False, verbosity=0)
            self.stdout.write("zoekindex opnieuw opgebouwd")
