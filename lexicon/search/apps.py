from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "lexicon.search"
    label = "lexicon_search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"
