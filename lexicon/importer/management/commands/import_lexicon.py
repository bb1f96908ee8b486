"""manage.py import_lexicon SEED_TXT --toc TOC_TSV [--fixture fixtures/lexicon.json]

Runs the import pipeline (lexicon.importer.pipeline) and writes the result to the database in one
transaction and, with --fixture, to a deterministic JSON fixture. Bad input stops with a
CommandError naming the file and line; nothing is written then.
"""
from django.core.management.base import BaseCommand, CommandError

from lexicon.importer import pipeline, quality, writer
from lexicon.importer.errors import ImportFailed
from lexicon.importer.wordlist import WordListMissing


class Command(BaseCommand):
    help = "Importeer het lexicon uit de ruwe boektekst en de inhoudsopgave."

    def add_arguments(self, parser):
        parser.add_argument("seed", help="de ruwe boektekst (UTF-8)")
        parser.add_argument("--toc", required=True, help="de inhoudsopgave van de redactie (TSV)")
        parser.add_argument("--fixture", help="schrijf ook een JSON-fixture naar dit pad")
        parser.add_argument("--literature", help="schrijf ook de geciteerde werken als JSON-fixture naar dit pad")
        parser.add_argument("--no-database", action="store_true", help="schrijf niets naar de database")

    def handle(self, *args, **options):
        try:
            result = pipeline.run(options["seed"], options["toc"])
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        except WordListMissing as exc:
            raise CommandError(str(exc)) from exc
        if not options["no_database"]:
            n = writer.write_database(result)
            self.stdout.write(f"{n} rijen geschreven naar de database.")
        if options["fixture"]:
            writer.write_fixture(result, options["fixture"])
            self.stdout.write(f"Fixture geschreven: {options['fixture']}")
        if options["literature"]:
            writer.write_fixture(result, options["literature"], writer.literature_json(result))
            self.stdout.write(f"Fixture geschreven: {options['literature']}")
        self.stdout.write(
            f"{len(result.lemmas)} lemma's, {len(result.authors)} auteurs, {len(result.pages)} pagina's, "
            f"{len(result.references)} kruisverwijzingen, "
            f"{sum(w.times for x in result.lemmas for w in x.works)} literatuurverwijzingen."
        )
        for kind, n in quality.replacements_summary(result.stats):
            self.stdout.write(f"  {kind}: {n}", style_func=None)
