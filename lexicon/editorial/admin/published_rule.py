"""One rule for every change to a published page, whichever admin screen it comes through.

A lemma's page shows its text, its authors (names, affiliations) and its cross-references (and
those of other published lemmas that point to it). So a cross-reference from a published lemma,
and an author of a published lemma, are part of a published page: changing them follows the
publish right (hoofdredacteur), like the lemma's text (lexicon.editorial.workflow.may_edit), and
leaves a revision in the history of every published lemma it changes. A redacteur sees these
screens read-only, with a message saying who can make the change.
"""
import reversion
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lexicon.content.models import Lemma
from lexicon.editorial import workflow as editorial

PROPOSE = gettext_lazy("Dit is te zien op een gepubliceerd lemma; alleen de hoofdredacteur kan het wijzigen. "
            "Stel je wijziging voor aan de hoofdredactie (of vraag het lemma terug te zetten naar ‘concept’).")


class PublishedPageRule:
    """Mixin for a ModelAdmin whose objects appear on lemma pages; subclasses say on which."""

    revision_comment = ""

    def published_lemmas(self, obj):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _affects_published(self, obj):
        return obj is not None and obj.pk is not None and self._published_of(obj).exists()

    def _published_of(self, obj):
        return Lemma.objects.filter(pk__in=[lemma.pk for lemma in self.published_lemmas(obj)]).published()

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (editorial.can_publish(request.user) or not self._affects_published(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (editorial.can_publish(request.user) or not self._affects_published(obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        rule, user = self, request.user

        def _post_clean(form):
            base._post_clean(form)  # the instance now holds the submitted values
            if not editorial.can_publish(user) and rule._published_of(form.instance).exists():
                form.add_error(None, ValidationError(PROPOSE))  # e.g. a new reference *from* a published lemma

        return type(base.__name__, (base,), {"_post_clean": _post_clean})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not editorial.can_publish(request.user) and self._affects_published(obj):
            messages.info(request, PROPOSE)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _record(self, request, lemmas, comment):
        """One revision per changed published lemma (its history shows it), and a version bump so
        a lemma form open elsewhere does not silently write back the old state."""
        for lemma in lemmas:
            with reversion.create_revision():
                editorial.bump_version(lemma)
                reversion.add_to_revision(Lemma.objects.get(pk=lemma.pk))
                reversion.set_user(request.user)
                reversion.set_comment(comment)

    def save_model(self, request, obj, form, change):
        before = list(self._published_of(type(obj).objects.get(pk=obj.pk))) if change else []
        super().save_model(request, obj, form, change)
        after = list(self._published_of(obj))
        lemmas = {lemma.pk: lemma for lemma in before + after}.values()
        self._record(request, lemmas, self.describe(obj, form, "change" if change else "add"))

    def delete_model(self, request, obj):
        lemmas, comment = list(self._published_of(obj)), self.describe(obj, None, "delete")
        super().delete_model(request, obj)
        self._record(request, lemmas, comment)

    def delete_queryset(self, request, queryset):
        for obj in queryset:  # one by one: each leaves its revisions
            self.delete_model(request, obj)

    def describe(self, obj, form, action):
        fields = ", ".join(form.changed_data) if form is not None and form.changed_data else ""
        verbs = {"add": _("toegevoegd"), "change": _("gewijzigd"), "delete": _("verwijderd")}
        text = f"{self.revision_comment}: {obj} {verbs[action]}"
        return f"{text} ({fields})" if fields else text
