"""E-mail to editors and guest reviewers through Django's mail framework (EMAIL_BACKEND: console by
default, SMTP from EMAIL_URL or EMAIL_HOST; see config/settings.py). A failing mail server never
stops the editor's work: the error is logged and the action stands."""
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def _absolute(path):
    return settings.SITE_URL + path


def _send(subject, body, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    try:
        return send_mail(subject, body, None, recipients)
    except Exception:  # noqa: BLE001  (SMTP down, bad address: the save must not fail)
        log.exception("review mail not sent: %s", subject)
        return 0


def reviewers_of(request):
    if request.reviewer_id:
        return [request.reviewer]
    users = get_user_model().objects.filter(is_active=True)
    if request.reviewer_group_id:
        return list(users.filter(groups=request.reviewer_group))
    from lexicon.editorial.workflow import CHIEF_GROUP
    return list(users.filter(groups__name=CHIEF_GROUP))


def review_requested(request):
    lemma = request.lemma
    who = request.requested_by.get_full_name() or request.requested_by.get_username() if request.requested_by else ""
    body = _("%(who)s vraagt je het lemma ‘%(title)s’ te reviewen.\n\n%(note)s\n\nBekijk het concept: %(url)s\n") % {
        "who": who, "title": lemma.title, "note": request.note or "",
        "url": _absolute(reverse("review:lemma", args=[lemma.pk])),
    }
    return _send(_("Review gevraagd: %(title)s") % {"title": lemma.title}, body,
                 [u.email for u in reviewers_of(request)])


def comment_added(comment, recipients):
    lemma = comment.lemma
    where = (_("bij de alinea onder ‘%(heading)s’") % {"heading": comment.heading}) if comment.heading else (
        _("bij alinea %(n)s") % {"n": comment.paragraph + 1} if comment.paragraph is not None else _("bij het concept"))
    body = _("%(who)s schreef %(where)s van ‘%(title)s’:\n\n%(text)s\n\nBekijk het concept: %(url)s\n") % {
        "who": comment.author_label, "where": where, "title": lemma.title, "text": comment.text,
        "url": _absolute(reverse("review:lemma", args=[lemma.pk])),
    }
    return _send(_("Nieuwe opmerking bij ‘%(title)s’") % {"title": lemma.title}, body, recipients)


def invitation_created(invitation, url):
    body = _("Beste %(name)s,\n\nJe bent uitgenodigd het concept van ‘%(title)s’ te lezen en er opmerkingen bij "
             "te plaatsen. De link werkt tot %(until)s:\n\n%(url)s\n") % {
        "name": invitation.name, "title": invitation.lemma.title,
        "until": invitation.expires.strftime("%d-%m-%Y %H:%M"), "url": url,
    }
    return _send(_("Uitnodiging: lees mee met ‘%(title)s’") % {"title": invitation.lemma.title}, body,
                 [invitation.email])


def revised(request, user, summary):
    lemma = request.lemma
    who = (user.get_full_name() or user.get_username()) if user else ""
    body = _("%(who)s heeft een nieuwe versie van ‘%(title)s’ opgeslagen.\n\n%(summary)s\n\nBekijk het concept: %(url)s\n") % {
        "who": who, "title": lemma.title, "summary": summary or "",
        "url": _absolute(reverse("review:lemma", args=[lemma.pk])),
    }
    recipients = {u.email for u in reviewers_of(request)} - {getattr(user, "email", None)}
    return _send(_("Nieuwe versie ter review: %(title)s") % {"title": lemma.title}, body, recipients)
