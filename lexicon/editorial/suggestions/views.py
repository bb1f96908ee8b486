"""Readers' suggestions: 'Wat hebben we gemist?' per lemma and 'Stel een lemma voor'.

Kept off the (cached) lemma page: the forms live on their own never-cached pages. Suggestions
go to the moderation queue in the admin and are never published automatically.
"""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_ratelimit.core import is_ratelimited

from lexicon.editorial.suggestions.forms import SuggestionForm
from lexicon.content.models import Lemma

RATE = "5/h"  # per IP address, counted on every POST (also spam and invalid posts)


@never_cache
@csrf_protect
def suggest_for_lemma(request, slug):
    lemma = get_object_or_404(Lemma.objects.visible_to(request.user), slug=slug)
    return _suggest(request, lemma)


@never_cache
@csrf_protect
def suggest_general(request):
    return _suggest(request, None)


def _suggest(request, lemma):
    here = request.path
    if request.method == "POST":
        if is_ratelimited(request, group="lexicon.editorial.suggestions.views", key="ip", rate=RATE, method="POST", increment=True):
            form = SuggestionForm(request.POST, lemma=lemma)
            return render(request, "lexicon/suggestion_form.html", {
                "form": form, "lemma": lemma, "limited": True,
            }, status=429)
        form = SuggestionForm(request.POST, lemma=lemma)
        if form.is_spam:
            # Same answer as a real submission, so bots learn nothing; nothing is stored.
            messages.success(request, _("Dank je wel! De redactie leest je suggestie."))
            return redirect(here)
        if form.is_valid():
            form.save()
            messages.success(request, _("Dank je wel! De redactie leest je suggestie."))
            return redirect(here)
        status = 400
    else:
        form = SuggestionForm(lemma=lemma)
        status = 200
    return render(request, "lexicon/suggestion_form.html", {"form": form, "lemma": lemma}, status=status)
