"""What the lemma admin does after a save: the edit summary in the history, a review request when the
lemma goes to 'ter review', closing requests on publication, the 'publish at' schedule."""
import reversion
from django.utils.translation import gettext as _

from lexicon.content.models import Lemma
from lexicon.editorial.review import scheduling, services


def revision_comment(form, message):
    """The history line of this save: the editor's summary first, then what Django saw change."""
    summary = (form.cleaned_data.get("edit_summary") or "").strip() if hasattr(form, "cleaned_data") else ""
    return f"{summary}\n({message})" if summary and message else (summary or message)


def set_revision_comment(form, message):
    if reversion.is_active():
        reversion.set_comment(revision_comment(form, message))


def after_save(request, form):
    lemma, data = form.instance, form.cleaned_data
    services.record_summary(lemma, request.user, data.get("edit_summary"))
    status_changed = "status" in form.changed_data or not form.initial.get("status")
    if lemma.status == Lemma.Status.REVIEW and (status_changed or data.get("reviewer") or data.get("review_note")):
        reviewer, group = services.parse_reviewer(data.get("reviewer"))
        services.submit_for_review(lemma, request.user, reviewer=reviewer, group=group,
                                   note=data.get("review_note", ""))
    elif lemma.status == Lemma.Status.REVIEW and "body" in form.changed_data:
        services.revised_in_review(lemma, request.user, data.get("edit_summary", ""))
    elif lemma.status == Lemma.Status.PUBLISHED:
        services.close_requests(lemma)
        scheduling.unschedule(lemma)  # published by hand before its time
    when = data.get("publish_at")
    if when and lemma.status != Lemma.Status.PUBLISHED:
        scheduling.schedule(lemma, when, request.user, change_note=data.get("edit_summary", ""))
        return _("Gepland: ‘%(title)s’ wordt gepubliceerd op %(when)s.") % {
            "title": lemma.title, "when": when.strftime("%d-%m-%Y %H:%M")}
    if "publish_at" in form.changed_data and not when:
        scheduling.unschedule(lemma)
    return None
