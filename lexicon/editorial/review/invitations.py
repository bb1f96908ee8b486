"""Invitation links: the URL carries the invitation's id signed with SECRET_KEY (django.core.signing),
so ids cannot be guessed or altered; expiry and revocation live in the Invitation row, checked on
every visit, so the editor-in-chief can end a link at any moment."""
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.db import transaction

from lexicon.editorial.review import notify
from lexicon.editorial.review.models import Invitation

SALT = "lexicon.editorial.review.invitation"
DEFAULT_DAYS = 14

VALID, INVALID, REVOKED, EXPIRED = "geldig", "ongeldig", "ingetrokken", "verlopen"


def _signer():
    # No timestamp in the token (expiry is the row's): one invitation has one stable link.
    return signing.Signer(salt=SALT)


def token_for(invitation):
    return _signer().sign_object(invitation.pk)


def path_for(invitation):
    return reverse("review_guest", args=[token_for(invitation)])


def invite(lemma, name, *, email="", days=DEFAULT_DAYS, created_by=None, site_url=""):
    invitation = Invitation.objects.create(
        lemma=lemma, name=name.strip(), email=email or "", created_by=created_by,
        expires=timezone.now() + timedelta(days=days),
    )
    url = site_url + path_for(invitation)
    transaction.on_commit(lambda: notify.invitation_created(invitation, url))
    return invitation


def resolve(token):
    """(invitation or None, state): VALID, INVALID (bad signature, unknown id), REVOKED or EXPIRED."""
    try:
        pk = _signer().unsign_object(token)
    except signing.BadSignature:
        return None, INVALID
    invitation = Invitation.objects.select_related("lemma").filter(pk=pk).first() if isinstance(pk, int) else None
    if invitation is None:
        return None, INVALID
    if invitation.revoked is not None:
        return invitation, REVOKED
    if invitation.is_expired:
        return invitation, EXPIRED
    return invitation, VALID


def revoke(invitation):
    if invitation.revoked is None:
        invitation.revoked = timezone.now()
        invitation.save(update_fields=["revoked"])
    return invitation
