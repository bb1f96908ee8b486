"""Who may do what with routes: the editors' groups of lexicon.editorial get the route permissions.

'redacteur' composes and submits routes, 'hoofdredacteur' also publishes (lexicon_routes.publish_route)
and deletes them: the same split as for lemmas.
"""
from lexicon.content.editor_groups import CHIEF_GROUP, EDITOR_GROUP, grant_app_permissions  # noqa: F401

PUBLISH_PERMISSION = "lexicon_routes.publish_route"

EDITOR_PERMISSIONS = [
    "add_route", "change_route", "view_route",
    "add_routestep", "change_routestep", "delete_routestep", "view_routestep",
]


def grant_editor_permissions(using="default"):
    """Give the editors' groups (when they exist) their route permissions; safe to repeat."""
    from django.apps import apps

    grant_app_permissions(apps.get_app_config("lexicon_routes"), using=using, editor_codenames=EDITOR_PERMISSIONS)


def grant_after_migrate(sender, using="default", **kwargs):
    grant_editor_permissions(using=using)


def can_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))
