from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "lexicon.importer"
    label = "lexicon_importer"
    verbose_name = _("Import")
    default_auto_field = "django.db.models.BigAutoField"
