from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "lexicon.web"
    label = "lexicon_web"
    verbose_name = _("Publieke site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every content save/delete invalidates the public page cache (lexicon.web.caching).
        from lexicon.web import caching, login_throttle  # noqa: F401 (its signal receivers)

        caching.connect_signals()
