from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """What a lemma is. Keeps the label ``lexicon``: tables, migrations, permissions, fixtures and
    content types are those of the app before the split into packages."""

    name = "lexicon.content"
    label = "lexicon"
    verbose_name = _("Lexicon")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lexicon.content import renderings

        renderings.connect_signals()
