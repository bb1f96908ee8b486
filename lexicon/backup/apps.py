"""Back-up and restore of everything people made: content, users and groups, revision history,
suggestions, synonyms and the admin log (``manage.py backup FILE`` / ``restore FILE``)."""
from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "lexicon.backup"
    label = "lexicon_backup"
    verbose_name = "Back-up"
