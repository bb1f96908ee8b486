"""Who may do what with routes: the editors' groups of lexicon.editorial get the route permissions.

'redacteur' composes and submits routes, 'hoofdredacteur' also publishes (lexicon_routes.publish_route)
and deletes them: the same split as for lemmas.
"""
PUBLISH_PERMISSION = "lexicon_routes.publish_route"
EDITOR_GROUP = "redacteur"
CHIEF_GROUP = "hoofdredacteur"

EDITOR_PERMISSIONS = [
    "add_route", "change_route", "view_route",
    "add_routestep", "change_routestep", "delete_routestep", "view_routestep",
]


def grant_editor_permissions(using="default"):
    """Give the editors' groups (when they exist) their route permissions; safe to repeat."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    config = apps.get_app_config("lexicon_routes")
    create_permissions(config, verbosity=0, using=using)
    perms = Permission.objects.using(using).filter(content_type__app_label=config.label)
    for group in Group.objects.using(using).filter(name=EDITOR_GROUP):
        group.permissions.add(*perms.filter(codename__in=EDITOR_PERMISSIONS))
    for group in Group.objects.using(using).filter(name=CHIEF_GROUP):
        group.permissions.add(*perms)


def grant_after_migrate(sender, using="default", **kwargs):
    grant_editor_permissions(using=using)


def can_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))
