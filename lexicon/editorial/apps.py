from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "lexicon.editorial"
    label = "lexicon_editorial"
    verbose_name = _("Redactie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from reversion.signals import post_revision_commit

        from lexicon.editorial.review.services import link_summary_to_revision

        post_migrate.connect(grant_review_permissions, sender=self, dispatch_uid="editorial-review-permissions")
        post_revision_commit.connect(link_summary_to_revision, dispatch_uid="editorial-summary-revision")


def grant_review_permissions(sender, using="default", **kwargs):
    """The review records (lexicon_editorial): editors see them, chief editors manage them."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group

    from lexicon.editorial.workflow import grant_review_permissions as grant

    create_permissions(sender, verbosity=0, using=using)
    grant(Group.objects.using(using).filter(name__in=["redacteur", "hoofdredacteur"]), using=using)
