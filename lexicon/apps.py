from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexiconConfig(AppConfig):
    name = "lexicon"
    verbose_name = _("Lexicon")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every content save/delete invalidates the public page cache (lexicon.caching).
        from . import caching

        caching.connect_signals()
