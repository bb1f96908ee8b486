"""Literature: the works the lemmas cite, shared between lemmas, and the citations that link them."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from lexicon.content.editor_groups import grant_app_permissions


class LiteratureConfig(AppConfig):
    name = "lexicon.literature"
    label = "lexicon_literature"
    verbose_name = _("Literatuur")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.literature import signals

        signals.connect()
        post_migrate.connect(grant_app_permissions, sender=self, dispatch_uid="literature-editor-permissions")

