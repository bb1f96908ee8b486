"""A completed work changes every page that lists or links it: tell the page cache. A saved
lemma gets its citations extracted again (sync.py)."""
from django.db.models.signals import post_delete, post_save

from lexicon.content.signals import content_changed


def _changed(sender, **kwargs):
    content_changed.send(sender=sender)


def connect():
    from lexicon.content.models import Lemma
    from lexicon.literature.models import Citation, Work
    from lexicon.literature.sync import on_lemma_saved

    post_save.connect(on_lemma_saved, sender=Lemma, dispatch_uid="literature-sync-lemma")

    for model in (Work, Citation):
        post_save.connect(_changed, sender=model, dispatch_uid=f"literature-changed-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"literature-changed-delete-{model.__name__}")
