"""Signals the content app sends, for the packages above it to act on (page cache, search index).

Saves and deletes through the ORM send Django's own model signals; code that writes past them
(``bulk_create``, ``QuerySet.update``, raw SQL, a restore) sends ``content_changed`` instead, so the
content app never has to know who caches or indexes what.
"""
from django.dispatch import Signal

content_changed = Signal()
