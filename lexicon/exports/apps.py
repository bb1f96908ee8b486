from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "lexicon.exports"
    label = "lexicon_exports"
    verbose_name = _("Het boek als bestand en offline")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A publish (any content save) makes the built files stale: rebuild them in the background.
        from lexicon.exports import builder

        builder.connect_signals()
