"""Is the index up to date with the database? ``index_state`` (lexicon.search.state) plus the
content checks: empty while lemmas are published, behind the outbox. For the health page, the
system check and ``rebuild_index``."""
from datetime import timedelta

from django.utils import timezone

from lexicon.content.models import Lemma
from lexicon.search import outbox
from lexicon.search.state import EMPTY, OK, OUT_OF_DATE, index_state

STALE_AFTER = timedelta(seconds=60)  # outbox rows older than this and not applied: out of date


def full_state(using="default"):
    """index_state() plus the content checks: empty while lemmas are published, behind the outbox."""
    found = index_state(using)
    if found.status != OK:
        return found
    published = Lemma.objects.published().count()
    if published and not found.lemmas:
        found.status, found.detail = EMPTY, f"0 lemma's in de index, {published} gepubliceerd"
        return found
    late = outbox.pending(using).filter(created__lt=timezone.now() - STALE_AFTER)
    found.pending = outbox.pending(using).count()
    if late.exists():
        found.status, found.detail = OUT_OF_DATE, f"{found.pending} wijzigingen niet verwerkt"
    return found
