"""The literature pages: a lemma's works as BibTeX/RIS, and /literatuur/ (all cited works, A–Z)."""
from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from lexicon.content.models import Lemma
from lexicon.content.rendering import initial_letter
from lexicon.literature import formatting
from lexicon.literature.models import Citation, Work
from lexicon.literature.templatetags.literature import citations_of


def _download(text, content_type, filename):
    response = HttpResponse(text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _works(request, slug):
    lemma = get_object_or_404(Lemma.objects.visible_to(request.user), slug=slug)
    return lemma, [c.work for c in citations_of(lemma)]


@require_safe
def lemma_bibtex(request, slug):
    lemma, works = _works(request, slug)
    return _download(formatting.bibtex(works), "application/x-bibtex", f"{lemma.slug}-literatuur.bib")


@require_safe
def lemma_ris(request, slug):
    lemma, works = _works(request, slug)
    return _download(formatting.ris(works), "application/x-research-info-systems", f"{lemma.slug}-literatuur.ris")


@require_safe
def work_list(request):
    """Every work a published lemma cites, A–Z by author, with the lemmas that cite it."""
    citations = (Citation.objects.filter(lemma__in=Lemma.objects.published())
                 .select_related("work", "lemma").only("work", "lemma__title", "lemma__slug", "times"))
    lemmas_of = {}
    for c in citations:
        lemmas_of.setdefault(c.work_id, []).append(c.lemma)
    works = sorted(Work.objects.filter(pk__in=lemmas_of), key=formatting.sort_key)
    for work in works:
        work.citing_lemmas = sorted(lemmas_of[work.pk], key=lambda x: x.title)
    groups = [(letter, list(items)) for letter, items in
              groupby(works, key=lambda w: initial_letter(formatting.apa_authors(w)))]
    incomplete = sum(1 for w in works if not w.complete)
    return render(request, "lexicon/literature/work_list.html",
                  {"groups": groups, "works": works, "incomplete": incomplete})
