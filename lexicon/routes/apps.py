"""The reading-path app: its own models, admin, public pages and permissions."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "lexicon.routes"
    label = "lexicon_routes"
    verbose_name = _("Leesroutes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.routes import permissions, signals

        signals.connect_signals()
        post_migrate.connect(permissions.grant_after_migrate, sender=self, dispatch_uid="routes-editor-permissions")
