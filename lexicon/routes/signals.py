"""A route change alters public pages (route pages, the lemma pages reached from a route, the
sitemap): tell the page cache through the content app's ``content_changed`` signal."""
from django.db.models.signals import post_delete, post_save

from lexicon.content.signals import content_changed


def _changed(sender, **kwargs):
    content_changed.send(sender=sender)


def connect_signals():
    from lexicon.routes.models import Route, RouteStep

    for model in (Route, RouteStep):
        post_save.connect(_changed, sender=model, dispatch_uid=f"routes-changed-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"routes-changed-delete-{model.__name__}")
