"""A completed work changes every page that lists or links it: tell the page cache."""
from django.db.models.signals import post_delete, post_save

from lexicon.content.signals import content_changed


def _changed(sender, **kwargs):
    content_changed.send(sender=sender)


def connect():
    from lexicon.literature.models import Citation, Work

    for model in (Work, Citation):
        post_save.connect(_changed, sender=model, dispatch_uid=f"literature-changed-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"literature-changed-delete-{model.__name__}")
