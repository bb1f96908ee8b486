"""The editors' groups get an app's permissions after migrate (the groups themselves are made by
lexicon.editorial); shared by the apps whose models editors manage (search, literature, routes)."""
EDITOR_GROUP = "redacteur"
CHIEF_GROUP = "hoofdredacteur"
EDITOR_GROUPS = [EDITOR_GROUP, CHIEF_GROUP]


def grant_app_permissions(sender, using="default", editor_codenames=None, **kwargs):
    """post_migrate receiver: all of ``sender``'s permissions to both groups, or to 'redacteur' only
    those in ``editor_codenames`` when given (the chief editors keep all); safe to repeat."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    perms = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        if group.name == EDITOR_GROUP and editor_codenames is not None:
            group.permissions.add(*perms.filter(codename__in=editor_codenames))
        else:
            group.permissions.add(*perms)
