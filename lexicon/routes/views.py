"""Public route pages: the list, a route with its steps and reading list, the printable reader,
the short address for students, a step's address, and the reading list as downloads."""
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lexicon.routes import codes, reading_list
from lexicon.routes.models import Route


def _route(request, slug):
    return get_object_or_404(Route.objects.visible_to(request.user), slug=slug)


@require_safe
def route_list(request):
    routes = Route.objects.visible_to(request.user).with_step_counts()
    return render(request, "lexicon/routes/route_list.html", {"routes": routes})


@require_safe
def route_detail(request, slug):
    route = _route(request, slug)
    steps = route.reading_steps()
    absolute = request.build_absolute_uri
    return render(request, "lexicon/routes/route_detail.html", {
        "route": route,
        "steps": steps,
        "references": reading_list.apa_entries(route.lemmas(steps), absolute),
        "short_url": absolute(route.get_short_url()),
        "canonical_url": absolute(route.get_absolute_url()),
    })


@require_safe
def route_reader(request, slug):
    """The whole route on one page, for reading on paper (print CSS) or at a stretch."""
    route = _route(request, slug)
    absolute = request.build_absolute_uri
    steps = route.reading_steps()
    return render(request, "lexicon/routes/route_reader.html", {
        "route": route,
        "steps": steps,
        "references": reading_list.apa_entries(route.lemmas(steps), absolute),
        "canonical_url": absolute(route.get_absolute_url()),
    })


@require_safe
def short_redirect(request, code):
    route = Route.objects.visible_to(request.user).filter(code=codes.normalise(code)).first()
    if route is None:
        raise Http404(_("Er is geen leesroute met deze code. Controleer de code, of kijk bij alle leesroutes."))
    return redirect(route)


@require_safe
def step_redirect(request, slug, number):
    """/leesroutes/<slug>/stap/<n>/: the lemma page of step n, inside the route."""
    route = _route(request, slug)
    steps = route.reading_steps()
    if not 1 <= number <= len(steps):
        raise Http404(_("Deze leesroute heeft geen stap %(number)s.") % {"number": number})
    return redirect(steps[number - 1].get_absolute_url())


def _download(text, content_type, filename):
    response = HttpResponse(text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def reading_list_text(request, slug):
    route = _route(request, slug)
    text = reading_list.plain_text(route, route.lemmas(), request.build_absolute_uri)
    return _download(text, "text/plain", f"leeslijst-{route.slug}.txt")


@require_safe
def reading_list_ris(request, slug):
    route = _route(request, slug)
    text = reading_list.ris(route.lemmas(), request.build_absolute_uri)
    return _download(text, "application/x-research-info-systems", f"leeslijst-{route.slug}.ris")


@require_safe
def reading_list_bibtex(request, slug):
    route = _route(request, slug)
    text = reading_list.bibtex(route.lemmas(), request.build_absolute_uri)
    return _download(text, "application/x-bibtex", f"leeslijst-{route.slug}.bib")
