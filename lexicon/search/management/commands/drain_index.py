"""manage.py drain_index: apply the outbox rows this server's index has not applied yet.

Run it from cron (every minute) or as a worker (``--every 5``) on every app server; it is what
catches up after a worker was killed between commit and index write, or after a server was
down. ``--prune-days N`` deletes rows older than N days (run it on one server only, and keep N
longer than any server may be away; a server away longer needs ``reconcile_index``).
"""
import time

from django.core.management.base import BaseCommand
from haystack import connections

from lexicon.search import outbox, state


class Command(BaseCommand):
    help = "Werk de zoekindex bij met de wijzigingen uit de database die deze index nog niet heeft."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="Blijf draaien: elke N seconden.")
        parser.add_argument("--prune-days", type=int, default=0, help="Verwijder rijen ouder dan N dagen.")

    def handle(self, every=0, prune_days=0, **options):
        while True:
            for using in connections.connections_info:
                found = state.index_state(using)
                if found.status != state.OK:
                    self.stderr.write(f"{using}: index {found.status} ({found.detail}); run rebuild_index")
                    continue
                done = outbox.drain(using)
                if done or options["verbosity"] > 1:
                    self.stdout.write(f"{using}: {done} objecten bijgewerkt, {outbox.pending(using).count()} open")
            if prune_days:
                self.stdout.write(f"{outbox.prune(prune_days)} oude rijen verwijderd")
            if not every:
                return
            time.sleep(every)
