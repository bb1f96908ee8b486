"""The review conversation as services, called by the admin, the invitation page and the commands."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from lexicon.content import wikilinks
from lexicon.content.models import Lemma
from lexicon.content.signals import content_changed
from lexicon.editorial.review import notify, paragraphs
from lexicon.editorial.review.models import EditSummary, ReviewComment, ReviewRequest
from lexicon.editorial.workflow import CHIEF_GROUP, EDITOR_GROUP

GROUP_PREFIX, USER_PREFIX = "g:", "u:"


# --- reviewers ------------------------------------------------------------------------------------

def reviewer_choices(exclude_user=None):
    """(value, label) for 'who reviews' by name: each editor and editor-in-chief (the group of
    editors-in-chief is the form's empty choice; "g:<pk>" still names a group)."""
    choices = []
    users = get_user_model().objects.filter(
        is_active=True, is_staff=True
    ).filter(Q(groups__name__in=[CHIEF_GROUP, EDITOR_GROUP]) | Q(is_superuser=True)).distinct().order_by("username")
    if exclude_user is not None:
        users = users.exclude(pk=exclude_user.pk)
    choices += [(f"{USER_PREFIX}{u.pk}", u.get_full_name() or u.get_username()) for u in users]
    return choices


def parse_reviewer(value):
    """'u:3' -> (user, None), 'g:2' -> (None, group), anything else -> (None, None)."""
    value = value or ""
    try:
        pk = int(value[2:])
    except ValueError:
        return None, None
    if value.startswith(USER_PREFIX):
        return get_user_model().objects.filter(pk=pk).first(), None
    if value.startswith(GROUP_PREFIX):
        return None, Group.objects.filter(pk=pk).first()
    return None, None


def submit_for_review(lemma, user, *, reviewer=None, group=None, note=""):
    """Open a review request (earlier open ones of this lemma are closed) and mail the reviewers."""
    with transaction.atomic():
        open_requests(lemma).update(closed=timezone.now())
        if reviewer is None and group is None:
            group = Group.objects.filter(name=CHIEF_GROUP).first()
        request = ReviewRequest.objects.create(
            lemma=lemma, requested_by=user, reviewer=reviewer, reviewer_group=group, note=note or ""
        )
    transaction.on_commit(lambda: notify.review_requested(request))
    return request


def revised_in_review(lemma, user, summary=""):
    """A lemma still in review was saved again: tell the reviewers of its open request."""
    request = open_requests(lemma).select_related("requested_by").first()
    if request is not None:
        transaction.on_commit(lambda: notify.revised(request, user, summary))
    return request


def open_requests(lemma):
    return ReviewRequest.objects.filter(lemma=lemma, closed__isnull=True)


def close_requests(lemma):
    return open_requests(lemma).update(closed=timezone.now())


def waiting_for(user):
    """Open review requests addressed to ``user``, to one of their groups, or (chief) to nobody."""
    mine = Q(reviewer=user) | Q(reviewer_group__in=user.groups.all())
    return ReviewRequest.objects.filter(mine, closed__isnull=True).exclude(
        lemma__status=Lemma.Status.PUBLISHED
    ).select_related("lemma", "requested_by", "reviewer", "reviewer_group")


# --- comments -------------------------------------------------------------------------------------

def add_comment(lemma, text, *, user=None, invitation=None, paragraph=None):
    """A comment on the draft (paragraph None) or on its paragraph ``paragraph``; mails the others
    in the conversation: whoever asked for review, the reviewers, earlier commenters, the inviter."""
    blocks = paragraphs.split(lemma.body)
    block = blocks[paragraph] if paragraph is not None and 0 <= paragraph < len(blocks) else None
    comment = ReviewComment.objects.create(
        lemma=lemma, author=user, invitation=invitation, text=text.strip(),
        paragraph=block.index if block else None, heading=block.heading[:300] if block else "",
        excerpt=block.excerpt[:200] if block else "",
    )
    recipients = _conversation_emails(lemma, invitation)
    if user is not None:
        recipients.discard(user.email)
    transaction.on_commit(lambda: notify.comment_added(comment, recipients))
    return comment


def _conversation_emails(lemma, invitation):
    emails = set()
    for request in ReviewRequest.objects.filter(lemma=lemma).select_related("requested_by", "reviewer"):
        if request.requested_by:
            emails.add(request.requested_by.email)
        if request.closed is None:
            emails.update(u.email for u in notify.reviewers_of(request))
    emails.update(ReviewComment.objects.filter(lemma=lemma, author__isnull=False).values_list("author__email", flat=True))
    if invitation is not None and invitation.created_by:
        emails.add(invitation.created_by.email)
    return {e for e in emails if e}


# --- edit summaries and the live version ----------------------------------------------------------

def record_summary(lemma, user, summary, revision=None):
    summary = (summary or "").strip()
    if not summary:
        return None
    return EditSummary.objects.create(lemma=lemma, user=user, summary=summary[:300], revision=revision,
                                      published=lemma.status == Lemma.Status.PUBLISHED)


def public_change_note(lemma):
    """The edit summary of the latest save that left ``lemma`` published, for the public change notes."""
    entry = EditSummary.objects.filter(lemma=lemma, published=True).first()
    return entry.summary if entry else None


def live_and_latest(lemma, limit=100):
    """(the newest saved version that was published, the newest version) from the history;
    (None, latest) when the lemma was never published or the newest version is the live one."""
    versions = list(Version.objects.get_for_object(lemma).select_related("revision")[:limit])
    if not versions:
        return None, None
    latest = versions[0]
    for version in versions:
        if version.field_dict.get("status") == Lemma.Status.PUBLISHED:
            return (None if version.pk == latest.pk else version), latest
    return None, latest


# --- publishing: links checked again, order --------------------------------------------------------

def publish_problems(lemmas):
    """Messages for links that would point readers at an unpublished lemma once ``lemmas`` are
    published together; empty when they may go out."""
    return [message for _lemma, message in publish_problems_by_lemma(lemmas)]


def publish_problems_by_lemma(lemmas):
    together = {lemma.pk for lemma in lemmas}
    index = Lemma.objects.link_index()
    messages = []
    for lemma in lemmas:
        for problem in wikilinks.problems(lemma.body, index, source_pk=lemma.pk, together=together):
            messages.append((lemma, _("%(lemma)s: %(problem)s Publiceer beide lemma's tegelijk (selecteer ze samen en "
                              "kies ‘Publiceren’) of haal de link weg.") % {"lemma": lemma.title, "problem": problem}))
    return messages


def place_at_end_of_cluster(lemma):
    """Book order for a new lemma placed nowhere: right after the last lemma of its cluster; later
    lemmas (of the next clusters) move up by one so the book order stays a sequence."""
    with transaction.atomic():
        last = Lemma.objects.filter(cluster=lemma.cluster).exclude(pk=lemma.pk).aggregate(m=Max("order"))["m"]
        if last is None:  # first lemma of its cluster: after the clusters before it
            last = Lemma.objects.filter(cluster__order__lte=lemma.cluster.order).exclude(pk=lemma.pk).aggregate(
                m=Max("order"))["m"] or 0
        position = last + 1
        later = Lemma.objects.filter(order__gte=position).exclude(pk=lemma.pk)
        if later.exists():
            later.update(order=F("order") + 1, version=F("version") + 1)  # open forms must reload
            transaction.on_commit(lambda: content_changed.send(sender=Lemma))
        lemma.order = position
    return position


def link_summary_to_revision(sender, revision, versions, **kwargs):
    """reversion's post_revision_commit: attach the summary just recorded for a lemma in this
    revision to it, so history rows and summaries can be matched (``revision.edit_summary``)."""
    lemma_pks = [int(v.object_id) for v in versions if v._model is Lemma and str(v.object_id).isdigit()]
    if not lemma_pks:
        return
    for pk in lemma_pks:
        entry = EditSummary.objects.filter(lemma_id=pk, revision__isnull=True).first()
        if entry is not None and revision.get_comment().startswith(entry.summary):
            EditSummary.objects.filter(pk=entry.pk).update(revision=revision)
