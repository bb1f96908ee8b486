"""Generate a large synthetic lexicon (default 10,000 lemmas) to test that pages scale.

    manage.py generate_synthetic_lexicon --count 10000 [--seed 2022] [--authors 400] [--clear]

Paragraphs come from the seed book text, titles and headings from its vocabulary; the same seed
gives the same lexicon. Everything synthetic has a slug starting with ``syn-``, so ``--clear`` (or
``--clear --count 0``) removes it again without touching the real lemmas. Rows are written with
``bulk_create`` (no per-row signals), so the command invalidates the page cache itself; run
``rebuild_index`` afterwards if search should see the synthetic lemmas.
"""
import random
import re
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from lexicon.content.signals import content_changed
from lexicon.content.models import Author, Cluster, CrossReference, Lemma, LemmaAuthor, LemmaSection

SEED_TEXT = settings.BASE_DIR / "fixtures" / "source" / "lexicon-nabijheid-en-sociaal-werk-2022.txt"
PREFIX = "syn-"
DEFAULT_CLUSTERS = [
    ("Sociale nabijheid", "sociaal"), ("Geografische nabijheid", "geografisch"),
    ("Professionele nabijheid", "professioneel"), ("Institutionele nabijheid", "institutioneel"),
]
GIVEN = ["Anna", "Bram", "Charlotte", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Jesse", "Karim",
         "Lotte", "Mohamed", "Noor", "Olaf", "Pien", "Quinten", "Roos", "Sanne", "Thijs", "Umut", "Vera",
         "Wouter", "Yara", "Zeynep"]
PARTICLES = ["", "", "", "van", "de", "van der", "van den", "ter"]
WORD_RE = re.compile(r"^[a-zà-ÿ]{6,16}$")


def read_seed(path):
    """(paragraphs, vocabulary) of the seed text: prose paragraphs with line breaks and
    end-of-line hyphenation undone; words of 6-16 lowercase letters."""
    text = path.read_text(encoding="utf-8")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        joined = re.sub(r"-\n(?=[a-zà-ÿ])", "", block.strip())
        joined = re.sub(r"\s*\n\s*", " ", joined)
        if len(joined) >= 300 and not joined.isupper():
            paragraphs.append(joined)
    words = sorted({w for w in re.findall(r"[^\W\d_]+", text) if WORD_RE.match(w)})
    if not paragraphs or len(words) < 100:
        raise CommandError(f"Seed text {path} has too little prose to build a synthetic lexicon from.")
    return paragraphs, words


