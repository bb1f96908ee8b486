"""The search app: index, query understanding, results; its own models (synonyms) and admin."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from lexicon.content.editor_groups import grant_app_permissions


class SearchConfig(AppConfig):
    name = "lexicon.search"
    label = "lexicon_search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.search import checks, synonyms  # noqa: F401 (checks registers itself)

        synonyms.connect_signals()
        post_migrate.connect(grant_app_permissions, sender=self, dispatch_uid="search-editor-permissions")

