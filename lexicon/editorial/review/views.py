"""Views of the review conversation: the dashboard and a draft's review page in the admin, the
lemma picker's JSON, and the page an invited outside reviewer sees."""
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from lexicon.content import rendering, wikilinks
from lexicon.content.models import Lemma
from lexicon.editorial import workflow
from lexicon.editorial.review import dashboard, invitations, paragraphs, services
from lexicon.editorial.review.forms import CommentForm, InvitationForm
from lexicon.editorial.review.models import Invitation

PICKER_LIMIT = 15
GUEST_RATE = "30/h"  # comments per invitation: a leaked link cannot flood the editors' inbox


def _admin_context(request, title, **extra):
    return {**admin.site.each_context(request), "title": title, "opts": Lemma._meta, **extra}


@staff_member_required(login_url="admin:login")
def dashboard_view(request):
    return TemplateResponse(request, "review/dashboard.html",
                            _admin_context(request, _("Redactie-overzicht"), **dashboard.context(request.user)))


def rendered_paragraphs(lemma):
    """Each paragraph of the draft rendered as readers will see it, with the comments on it."""
    index = Lemma.objects.link_index()
    comments = list(lemma.review_comments.select_related("author", "invitation"))
    blocks = []
    for block in paragraphs.split(lemma.body):
        html = rendering.render_markdown(block.text, preprocess=wikilinks.preprocessor(index, source_pk=lemma.pk)).html
        blocks.append({"p": block, "html": html, "comments": [c for c in comments if c.paragraph == block.index]})
    general = [c for c in comments if c.paragraph is None]
    return blocks, general


def _initial_paragraph(request):
    value = request.GET.get("alinea", "")
    return int(value) if value.isdigit() else None


@staff_member_required(login_url="admin:login")
@require_http_methods(["GET", "POST"])
def lemma_review_view(request, pk):
    lemma = get_object_or_404(Lemma, pk=pk)
    if not request.user.has_perm("lexicon.view_lemma"):
        raise PermissionDenied
    form = CommentForm(request.POST or None, lemma=lemma, initial={"paragraph": _initial_paragraph(request)})
    if request.method == "POST" and form.is_valid():
        services.add_comment(lemma, form.cleaned_data["text"], user=request.user,
                             paragraph=form.cleaned_data["paragraph"])
        messages.success(request, _("Je opmerking is geplaatst."))
        return HttpResponseRedirect(reverse("review:lemma", args=[lemma.pk]) + "#opmerkingen")
    blocks, general = rendered_paragraphs(lemma)
    return TemplateResponse(request, "review/lemma_review.html", _admin_context(
        request, _("Review: %(title)s") % {"title": lemma.title}, lemma=lemma, blocks=blocks, general=general,
        form=form, requests=lemma.review_requests.select_related("requested_by", "reviewer", "reviewer_group")[:10],
        diff_url=dashboard.diff_url(lemma), can_invite=workflow.can_publish(request.user),
        invitation_form=InvitationForm(), invitations=_invitations(request, lemma),
        change_url=reverse("admin:lexicon_lemma_change", args=[lemma.pk]),
    ))


def _invitations(request, lemma):
    rows = list(lemma.invitations.all())
    for invitation in rows:
        invitation.url = request.build_absolute_uri(invitations.path_for(invitation))
    return rows


@staff_member_required(login_url="admin:login")
@require_http_methods(["POST"])
def invite_view(request, pk):
    lemma = get_object_or_404(Lemma, pk=pk)
    if not workflow.can_publish(request.user):
        raise PermissionDenied
    form = InvitationForm(request.POST)
    if form.is_valid():
        invitations.invite(lemma, form.cleaned_data["name"], email=form.cleaned_data["email"],
                           days=form.cleaned_data["days"], created_by=request.user,
                           site_url=request.build_absolute_uri("/").rstrip("/"))
        messages.success(request, _("Uitnodiging gemaakt voor %(name)s.") % {"name": form.cleaned_data["name"]})
    else:
        messages.error(request, _("De uitnodiging is niet gemaakt: vul een naam en een geldig aantal dagen in."))
    return HttpResponseRedirect(reverse("review:lemma", args=[lemma.pk]) + "#gastlezers")


@staff_member_required(login_url="admin:login")
@require_http_methods(["POST"])
def revoke_view(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    if not workflow.can_publish(request.user):
        raise PermissionDenied
    invitations.revoke(invitation)
    messages.success(request, _("De link van %(name)s werkt niet meer.") % {"name": invitation.name})
    return HttpResponseRedirect(reverse("review:lemma", args=[invitation.lemma_id]) + "#gastlezers")


@staff_member_required(login_url="admin:login")
def picker_view(request):
    """Lemmas for the [[...]] picker: title, slug or alternative terms contain the query; drafts too."""
    if not request.user.has_perm("lexicon.view_lemma"):
        return JsonResponse({"fout": _("Geen toegang."), "status": 403}, status=403)
    query = " ".join(request.GET.get("q", "").split())[:100]
    lemmas = Lemma.objects.all()
    if query:
        lemmas = lemmas.filter(Q(title__icontains=query) | Q(alternative_terms__icontains=query)
                               | Q(slug__icontains=query))
    rows = [{"titel": lemma.title, "slug": lemma.slug, "status": lemma.status, "status_label": lemma.get_status_display(),
             "andere_termen": lemma.alternative_terms, "wikilink": f"[[{lemma.title}]]"}
            for lemma in lemmas.order_by("title")[:PICKER_LIMIT]]
    return JsonResponse({"resultaten": rows})


# --- the invited outside reviewer ------------------------------------------------------------------

def _private(response):
    """Never cached (not by the page cache, nginx or a browser) and never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


GONE_MESSAGES = {
    invitations.REVOKED: (403, "Deze link is ingetrokken"),
    invitations.EXPIRED: (410, "Deze link is verlopen"),
    invitations.INVALID: (403, "Deze link is ongeldig"),
}


@require_http_methods(["GET", "POST"])
def guest_view(request, token):
    invitation, state = invitations.resolve(token)
    if state != invitations.VALID:
        status, heading = GONE_MESSAGES[state]
        response = TemplateResponse(request, "review/guest_gone.html", {"heading": _(heading), "state": state},
                                    status=status)
        return _private(response)
    lemma = invitation.lemma
    form = CommentForm(request.POST or None, lemma=lemma, initial={"paragraph": _initial_paragraph(request)})
    limited = request.method == "POST" and is_ratelimited(
        request, group="lexicon.editorial.review.guest", key=lambda _group, _request: str(invitation.pk),
        rate=GUEST_RATE, method="POST", increment=True)
    if limited:
        form.add_error(None, _("Je hebt in korte tijd veel opmerkingen geplaatst; probeer het over een uur opnieuw."))
    elif request.method == "POST" and form.is_valid():
        services.add_comment(lemma, form.cleaned_data["text"], invitation=invitation,
                             paragraph=form.cleaned_data["paragraph"])
        messages.success(request, _("Dank je wel, je opmerking is doorgegeven aan de redactie."))
        return _private(HttpResponseRedirect(request.path + "#opmerkingen"))
    Invitation.objects.filter(pk=invitation.pk).update(last_used=timezone.now())
    blocks, _general = rendered_paragraphs(lemma)
    own = [c for c in lemma.review_comments.filter(invitation=invitation)]
    return _private(TemplateResponse(request, "review/guest.html", {
        "invitation": invitation, "lemma": lemma, "blocks": blocks, "form": form, "own_comments": own,
        "site_name": getattr(settings, "SITE_NAME", ""),
    }))
