from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "lexicon.editorial"
    label = "lexicon_editorial"
    verbose_name = _("Redactie")
    default_auto_field = "django.db.models.BigAutoField"
