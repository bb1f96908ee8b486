"""Status changes of a route by role: the lemmas' rules (lexicon.editorial.workflow) for routes.

A 'redacteur' drafts and submits for review; only the 'hoofdredacteur' publishes, and only they
change a published route (an editor's change would otherwise go public without review).
"""
import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lexicon.routes.models import Route
from lexicon.routes.permissions import can_publish


def allowed_statuses(user):
    if can_publish(user):
        return list(Route.Status.values)
    return [Route.Status.DRAFT, Route.Status.REVIEW]


def may_edit(user, route):
    if route is None or route.pk is None:
        return True
    return route.status != Route.Status.PUBLISHED or can_publish(user)


def set_status(route, status, user, *, comment=None):
    """Change a route's status as ``user`` (one revision); refuses what the role does not allow."""
    if status not in allowed_statuses(user) or (route.is_published and not can_publish(user)):
        raise PermissionError(_("Je mag de status van deze leesroute niet op ‘%(status)s’ zetten.")
                              % {"status": Route.Status(status).label})
    with transaction.atomic(), reversion.create_revision():
        route.status = status
        if status == Route.Status.PUBLISHED and route.published_at is None:
            route.published_at = timezone.now()
        route.save()
        reversion.set_user(user)
        reversion.set_comment(comment or _("Status gewijzigd in ‘%(status)s’.") % {"status": route.get_status_display()})
    return route
