"""The editors' workflow as services: optimistic locking, status changes by role, mention links.

The admin (lexicon.editorial.admin) and the Markdown import call these; nothing here knows about forms.
"""
import reversion
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lexicon.content import wikilinks
from lexicon.content.models import CrossReference, Lemma
from lexicon.content.models import versions

PUBLISH_PERMISSION = "lexicon.publish_lemma"
EDITOR_GROUP = "redacteur"
CHIEF_GROUP = "hoofdredacteur"


# Mirrors migration 0003 (which keeps its own frozen copy), for databases flushed after the
# migrations ran, e.g. by transactional tests.
EDITOR_PERMISSIONS = [
    "add_lemma", "change_lemma", "view_lemma",
    "add_lemmaauthor", "change_lemmaauthor", "delete_lemmaauthor", "view_lemmaauthor",
    "add_author", "change_author", "view_author",
    "add_crossreference", "change_crossreference", "delete_crossreference", "view_crossreference",
    "add_relatedchoice", "change_relatedchoice", "delete_relatedchoice", "view_relatedchoice",
    "view_cluster", "view_suggestion", "view_slugredirect", "view_page", "view_source",
    "view_lemmaversion",
]


def ensure_editor_groups():
    """Create the 'redacteur' and 'hoofdredacteur' groups with their permissions if missing."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(apps.get_app_config("lexicon"), verbosity=0)
    lexicon = Permission.objects.filter(content_type__app_label="lexicon")
    editor, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set(lexicon.filter(codename__in=EDITOR_PERMISSIONS))
    chief, _created = Group.objects.get_or_create(name=CHIEF_GROUP)
    chief.permissions.set(lexicon)
    # Both roles manage the search synonym list and complete the cited works (lexicon.search and
    # lexicon.literature grant these after migrate; keep them).
    synonyms = Permission.objects.filter(content_type__app_label__in=["lexicon_search", "lexicon_literature"])
    editor.permissions.add(*synonyms)
    chief.permissions.add(*synonyms)
    create_permissions(apps.get_app_config("lexicon_editorial"), verbosity=0)
    grant_review_permissions([editor, chief])
    return editor, chief


def grant_review_permissions(groups, using="default"):
    """Review records (app lexicon_editorial): editors view them, chief editors may do everything."""
    from django.contrib.auth.models import Permission

    perms = Permission.objects.using(using).filter(content_type__app_label="lexicon_editorial")
    for group in groups:
        group.permissions.add(*(perms if group.name == CHIEF_GROUP else perms.filter(codename__startswith="view_")))


class EditConflict(Exception):
    """Someone else saved the lemma after this editor loaded it."""


def can_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def allowed_statuses(user, current=None):
    """Statuses this user may give a lemma. Editors without the publish right may keep a status
    they did not set (so an unrelated edit never fails), but never choose 'gepubliceerd'."""
    if can_publish(user):
        return list(Lemma.Status.values)
    return [Lemma.Status.DRAFT, Lemma.Status.REVIEW]


def may_edit(user, lemma):
    """A published lemma is changed by the editor-in-chief only: an editor's change would
    otherwise go public without review. The chief sends it back to 'concept' for rework."""
    if lemma is None or lemma.pk is None:
        return True
    return lemma.status != Lemma.Status.PUBLISHED or can_publish(user)


def current_version(lemma_pk):
    return Lemma.objects.filter(pk=lemma_pk).values_list("version", flat=True).first()


def save_lemma(lemma, *, expected_version=None, new_version=None):
    """Save with optimistic locking: the row's version must still be ``expected_version``
    (default: the one on the instance); it becomes ``new_version`` (default: expected + 1)
    in one conditional UPDATE, so of two concurrent saves exactly one wins."""
    with transaction.atomic():
        if lemma.pk is not None and not lemma._state.adding:
            expected = lemma.version if expected_version is None else expected_version
            new = expected + 1 if new_version is None else new_version
            claimed = Lemma.objects.filter(pk=lemma.pk, version=expected).update(version=new)
            if not claimed:
                raise EditConflict(lemma.pk)
            lemma.version = new
        lemma.save()
    return lemma


def bump_version(lemma):
    """For changes outside a form (actions, imports): invalidate forms that are open elsewhere."""
    Lemma.objects.filter(pk=lemma.pk).update(version=F("version") + 1)
    lemma.version = current_version(lemma.pk)


def set_status(lemma, status, user, *, comment=None, note=""):
    """Change a lemma's status as ``user``; refuses what the user's role does not allow. Publishing
    freezes the text as a new citable version with the public change ``note`` (none when the text
    equals the latest version, e.g. published again after a withdrawal)."""
    if status not in allowed_statuses(user) or (lemma.is_published and not can_publish(user)):
        raise PermissionError(_("Je mag de status van dit lemma niet op ‘%(status)s’ zetten.")
                              % {"status": Lemma.Status(status).label})
    with transaction.atomic(), reversion.create_revision():
        lemma.status = status
        if status == Lemma.Status.PUBLISHED and lemma.published_at is None:
            lemma.published_at = timezone.now()
        bump_version(lemma)
        lemma.save()
        if status == Lemma.Status.PUBLISHED:
            versions.freeze(lemma, note)
        reversion.set_user(user)
        reversion.set_comment(comment or _("Status gewijzigd in ‘%(status)s’.") % {"status": lemma.get_status_display()})
    return lemma


def freeze_published(lemma, note=""):
    """After a save through the form: a published lemma whose text, title, lead or byline changed
    gets a new version (the first one when it was just published)."""
    if lemma.status == Lemma.Status.PUBLISHED:
        return versions.freeze(lemma, note)
    return None


def sync_mentions(lemma, index=None):
    """Outgoing 'vermelding' references = the published lemmas the body links to or mentions.

    This feeds 'Genoemd in' on the target lemmas. Other kinds of reference are left alone."""
    index = index or Lemma.objects.link_index
    if not wikilinks.autolink_enabled():
        targets = wikilinks.link_targets(lemma.body, index, source_pk=lemma.pk, autolink=False)
    else:
        targets = wikilinks.link_targets(lemma.body, index, source_pk=lemma.pk)
    existing = set(
        lemma.outgoing_refs.filter(kind=CrossReference.Kind.MENTION).values_list("target_id", flat=True)
    )
    lemma.outgoing_refs.filter(kind=CrossReference.Kind.MENTION, target_id__in=existing - targets).delete()
    CrossReference.objects.bulk_create(
        [CrossReference(source=lemma, target_id=pk, kind=CrossReference.Kind.MENTION) for pk in targets - existing]
    )
    return targets
