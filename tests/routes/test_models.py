"""What a route is made of: its steps in order, only published lemmas, sections cut out exactly."""
import pytest

from lexicon.routes import codes
from lexicon.routes.models import Route
from tests.helpers.routes import make_route

pytestmark = pytest.mark.django_db


def test_reading_steps_are_numbered_in_order_and_skip_unpublished_lemmas(lemmas):
    route = make_route(steps=[lemmas["buurtteams"], lemmas["geheim"], lemmas["presentie"],
                              (lemmas["sociale-basis"], "in-de-praktijk")])
    steps = route.reading_steps()
    assert [(s.number, s.total, s.lemma.slug) for s in steps] == [
        (1, 3, "buurtteams"), (2, 3, "presentie"), (3, 3, "sociale-basis")]
    assert steps[2].section.title == "In de praktijk"
    assert steps[2].title == "Sociale basis: In de praktijk"
    assert route.lemmas() == [lemmas["buurtteams"], lemmas["presentie"], lemmas["sociale-basis"]]


def test_steps_follow_their_order_field_not_their_creation(lemmas):
    route = make_route(steps=[lemmas["buurtteams"], lemmas["presentie"]])
    first = route.steps.get(lemma=lemmas["buurtteams"])
    first.order = 9
    first.save()
    assert [s.lemma.slug for s in route.reading_steps()] == ["presentie", "buurtteams"]


def test_a_section_step_holds_only_that_section(lemmas):
    route = make_route(steps=[(lemmas["presentie"], "wat-is-het")])
    (step,) = route.reading_steps()
    html = step.body_html
    assert 'id="wat-is-het"' in html and "Presentie betekent iets" in html
    assert "Inleidende tekst" not in html and "Praktijk van Presentie" not in html
    assert step.text_url() == "/lemma/presentie/#wat-is-het"


def test_a_renamed_heading_falls_back_to_the_whole_lemma(lemmas):
    route = make_route(steps=[(lemmas["presentie"], "wat-is-het")])
    lemma = lemmas["presentie"]
    lemma.body = lemma.body.replace("## Wat is het", "## Wat het is")
    lemma.save()
    (step,) = route.reading_steps()
    assert step.section is None
    assert "Inleidende tekst van Presentie" in step.body_html and step.text_url() == "/lemma/presentie/"


def test_reader_html_keeps_ids_of_different_steps_apart(lemmas):
    route = make_route(steps=[lemmas["presentie"], lemmas["buurtteams"]])
    one, two = route.reading_steps()
    assert 'id="stap-1-wat-is-het"' in one.reader_html and 'id="stap-2-wat-is-het"' in two.reader_html
    # Footnote links point into their own step, and the lemma's headings sit below the step's <h2>.
    assert 'href="#stap-2-fn:1"' in two.reader_html and "<h2" not in two.reader_html


def test_every_route_gets_its_own_short_code():
    first, second = Route.objects.create(title="A", slug="a"), Route.objects.create(title="B", slug="b")
    assert first.code != second.code
    assert len(first.code) == codes.LENGTH and set(first.code) <= set(codes.ALPHABET)
    assert codes.normalise(" " + first.code.upper()[:3] + "-" + first.code[3:]) == first.code


def test_publishing_sets_the_date_once(lemmas):
    route = make_route(status=Route.Status.DRAFT)
    assert route.published_at is None
    route.status = Route.Status.PUBLISHED
    route.save()
    first = route.published_at
    assert first is not None
    route.save()
    assert route.published_at == first
