from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "lexicon.reading"
    label = "lexicon_reading"
    verbose_name = "Lezen"
