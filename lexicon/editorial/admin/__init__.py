"""The editors' admin at /beheer/ (Django's admin autodiscovers ``lexicon.editorial.admin``)."""
from django.contrib import admin
from django.utils.translation import gettext_lazy

from lexicon.editorial.admin import catalogue, lemmas, versions  # noqa: F401  (registrations)
from lexicon.editorial.review import admin as review  # noqa: F401
from lexicon.editorial.suggestions import admin as suggestions  # noqa: F401

admin.site.site_header = gettext_lazy("Lexicon nabijheid – redactie")
admin.site.site_title = gettext_lazy("Redactie lexicon")
admin.site.index_title = gettext_lazy("Beheer van het lexicon")