class Command(BaseCommand):
    help = "Genereert een synthetisch lexicon (standaard 10.000 lemma's) om te meten of pagina's schalen."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000, help="aantal lemma's (standaard 10000)")
        parser.add_argument("--seed", type=int, default=2022, help="zelfde seed, zelfde lexicon")
        parser.add_argument("--authors", type=int, default=None, help="aantal auteurs (standaard count/25)")
        parser.add_argument("--draft-share", type=float, default=0.05, help="aandeel concepten (standaard 0.05)")
        parser.add_argument("--clear", action="store_true", help="verwijder eerst eerder gegenereerde inhoud")
        parser.add_argument("--sections", action="store_true",
                            help="leid ook de secties af (langzaam; rebuild_index doet dit anders zelf)")
        parser.add_argument("--seed-text", default=str(SEED_TEXT), help="brontekst voor alinea's en woorden")

    def handle(self, *args, count, seed, authors, draft_share, clear, sections, seed_text, **options):
        if count < 0:
            raise CommandError("--count moet 0 of meer zijn.")
        started = time.monotonic()
        rng = random.Random(seed)
        from pathlib import Path

        paragraphs, words = read_seed(Path(seed_text))
        with transaction.atomic():
            if clear:
                removed = self.clear()
                self.stdout.write(f"{removed} synthetische lemma's verwijderd.")
            elif count and Lemma.objects.filter(slug__startswith=PREFIX).exists():
                raise CommandError("Er is al een synthetisch lexicon; gebruik --clear om het te vervangen.")
            if count:
                made = self.generate(rng, count, authors or max(2, count // 25), draft_share, paragraphs, words)
                made["sections"] = self.sections(made.pop("lemmas_created")) if sections else 0
                self.stdout.write(self.style.SUCCESS(
                    f"{made['lemmas']} lemma's, {made['authors']} auteurs, {made['refs']} kruisverwijzingen "
                    f"en {made['sections']} secties aangemaakt in {time.monotonic() - started:.1f} s."
                ))
            content_changed.send(sender=Lemma)
        if count and connection.vendor in ("sqlite", "postgresql"):
            with connection.cursor() as cursor:  # fresh planner statistics after a bulk load
                cursor.execute("ANALYZE")
        if count:
            self.stdout.write("Zoeken: draai `manage.py rebuild_index` om de synthetische lemma's te indexeren.")

    def clear(self):
        """Delete synthetic lemmas and authors in bulk SQL: a model delete() would send a signal per
        row (reindex, sections) for tens of thousands of rows. Rows referring to them go first."""
        ids = list(Lemma.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for rel in Lemma._meta.related_objects:
                if rel.many_to_many:
                    continue  # handled by the through model's own foreign key
                related = rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": chunk})
                if rel.on_delete is models.SET_NULL:
                    related.update(**{rel.field.name: None})
                else:
                    related._raw_delete(related.db)
            Lemma.objects.filter(pk__in=chunk)._raw_delete(Lemma.objects.db)
        orphans = Author.objects.filter(slug__startswith=PREFIX).exclude(lemma_authors__isnull=False)
        orphans._raw_delete(orphans.db)
        return len(ids)

    def generate(self, rng, count, author_count, draft_share, paragraphs, words):
        clusters = list(Cluster.objects.all()) or [
            Cluster.objects.create(name=name, slug=slug, order=i) for i, (name, slug) in enumerate(DEFAULT_CLUSTERS, 1)
        ]
        authors = Author.objects.bulk_create([self.author(rng, i) for i in range(1, author_count + 1)], batch_size=1000)
        start = (Lemma.objects.aggregate(m=Max("order"))["m"] or 0) + 1
        now = timezone.now()
        lemmas = []
        for i in range(count):
            title = " ".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3]))).capitalize()
            chosen = rng.sample(paragraphs, rng.randint(4, 9))
            body_parts = [chosen[0]]
            for paragraph in chosen[1:]:
                if rng.random() < 0.35:
                    body_parts.append("## " + " ".join(rng.sample(words, 2)).capitalize())
                body_parts.append(paragraph)
            published = rng.random() >= draft_share
            stamp = now - timedelta(minutes=count - i)
            lemmas.append(Lemma(
                title=title[:200], slug=f"{PREFIX}{slugify(title)[:150]}-{i + 1}", cluster=rng.choice(clusters),
                order=start + i, lead=chosen[0][:400], body="\n\n".join(body_parts),
                alternative_terms=", ".join(rng.sample(words, rng.randint(0, 3))),
                status=Lemma.Status.PUBLISHED if published else Lemma.Status.DRAFT,
                published_at=stamp if published else None, created=stamp,
            ))
        lemmas = Lemma.objects.bulk_create(lemmas, batch_size=500)
        if not all(lemma.pk for lemma in lemmas):  # backends without RETURNING ids
            lemmas = list(Lemma.objects.filter(slug__startswith=PREFIX).order_by("order"))

        links = []
        for lemma in lemmas:
            for position, author in enumerate(rng.sample(authors, min(len(authors), rng.choice([1, 1, 2, 3])))):
                links.append(LemmaAuthor(lemma=lemma, author=author, position=position))
        LemmaAuthor.objects.bulk_create(links, batch_size=1000)

        refs = set()
        for lemma in lemmas:
            for target in rng.sample(lemmas, min(len(lemmas), 3)):
                if target.pk != lemma.pk:
                    refs.add((lemma.pk, target.pk))
        CrossReference.objects.bulk_create(
            [CrossReference(source_id=s, target_id=t, kind=CrossReference.Kind.SEE_ALSO) for s, t in sorted(refs)],
            batch_size=1000,
        )
        return {"lemmas": len(lemmas), "authors": len(authors), "refs": len(refs), "lemmas_created": lemmas}

    @staticmethod
    def author(rng, i):
        given = rng.choice(GIVEN)
        particle = rng.choice(PARTICLES)
        surname = f"Synthese{i:04d}"
        name = " ".join(p for p in (given, particle, surname) if p)
        sort_name = f"{surname}, {given}" + (f" {particle}" if particle else "")
        return Author(name=name, slug=f"{PREFIX}auteur-{i}", sort_name=sort_name, affiliation="Synthetisch lexicon")

    @staticmethod
    def sections(lemmas):
        """The ## sections search uses, as a save would derive them (lexicon.content.sections).
        Renders every body's Markdown, so it takes a few ms per lemma."""
        try:
            from lexicon.content.sections import split_sections
        except ImportError:
            return 0
        rows = [
            LemmaSection(lemma=lemma, order=s.order, title=s.title[:300], anchor=s.anchor[:200], text=s.text)
            for lemma in lemmas for s in split_sections(lemma.title, lemma.body)
        ]
        LemmaSection.objects.bulk_create(rows, batch_size=1000)
        return len(rows)
