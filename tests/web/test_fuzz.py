"""Hostile input on every public URL and form: never a server error, never reflected as live HTML.

The URL list is read from the URLconf, so a new public page is fuzzed without editing this file.
Path parameters get real slugs, near-misses and arbitrary text; query strings get the parameters
the site reads (and some it does not) with random, huge, binary and script-carrying values.
"""
import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings, strategies as st

from lexicon.content.models import Source

from lexicon.editorial.suggestions.models import Suggestion
from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages, make_ref

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
MARK = "fz7q"
# Each must come back escaped (or not at all); found verbatim in an HTML page it would run.
HOSTILE = [
    f"<script>{MARK}()</script>",
    f'"><img src=x onerror={MARK}()>',
    f"'><svg onload={MARK}()>",
    f"</textarea><b>{MARK}</b>",
    f"</title><i>{MARK}</i>",
    f'<a href="javascript:{MARK}()">x</a>',
]
PARAMS = ["q", "page", "letter", "cluster", "auteur", "sectie", "status", "per_page", "sort", "format", "limit", "offset"]
SLUGS = ["sociale-basis", "vertrouwen", "sociaal", "radboud-engbersen", "inleiding", "beloften"]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
values = st.one_of(
    text,
    st.sampled_from(["", "0", "-1", "1", "2", "abc", "99999999999999999999", "1e9", "%", "*", "?", "\\", "..", "\x00",
                     "S", "s", "É", "#", "ĳ", "sociaal", "eenzaamheid", "AND OR NOT", '"sociale basis"', "title:x*"]),
    st.builds(lambda a, h, b: a + h + b, text, st.sampled_from(HOSTILE), text),
    st.sampled_from(["x" * 5000, "ü" * 20000, "<" * 3000, "a " * 4000]),
)


def public_routes(patterns=None, prefix=""):
    """Every route outside the admin, as a string with <converter:name> placeholders."""
    routes = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = getattr(entry.pattern, "_route", None)
        if route is None or route.startswith("beheer/"):
            continue  # regex routes (none public) and the admin
        if isinstance(entry, URLResolver):
            routes += public_routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            routes.append("/" + prefix + route)
    return sorted(set(routes))


ROUTES = public_routes()
PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")


@pytest.fixture
def lexicon(settings):
    settings.RATELIMIT_ENABLE = False  # fuzz the form itself, not the rate limiter
    sociaal, *_ = make_clusters()
    make_pages()
    author = make_author("Radboud Engbersen", slug="radboud-engbersen")
    basis = make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[author],
                       body="Sociale basis.\n\n## Wat is het?\n\nTekst over [[Vertrouwen]].")
    vertrouwen = make_lemma("Vertrouwen", slug="vertrouwen", cluster=sociaal)
    make_ref(basis, vertrouwen)
    Source.objects.create(title="Beloften van nabijheid", slug="beloften", authors="Duyvendak en Tonkens")


def fill(route, data):
    def value(match):
        choice = data.draw(st.one_of(st.sampled_from(SLUGS), st.from_regex(r"\A[-a-zA-Z0-9_]{1,60}\Z"), text))
        return quote(choice, safe="") or "x"
    return PLACEHOLDER.sub(value, route)


def assert_safe(response, inputs):
    # 503 + Retry-After is a deliberate answer ("wordt gemaakt": a book file not built yet), not an error.
    deliberate = response.status_code == 503 and response.has_header("Retry-After")
    assert response.status_code < 500 or deliberate, (response.status_code, inputs)
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return
    html = response.content.decode("utf-8", "replace")
    for raw in inputs:
        for hostile in HOSTILE:
            if hostile in raw:
                assert hostile not in html, f"reflected unescaped: {hostile!r}"


def test_routes_were_found():
    assert "/lemma/<slug:slug>/" in ROUTES and "/zoeken/" in ROUTES and "/a-z/" in ROUTES
    assert not any(r.startswith("/beheer/") for r in ROUTES)


@FUZZ
@given(data=st.data())
def test_every_public_url_survives_hostile_query_strings(client, lexicon, data):
    route = data.draw(st.sampled_from(ROUTES), label="route")
    path = fill(route, data)
    params = data.draw(st.dictionaries(st.sampled_from(PARAMS), values, max_size=3), label="params")
    response = client.get(path, params)
    assert_safe(response, list(params.values()))


@FUZZ
@given(route=st.sampled_from(ROUTES), raw=values)
def test_every_public_url_survives_hostile_path_segments(client, lexicon, route, raw):
    path = PLACEHOLDER.sub(lambda m: quote(raw, safe="") or "x", route) if "<" in route else route + quote(raw, safe="")
    response = client.get(path)
    assert_safe(response, [raw])


@FUZZ
@given(q=values)
def test_search_page_with_any_query(client, lexicon, q):
    response = client.get("/zoeken/", {"q": q})
    assert_safe(response, [q])
    assert response.status_code in (200, 400)


@FUZZ
@given(
    target=st.sampled_from(["/suggestie/", "/lemma/sociale-basis/suggestie/", "/lemma/bestaat-niet/suggestie/"]),
    form=st.fixed_dictionaries(
        {},
        optional={"proposed_title": values, "text": values, "name": values, "email": values, "website": values,
                  "lemma": values, "status": values},
    ),
)
def test_suggestion_forms_survive_hostile_posts(client, lexicon, target, form):
    before = Suggestion.objects.count()
    response = client.post(target, form)
    assert_safe(response, list(form.values()))
    if response.status_code != 302:  # refused: nothing stored, and the reader is told why
        assert Suggestion.objects.count() == before
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode() or "errors" in response.content.decode()
    for suggestion in Suggestion.objects.all():
        assert suggestion.status == Suggestion.Status.NEW  # a reader cannot set moderation fields
