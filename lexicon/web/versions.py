"""The public pages of a lemma's citable versions: the list, one version, what changed, citations.

Only published versions of lemmas that are published now (staff also see those of a withdrawn
lemma); a draft is never a version, so it can never be shown here.
"""
import difflib
import re
from functools import cache

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lexicon.content import citation
from lexicon.content.models import Lemma, LemmaVersion

TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.U)


def _lemma(request, slug):
    return get_object_or_404(Lemma.objects.visible_to(request.user).select_related("cluster"), slug=slug)


MAX_NUMBER = 2**31 - 1  # beyond an integer column: no such version (and no database error)


def _version(request, slug, number):
    lemma = _lemma(request, slug)
    version = LemmaVersion.objects.filter(lemma=lemma, number=number).first() if number <= MAX_NUMBER else None
    if version is None:
        raise Http404(_("Dit lemma heeft geen versie %(n)s.") % {"n": number})
    version.lemma = lemma  # one object for the slug, the cluster and the permanent URL
    return lemma, version


@require_safe
def version_list(request, slug):
    lemma = _lemma(request, slug)
    versions = list(lemma.versions.order_by("-number"))
    if not versions:
        raise Http404(_("Van dit lemma is nog geen versie gepubliceerd."))
    for version in versions:
        version.lemma = lemma
    return render(request, "lexicon/versions/version_list.html", {
        "lemma": lemma, "versions": versions, "latest": versions[0],
    })


def _citations(request, version):
    url = request.build_absolute_uri(version.get_absolute_url())
    accessed = timezone.localdate()
    return {
        "url": url,
        "apa": citation.apa(version, url),
        "bibtex": citation.bibtex(version, url, accessed=accessed),
        "ris": citation.ris(version, url, accessed=accessed),
    }


@require_safe
def version_detail(request, slug, number):
    lemma, version = _version(request, slug, number)
    latest = lemma.versions.order_by("-number").only("number").first()
    # A version's text is rendered once per content generation (the stored fragment of the
    # template); its citations carry today's date as the access date, so the day is in the key.
    return render(request, "lexicon/versions/version_detail.html", {
        "lemma": lemma, "version": version, "is_latest": latest.number == version.number,
        "cite": cache(lambda: _citations(request, version)), "today": timezone.localdate().isoformat(),
    })


def _merged_words(old, new):
    """One paragraph's word-level change as HTML with <del> and <ins> (everything else escaped)."""
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            out.append(left)
            continue
        if left.strip():
            out.append(f"<del>{left}</del>")
        if right.strip():
            out.append(f"<ins>{right}</ins>")
    return mark_safe("".join(out))


def text_changes(old, new):
    """Changed paragraphs of two Markdown texts as [(kind, html)], kind changed/added/removed;
    unchanged paragraphs are left out (a reader wants what changed, not the essay again)."""
    a = [p.strip() for p in (old or "").split("\n\n") if p.strip()]
    b = [p.strip() for p in (new or "").split("\n\n") if p.strip()]
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            rows += [("changed", _merged_words(x, y)) for x, y in zip(a[i1:i2], b[j1:j2])]
            continue
        rows += [("removed", mark_safe(f"<del>{escape(p)}</del>")) for p in a[i1:i2]]
        rows += [("added", mark_safe(f"<ins>{escape(p)}</ins>")) for p in b[j1:j2]]
    return rows


@require_safe
def version_diff(request, slug, number):
    """What changed in version ``number`` compared with the version before it."""
    lemma, version = _version(request, slug, number)
    previous = lemma.versions.filter(number__lt=number).order_by("-number").first()
    if previous is None:
        raise Http404(_("Versie 1 is de eerste versie; er is niets om mee te vergelijken."))
    previous.lemma = lemma
    fields = [
        (_("Titel"), previous.title, version.title),
        (_("Ondertitel"), previous.subtitle, version.subtitle),
        (_("Auteurs"), ", ".join(previous.author_names), ", ".join(version.author_names)),
        (_("Inleiding"), previous.lead, version.lead),
        (_("Tekst"), previous.body, version.body),
    ]
    # Compared only when the page's stored fragment is missing (difflib over two essays).
    changes = cache(lambda: [(label, text_changes(old, new)) for label, old, new in fields if old != new])
    return render(request, "lexicon/versions/version_diff.html", {
        "lemma": lemma, "version": version, "previous": previous, "changes": changes,
    })


def _download(text, content_type, filename):
    response = HttpResponse(text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def version_bibtex(request, slug, number):
    _lemma_, version = _version(request, slug, number)
    text = _citations(request, version)["bibtex"]
    return _download(text, "application/x-bibtex", f"{slug}-versie-{number}.bib")


@require_safe
def version_ris(request, slug, number):
    _lemma_, version = _version(request, slug, number)
    text = _citations(request, version)["ris"]
    return _download(text, "application/x-research-info-systems", f"{slug}-versie-{number}.ris")
