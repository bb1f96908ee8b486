"""manage.py reconcile_index: compare every public object with the index, repair, print the fixes."""
from django.core.management.base import BaseCommand, CommandError
from haystack import connections

from lexicon.search import reconcile, state


class Command(BaseCommand):
    help = "Vergelijk elk openbaar object met de zoekindex en herstel de verschillen."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen melden, niets herstellen.")

    def handle(self, dry_run=False, **options):
        for using in connections.connections_info:
            found = state.index_state(using)
            if not found.searchable:
                raise CommandError(f"{using}: index {found.status} ({found.detail}); run rebuild_index")
            report = reconcile.reconcile(using, dry_run=dry_run)
            for fix in report.fixes:
                self.stdout.write(f"{fix.problem}: {fix.identifier} {fix.title}")
            verb = "gevonden" if dry_run else "hersteld"
            self.stdout.write(f"{using}: {report.checked} objecten vergeleken, {len(report.fixes)} verschillen {verb}")
