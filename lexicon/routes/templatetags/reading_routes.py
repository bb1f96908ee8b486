"""On a lemma page reached from a route (``?route=<slug>&stap=<n>``): 'stap 2 van 6', the step's
question and the previous and next steps. Reads the request only; the lemma view knows nothing of it."""
from django import template

from lexicon.routes.models import Route

register = template.Library()


def _step_number(request):
    try:
        return int(request.GET.get("stap", ""))
    except ValueError:
        return None


def current_step(request, lemma):
    """(route, steps, the step of ``lemma``) or None: an unknown route, a draft route for a reader,
    a step of another lemma or a lemma not in the route all give a plain lemma page."""
    slug = request.GET.get("route", "") if request is not None else ""
    if not slug or len(slug) > 200:
        return None
    route = Route.objects.visible_to(request.user).filter(slug=slug).first()
    if route is None:
        return None
    steps = route.reading_steps()
    number = _step_number(request)
    if number is not None and 1 <= number <= len(steps) and steps[number - 1].lemma.pk == lemma.pk:
        return route, steps, steps[number - 1]
    here = next((item for item in steps if item.lemma.pk == lemma.pk), None)
    return (route, steps, here) if here else None


@register.inclusion_tag("lexicon/routes/_step_nav.html", takes_context=True)
def route_step_nav(context, lemma):
    found = current_step(context.get("request"), lemma)
    if found is None:
        return {"route": None}
    route, steps, here = found
    index = here.number - 1
    return {
        "route": route,
        "step": here,
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
    }
