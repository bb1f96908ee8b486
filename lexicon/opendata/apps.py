from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "lexicon.opendata"
    label = "lexicon_opendata"
    verbose_name = _("Open data")
    default_auto_field = "django.db.models.BigAutoField"
