"""The review records in the admin: comments (also those of guest reviewers), invitations with their
state, scheduled publications. Comments are marked 'afgehandeld' here or on the review page."""
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from lexicon.editorial.review.models import Invitation, ReviewComment, ReviewRequest, ScheduledPublication


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["lemma", "who", "where", "short_text", "created", "resolved"]
    list_filter = ["resolved", ("invitation", admin.EmptyFieldListFilter)]
    list_editable = ["resolved"]
    search_fields = ["text", "lemma__title", "invitation__name"]
    readonly_fields = ["lemma", "author", "invitation", "text", "paragraph", "heading", "excerpt", "created"]

    def has_add_permission(self, request):
        return False  # comments are written on the review page, where the paragraph is chosen

    @admin.display(description=_("door"))
    def who(self, obj):
        return obj.author_label

    @admin.display(description=_("waar"))
    def where(self, obj):
        if obj.paragraph is None:
            return _("het concept")
        return format_html('<a href="{}#alinea-{}">{}</a>', reverse("review:lemma", args=[obj.lemma_id]), obj.paragraph,
                           _("alinea %(n)s %(heading)s") % {"n": obj.paragraph + 1, "heading": obj.heading})

    @admin.display(description=_("opmerking"))
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["name", "lemma", "created_by", "expires", "revoked", "last_used"]
    readonly_fields = ["lemma", "created_by", "created", "last_used"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # made on the lemma's review page (the link is shown there)

    @admin.action(description=_("Links intrekken"))
    def revoke(self, request, queryset):
        from django.utils import timezone
        queryset.filter(revoked__isnull=True).update(revoked=timezone.now())


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    list_display = ["lemma", "requested_by", "reviewer_label", "created", "closed"]
    list_filter = [("closed", admin.EmptyFieldListFilter)]
    readonly_fields = ["lemma", "requested_by", "created"]

    def has_add_permission(self, request):
        return False  # opened from the lemma form ('ter review' with a reviewer and a note)


@admin.register(ScheduledPublication)
class ScheduledPublicationAdmin(admin.ModelAdmin):
    list_display = ["lemma", "publish_at", "created_by", "done", "problem"]
    readonly_fields = ["done", "problem"]
