"""Builders for reading-path tests (lexicon.routes)."""
from lexicon.routes.models import Route, RouteStep


def make_route(title="Nabijheid in de wijk", *, steps=(), status=Route.Status.PUBLISHED, **kwargs):
    """A route with ``steps``: lemmas, or (lemma, anchor) / (lemma, anchor, question) tuples."""
    kwargs.setdefault("slug", title.lower().replace(" ", "-"))
    route = Route.objects.create(title=title, status=status, **kwargs)
    for order, step in enumerate(steps, start=1):
        lemma, anchor, question = (tuple(step) + ("", ""))[:3] if isinstance(step, tuple) else (step, "", "")
        RouteStep.objects.create(route=route, order=order, lemma=lemma, section_anchor=anchor,
                                 question=question or f"Vraag bij stap {order}?")
    return route
