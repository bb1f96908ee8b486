"""Keep a lemma's citations in step with its text when an editor saves it: a new '(Naam, 2023)'
gets its (incomplete) work and its link, a removed one leaves the list. What editors completed
on a Work is never overwritten, and a citation an editor added by hand (not in the text) stays."""
from django.db import transaction

from lexicon.literature.extraction import extract
from lexicon.literature.models import Citation, Work

WORK_FIELDS = ("authors", "cited_as", "year", "title", "publisher", "doi", "url", "note")


def _work_for(cited):
    values = {"authors": cited.authors or cited.cited_as, "cited_as": cited.cited_as, "year": cited.year,
              "title": cited.title, "publisher": cited.publisher, "doi": cited.doi, "url": cited.url, "note": cited.note}
    work, created = Work.objects.get_or_create(key=cited.key, defaults=values)
    blanks = [name for name in WORK_FIELDS if values[name] and not getattr(work, name)]
    if not created and blanks:
        for name in blanks:
            setattr(work, name, values[name])
        work.save(update_fields=blanks)
    return work


@transaction.atomic
def sync_lemma(lemma):
    found = extract(lemma.body)
    kept = set()
    for position, cited in enumerate(found, start=1):
        work = _work_for(cited)
        Citation.objects.update_or_create(lemma=lemma, work=work, defaults={
            "sentences": cited.sentences, "times": cited.times, "in_reference_list": cited.in_reference_list,
            "position": position})
        kept.add(work.pk)
    from_text = Citation.objects.filter(lemma=lemma).exclude(work__in=kept)
    from_text.exclude(times=0, in_reference_list=False).delete()
    return found


def on_lemma_saved(sender, instance, raw=False, **kwargs):
    # raw: loaddata and the importer write citations from the fixture themselves
    if not raw:
        sync_lemma(instance)
