"""What the review conversation stores. Nothing here changes a lemma; ``services`` does that."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewRequest(models.Model):
    """A lemma offered for review: to one user, to a group (the editors-in-chief), with a note."""

    lemma = models.ForeignKey("lexicon.Lemma", verbose_name=_("lemma"), on_delete=models.CASCADE,
                              related_name="review_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("aangeboden door"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="review_requests")
    reviewer_group = models.ForeignKey("auth.Group", verbose_name=_("groep reviewers"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("notitie voor de reviewer"), blank=True)
    created = models.DateTimeField(_("aangeboden"), default=timezone.now, db_index=True)
    closed = models.DateTimeField(_("afgerond"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("reviewverzoek")
        verbose_name_plural = _("reviewverzoeken")

    def __str__(self):
        return f"{self.lemma}: {self.reviewer_label}"

    @property
    def reviewer_label(self):
        if self.reviewer:
            return self.reviewer.get_full_name() or self.reviewer.get_username()
        return self.reviewer_group.name if self.reviewer_group else _("de hoofdredactie")


class Invitation(models.Model):
    """A link for a named outside reviewer to read one draft and comment on it. The URL carries a
    signed id (django.core.signing); expiry and revocation are checked here on every visit."""

    lemma = models.ForeignKey("lexicon.Lemma", verbose_name=_("lemma"), on_delete=models.CASCADE,
                              related_name="invitations")
    name = models.CharField(_("naam van de gastlezer"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uitgenodigd door"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    expires = models.DateTimeField(_("geldig tot"))
    revoked = models.DateTimeField(_("ingetrokken"), null=True, blank=True)
    last_used = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("uitnodiging voor een gastlezer")
        verbose_name_plural = _("uitnodigingen voor gastlezers")

    def __str__(self):
        return f"{self.name} – {self.lemma}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires

    @property
    def is_active(self):
        return self.revoked is None and not self.is_expired


class ReviewComment(models.Model):
    """A remark on a draft as a whole or on one paragraph (index in the body and the heading above
    it, kept as text so the anchor still reads right after the draft changes)."""

    lemma = models.ForeignKey("lexicon.Lemma", verbose_name=_("lemma"), on_delete=models.CASCADE,
                              related_name="review_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    invitation = models.ForeignKey(Invitation, verbose_name=_("gastlezer"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="comments")
    text = models.TextField(_("opmerking"))
    paragraph = models.PositiveIntegerField(_("alinea"), null=True, blank=True)
    heading = models.CharField(_("onder de kop"), max_length=300, blank=True)
    excerpt = models.CharField(_("begin van de alinea"), max_length=200, blank=True)
    created = models.DateTimeField(_("geplaatst"), default=timezone.now, db_index=True)
    resolved = models.BooleanField(_("afgehandeld"), default=False)

    class Meta:
        ordering = ["created"]
        verbose_name = _("opmerking bij een concept")
        verbose_name_plural = _("opmerkingen bij concepten")

    def __str__(self):
        return f"{self.lemma}: {self.text[:60]}"

    @property
    def author_label(self):
        if self.invitation_id:
            return _("%(name)s (gastlezer)") % {"name": self.invitation.name}
        if self.author:
            return self.author.get_full_name() or self.author.get_username()
        return _("onbekend")


class EditSummary(models.Model):
    """The edit summary of one save, next to the reversion comment that shows it in the history.
    ``published`` marks a save that left the lemma published: its summary is the public change note
    (``services.public_change_note``)."""

    lemma = models.ForeignKey("lexicon.Lemma", verbose_name=_("lemma"), on_delete=models.CASCADE,
                              related_name="edit_summaries")
    revision = models.OneToOneField("reversion.Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="edit_summary")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    summary = models.CharField(_("samenvatting van de wijziging"), max_length=300)
    published = models.BooleanField(_("gepubliceerde wijziging"), default=False)
    created = models.DateTimeField(_("opgeslagen"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("samenvatting van een wijziging")
        verbose_name_plural = _("samenvattingen van wijzigingen")

    def __str__(self):
        return self.summary


class ScheduledPublication(models.Model):
    """'Publish at': ``manage.py publish_scheduled`` (cron) publishes due lemmas as ``created_by``."""

    lemma = models.OneToOneField("lexicon.Lemma", verbose_name=_("lemma"), on_delete=models.CASCADE,
                                 related_name="scheduled_publication")
    publish_at = models.DateTimeField(_("publiceren op"), db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    change_note = models.CharField(_("wijzigingsnotitie"), max_length=300, blank=True)
    done = models.DateTimeField(_("gepubliceerd"), null=True, blank=True)
    problem = models.TextField(_("probleem bij de laatste poging"), blank=True)

    class Meta:
        ordering = ["publish_at"]
        verbose_name = _("geplande publicatie")
        verbose_name_plural = _("geplande publicaties")

    def __str__(self):
        return f"{self.lemma} @ {self.publish_at:%Y-%m-%d %H:%M}"
