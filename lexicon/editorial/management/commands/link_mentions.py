"""manage.py link_mentions: recompute the 'vermelding' cross-references of every lemma.

The admin does this for one lemma on each save; run it once after loading a fixture or an
import, so "Genoemd in" lists every lemma whose text links to or mentions the lemma."""
from django.core.management.base import BaseCommand
from django.db import transaction

from lexicon.editorial import workflow as editorial
from lexicon.content import wikilinks
from lexicon.content.models import Lemma


class Command(BaseCommand):
    help = "Werkt de vermeldingen (‘Genoemd in’) van alle lemma's bij op grond van hun tekst."

    def handle(self, **options):
        index = Lemma.objects.link_index()
        total = 0
        with transaction.atomic():
            for lemma in Lemma.objects.only("pk", "body"):
                total += len(editorial.sync_mentions(lemma, index))
        self.stdout.write(self.style.SUCCESS(f"{total} vermeldingen in {Lemma.objects.count()} lemma's."))
