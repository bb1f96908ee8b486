"""Scheduled publication: a lemma with a 'publish at' time is published by ``manage.py
publish_scheduled`` (run by cron) once that time has passed, with the same link check as a
publication by hand. A lemma that may not go out yet stays scheduled with the reason, shown in the
dashboard, and is tried again on the next run."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lexicon.content.models import Lemma
from lexicon.editorial import workflow
from lexicon.editorial.review import services
from lexicon.editorial.review.models import ScheduledPublication


def schedule(lemma, when, user, change_note=""):
    entry, _created = ScheduledPublication.objects.update_or_create(
        lemma=lemma, defaults={"publish_at": when, "created_by": user, "change_note": change_note or "",
                               "done": None, "problem": ""},
    )
    return entry


def unschedule(lemma):
    return ScheduledPublication.objects.filter(lemma=lemma, done__isnull=True).delete()[0]


def pending():
    return ScheduledPublication.objects.filter(done__isnull=True).select_related("lemma", "created_by")


def publish_due(now=None):
    """Publish every due lemma; returns (published entries, entries left with a problem)."""
    now = now or timezone.now()
    # Published by hand in the meantime: nothing left to do.
    pending().filter(publish_at__lte=now, lemma__status=Lemma.Status.PUBLISHED).update(done=now)
    due = list(pending().filter(publish_at__lte=now))
    lemmas = [entry.lemma for entry in due]
    problems = {}
    for message_lemma, message in services.publish_problems_by_lemma(lemmas):
        problems.setdefault(message_lemma.pk, []).append(message)
    done, failed = [], []
    for entry in due:
        problem = problems.get(entry.lemma_id)
        if not problem and not workflow.can_publish(entry.created_by):
            problem = [_("%(user)s mag niet (meer) publiceren.") % {"user": entry.created_by or "?"}]
        if problem:
            entry.problem = "\n".join(problem)
            entry.save(update_fields=["problem"])
            failed.append(entry)
            continue
        with transaction.atomic():
            lemma = Lemma.objects.get(pk=entry.lemma_id)
            comment = entry.change_note or _("Gepland gepubliceerd.")
            workflow.set_status(lemma, Lemma.Status.PUBLISHED, entry.created_by, comment=comment,
                                note=entry.change_note)
            services.record_summary(lemma, entry.created_by, entry.change_note)
            services.close_requests(lemma)
            entry.done, entry.problem = timezone.now(), ""
            entry.save(update_fields=["done", "problem"])
        done.append(entry)
    return done, failed

