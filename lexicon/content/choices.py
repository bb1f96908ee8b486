"""The publication states of a lemma, apart from the model so pure text code (wiki links) can name them."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class LemmaStatus(models.TextChoices):
    DRAFT = "concept", _("concept")
    REVIEW = "review", _("ter review")
    PUBLISHED = "gepubliceerd", _("gepubliceerd")
