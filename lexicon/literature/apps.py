"""Literature: the works the lemmas cite, shared between lemmas, and the citations that link them."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LiteratureConfig(AppConfig):
    name = "lexicon.literature"
    label = "lexicon_literature"
    verbose_name = _("Literatuur")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.literature import signals

        signals.connect()
        post_migrate.connect(grant_editor_permissions, sender=self, dispatch_uid="literature-editor-permissions")


def grant_editor_permissions(sender, using="default", **kwargs):
    """Editors and chief editors complete the works (groups made by lexicon.editorial)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    perms = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for group in Group.objects.using(using).filter(name__in=["redacteur", "hoofdredacteur"]):
        group.permissions.add(*perms)
