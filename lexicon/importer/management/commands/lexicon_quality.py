"""manage.py lexicon_quality: how clean is the imported lexicon?

Per lemma and in total: words in the source vs words imported, share of words unknown to the
Dutch word list before and after cleaning, remaining line-end hyphen candidates, page-header
fragments, é-for-ë suspects, OCR residue (lexicon.importer.residue: 'Kl' beside 'KI', broken fixed
expressions) and words the word list does not know, with their counts, and the replacements the importer made, by kind.
The imported text is read from the database (after `loaddata fixtures/lexicon.json`).
"""
from django.core.management.base import BaseCommand, CommandError

from lexicon.importer import pipeline, quality
from lexicon.importer.errors import ImportFailed
from lexicon.importer.sourcefile import read_lines
from lexicon.importer.toc import read_toc
from lexicon.importer.wordlist import WordListMissing, load
from lexicon.content.models import Lemma, Page

SEED = "fixtures/source/lexicon-nabijheid-en-sociaal-werk-2022.txt"
TOC = "fixtures/source/lexicon-toc.tsv"


class Command(BaseCommand):
    help = "Kwaliteitsrapport van de geïmporteerde lexicontekst."

    def add_arguments(self, parser):
        parser.add_argument("--seed", default=SEED)
        parser.add_argument("--toc", default=TOC)
        parser.add_argument("--top", type=int, default=40, help="hoeveel onbekende woorden tonen")

    def handle(self, *args, **options):
        lemmas = list(Lemma.objects.order_by("order").select_related("cluster").prefetch_related("lemma_authors__author"))
        if not lemmas:
            raise CommandError("Er staan geen lemma's in de database; draai eerst `manage.py loaddata fixtures/lexicon.json`.")
        try:
            wordlist = load()
            toc = read_toc(options["toc"])
            raw = read_lines(options["seed"])
            result = pipeline.run(options["seed"], options["toc"], wordlist)
        except (ImportFailed, WordListMissing) as exc:
            raise CommandError(str(exc)) from exc
        by_title = {e.title: e for e in toc}
        first_lemma_line = min(e.start_line for e in toc)
        reports = []
        w = self.stdout.write
        w(f"{'lemma':34} {'cluster':>14} {'auteurs':>7} {'bron':>6} {'import':>6} "
          f"{'onb.voor':>8} {'onb.na':>7} {'rest':>6} {'afbr-':>5} {'kop':>4} {'é/ë':>4}")
        for lemma in lemmas:
            entry = by_title.get(lemma.title)
            src = "\n".join(raw[entry.start_line - 1:entry.end_line]) if entry else ""
            r = quality.measure(lemma.slug, src, lemma.body, wordlist)
            reports.append(r)
            w(f"{lemma.slug[:34]:34} {lemma.cluster.slug:>14} {len(lemma.ordered_authors):>7} "
              f"{r.source_words:>6} {r.imported_words:>6} {r.rate_before:>8.2%} {r.rate_after:>7.2%} "
              f"{r.rate_after_other:>6.2%} {r.hyphen_candidates:>5} {r.header_fragments:>4} {len(r.e_acute_suspects):>4}")
            self._replacements(result.stats.by_section.get(lemma.slug))
        front_src = "\n".join(raw[:first_lemma_line - 1])
        pages = list(Page.objects.order_by("order"))
        page_report = quality.measure("voorwerk", front_src, "\n\n".join(p.body for p in pages), wordlist)
        reports.append(page_report)
        w(f"{'(pagina’s: ' + ', '.join(p.slug for p in pages) + ')':34} {'':>14} {'':>7} "
          f"{page_report.source_words:>6} {page_report.imported_words:>6} {page_report.rate_before:>8.2%} "
          f"{page_report.rate_after:>7.2%} {page_report.rate_after_other:>6.2%} {page_report.hyphen_candidates:>5} "
          f"{page_report.header_fragments:>4} {len(page_report.e_acute_suspects):>4}")
        self._replacements(result.stats.by_section.get("voorwerk"))
        t = quality.total(reports)
        w("")
        w(f"Totaal: {len(lemmas)} lemma's, {sum(1 for x in lemmas if x.ordered_authors)} met auteurs, "
          f"{len({x.cluster_id for x in lemmas})} clusters")
        w(f"  woorden in bron: {t.source_words}, geïmporteerd: {t.imported_words}")
        w(f"  onbekend voor de woordenlijst: voor {t.rate_before:.2%}, na {t.rate_after:.2%} "
          f"(zonder namen, afkortingen en Engelse termen: {t.rate_after_other:.2%})")
        w(f"  resterende afbreekstreepjes aan regeleinde: {t.hyphen_candidates}")
        w(f"  resterende paginakoppen: {t.header_fragments}")
        w(f"  resterende é-voor-ë-verdachten: {len(t.e_acute_suspects)} {sorted(set(t.e_acute_suspects))}")
        w(f"  losse tekens (¢, ®, [): {t.stray}")
        w(f"  OCR-restanten (l voor I in afkortingen als ‘Kl’ naast ‘KI’, kapotte vaste uitdrukkingen): "
          f"{t.residue_count} {dict(t.residue.most_common())}")
        w(f"  woorden die de woordenlijst niet kent, zonder namen, afkortingen en Engelse termen: "
          f"{sum(n for word, n in t.unknown_list.items() if quality.classify_unknown(word) == 'other')}")
        w("Vervangingen per soort:")
        for kind, n in quality.replacements_summary(result.stats):
            w(f"  {kind}: {n}")
        self._literature()
        for label, kind in (("Overige onbekende woorden", "other"), ("Namen", "name"),
                            ("Afkortingen", "acronym"), ("Engelse termen", "english")):
            items = [(word, n) for word, n in t.unknown_list.most_common() if quality.classify_unknown(word) == kind]
            w(f"{label} ({sum(n for _, n in items)}): " + ", ".join(f"{word} ({n})" for word, n in items[:options['top']]))

    def _replacements(self, counter):
        if counter:
            self.stdout.write("    vervangingen: " + ", ".join(f"{k} {n}" for k, n in sorted(counter.items())))

    def _literature(self):
        lit = quality.literature_report()
        w = self.stdout.write
        w(f"Literatuur: {lit.works} geciteerde werken ({lit.citations} verwijzingen in {lit.lemmas_with_works} lemma's), "
          f"waarvan {lit.incomplete} onvolledig (titel of vindplaats nog aan te vullen) en {lit.works - lit.incomplete} volledig")
        if lit.lemmas_all_incomplete:
            w(f"  lemma's met alleen onvolledige werken: {len(lit.lemmas_all_incomplete)}")
