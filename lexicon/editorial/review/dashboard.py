"""The editors' dashboard at /beheer/redactie/: what waits for me, my drafts, recently published,
scheduled, and a diff against the live version one click away."""
from django.db.models import Count, Q
from django.urls import reverse
from reversion.models import Version

from lexicon.content.models import Lemma
from lexicon.editorial.review import scheduling, services
from lexicon.editorial.review.models import EditSummary, Invitation, ReviewComment

RECENT = 10


def diff_url(lemma):
    """The compare view of the live (last published) version against the newest, or None."""
    live, latest = services.live_and_latest(lemma)
    if live is None or latest is None:
        return None
    return reverse("admin:lexicon_lemma_compare", args=[lemma.pk]) + f"?van={live.pk}&naar={latest.pk}"


def _with_links(lemmas):
    lemmas = list(lemmas)
    for lemma in lemmas:
        lemma.diff_url = diff_url(lemma)
        lemma.review_url = reverse("review:lemma", args=[lemma.pk])
        lemma.change_url = reverse("admin:lexicon_lemma_change", args=[lemma.pk])
    return lemmas


def waiting_for_me(user):
    requests = list(services.waiting_for(user)[:50])
    _with_links([r.lemma for r in requests])
    return requests


def my_drafts(user):
    mine = Version.objects.get_for_model(Lemma).filter(revision__user=user).values_list("object_id", flat=True)
    pks = {int(pk) for pk in mine if str(pk).isdigit()}
    lemmas = Lemma.objects.exclude(status=Lemma.Status.PUBLISHED).filter(
        Q(pk__in=pks) | Q(review_requests__requested_by=user)
    ).distinct().annotate(
        open_comments=Count("review_comments", filter=Q(review_comments__resolved=False), distinct=True)
    ).order_by("-updated")[:50]
    return _with_links(lemmas)


def recently_published():
    lemmas = _with_links(Lemma.objects.published().order_by("-published_at", "-updated")[:RECENT])
    notes = {}
    for entry in EditSummary.objects.filter(published=True, lemma__in=lemmas):
        notes.setdefault(entry.lemma_id, entry.summary)  # newest first
    for lemma in lemmas:
        lemma.change_note = notes.get(lemma.pk, "")
    return lemmas


def context(user):
    return {
        "waiting": waiting_for_me(user),
        "drafts": my_drafts(user),
        "published": recently_published(),
        "scheduled": list(scheduling.pending()),
        "guest_comments": list(ReviewComment.objects.filter(invitation__isnull=False, resolved=False)
                               .select_related("lemma", "invitation").order_by("-created")[:RECENT]),
        "invitations": list(Invitation.objects.filter(revoked__isnull=True).select_related("lemma")[:RECENT]),
    }
