"""The search app: index, query understanding, results; its own models (synonyms) and admin."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "lexicon.search"
    label = "lexicon_search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.search import checks, synonyms  # noqa: F401 (checks registers itself)

        synonyms.connect_signals()
        post_migrate.connect(grant_editor_permissions, sender=self, dispatch_uid="search-editor-permissions")


def grant_editor_permissions(sender, using="default", **kwargs):
    """Editors and chief editors manage the synonym list (groups made by lexicon.editorial)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    perms = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for group in Group.objects.using(using).filter(name__in=["redacteur", "hoofdredacteur"]):
        group.permissions.add(*perms)
