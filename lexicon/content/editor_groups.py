"""The editors' groups get every permission of an app after migrate (the groups themselves are made
by lexicon.editorial); shared by the apps whose models editors manage (search, literature)."""
EDITOR_GROUPS = ["redacteur", "hoofdredacteur"]


def grant_app_permissions(sender, using="default", **kwargs):
    """post_migrate receiver: all of ``sender``'s permissions to the redacteur and hoofdredacteur groups."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    perms = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*perms)
