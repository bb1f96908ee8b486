"""Publish the lemmas whose 'publish at' time has passed. Run by cron, e.g. every five minutes:
*/5 * * * * cd /srv/lexicon && .venv/bin/python manage.py publish_scheduled"""
from django.core.management.base import BaseCommand

from lexicon.editorial.review import scheduling


class Command(BaseCommand):
    help = "Publiceert lemma's waarvan het geplande publicatiemoment voorbij is."

    def handle(self, *args, **options):
        done, failed = scheduling.publish_due()
        for entry in done:
            self.stdout.write(f"gepubliceerd: {entry.lemma.title}")
        for entry in failed:
            self.stdout.write(f"niet gepubliceerd: {entry.lemma.title}: {entry.problem}")
        self.stdout.write(f"{len(done)} gepubliceerd, {len(failed)} wachten nog.")
        return None
