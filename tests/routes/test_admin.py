"""Routes in the admin, as the editors work: a redacteur composes a route and submits it, the
hoofdredacteur publishes it, readers then see it with its steps; history keeps every version."""
import pytest
from reversion.models import Version

from lexicon.routes import permissions
from lexicon.routes.models import Route
from tests.helpers.editorial import form_data, make_user
from tests.helpers.routes import make_route

pytestmark = pytest.mark.django_db

ADD = "/beheer/lexicon_routes/route/add/"
LIST = "/beheer/lexicon_routes/route/"


def change_url(route):
    return f"/beheer/lexicon_routes/route/{route.pk}/change/"


def login(client, username, group):
    client.force_login(make_user(username, group))
    permissions.grant_editor_permissions()  # groups rebuilt after a flush lack the route rights
    return client


@pytest.fixture
def editor(client):
    return login(client, "redacteur1", "redacteur")


def route_data(client, lemmas, **changes):
    """The add form as a browser sends it, with two steps: a whole lemma and a section by its heading."""
    data = form_data(client.get(ADD), "route_form")
    data.update({
        "title": "Presentie in de wijk", "slug": "presentie-in-de-wijk", "kind": "cursus",
        "audience": "Hbo Social Work, jaar 2", "introduction": "Lees in deze volgorde.",
        "steps-TOTAL_FORMS": "2",
        "steps-0-order": "1", "steps-0-lemma": str(lemmas["buurtteams"].pk), "steps-0-section_anchor": "",
        "steps-0-note": "Begin bij de praktijk.", "steps-0-question": "Wie zit er in een buurtteam?",
        "steps-1-order": "2", "steps-1-lemma": str(lemmas["presentie"].pk), "steps-1-section_anchor": "In de praktijk",
        "steps-1-note": "", "steps-1-question": "Wat vraagt presentie van jou?",
        **changes,
    })
    return data


def test_route_built_by_editor_published_by_chief_is_visible_with_its_steps(client, lemmas):
    editor = login(client, "redacteur1", "redacteur")
    form = editor.get(ADD)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="review"' in html and 'value="gepubliceerd"' not in html
    response = editor.post(ADD, route_data(editor, lemmas, status="review"))
    assert response.status_code == 302, response.content.decode()[:3000]
    route = Route.objects.get(slug="presentie-in-de-wijk")
    assert route.status == Route.Status.REVIEW
    assert [(s.lemma.slug, s.section_anchor) for s in route.steps.all()] == [
        ("buurtteams", ""), ("presentie", "in-de-praktijk")]
    assert client.get("/leesroutes/presentie-in-de-wijk/").status_code == 200  # staff preview
    client.logout()
    assert client.get("/leesroutes/presentie-in-de-wijk/").status_code == 404

    chief = login(client, "hoofd1", "hoofdredacteur")
    response = chief.post(LIST, {"action": "publish", "_selected_action": [route.pk]})
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.status == Route.Status.PUBLISHED and route.published_at is not None
    assert Version.objects.get_for_object(route).count() == 2  # created, then published

    client.logout()
    page = client.get("/leesroutes/presentie-in-de-wijk/").content.decode()
    assert "Stap 1 van 2" in page and "Wie zit er in een buurtteam?" in page
    assert "In de praktijk" in page and "Wat vraagt presentie van jou?" in page


def test_editor_cannot_publish_by_forging_the_form_or_the_action(editor, lemmas):
    response = editor.post(ADD, route_data(editor, lemmas, status="gepubliceerd"))
    assert response.status_code == 200 and not Route.objects.exists()
    route = make_route("Klaar", status=Route.Status.REVIEW, steps=[lemmas["presentie"]])
    editor.post(LIST, {"action": "publish", "_selected_action": [route.pk]})
    route.refresh_from_db()
    assert route.status == Route.Status.REVIEW


def test_editor_may_not_change_a_published_route(editor, lemmas):
    route = make_route("Openbaar", steps=[lemmas["presentie"]])
    page = editor.get(change_url(route)).content.decode()
    assert "alleen de hoofdredacteur kan haar wijzigen" in page  # shown read-only, with the reason
    response = editor.post(change_url(route), {"title": "Stiekem gewijzigd", "slug": route.slug})
    assert response.status_code == 403
    route.refresh_from_db()
    assert route.title == "Openbaar"


def test_a_section_that_the_lemma_does_not_have_is_refused_with_the_choices(editor, lemmas):
    response = editor.post(ADD, route_data(editor, lemmas, **{"steps-1-section_anchor": "Bestaat niet"}))
    html = response.content.decode()
    assert response.status_code == 200 and not Route.objects.exists()
    assert "is geen paragraaf van" in html and "Wat is het; In de praktijk" in html


def test_steps_are_renumbered_in_the_order_given(editor, lemmas):
    editor.post(ADD, route_data(editor, lemmas, **{"steps-0-order": "20", "steps-1-order": "5"}))
    route = Route.objects.get(slug="presentie-in-de-wijk")
    assert [(s.order, s.lemma.slug) for s in route.steps.all()] == [(1, "presentie"), (2, "buurtteams")]


def test_chief_restores_an_earlier_version_with_its_steps(client, lemmas):
    chief = login(client, "hoofd1", "hoofdredacteur")
    chief.post(ADD, route_data(chief, lemmas, status="concept"))
    route = Route.objects.get(slug="presentie-in-de-wijk")
    first = Version.objects.get_for_object(route).get()
    data = form_data(chief.get(change_url(route)), "route_form")
    data.update({"steps-0-DELETE": "on", "title": "Korter"})
    chief.post(change_url(route), data)
    assert route.steps.count() == 1
    revert = f"/beheer/lexicon_routes/route/{route.pk}/history/{first.pk}/"
    data = form_data(chief.get(revert), "route_form")
    assert chief.post(revert, data).status_code == 302
    route.refresh_from_db()
    assert route.title == "Presentie in de wijk" and route.steps.count() == 2


def test_a_step_left_at_order_0_goes_to_the_end(editor, lemmas):
    editor.post(ADD, route_data(editor, lemmas, **{"steps-0-order": "0", "steps-1-order": "1"}))
    route = Route.objects.get(slug="presentie-in-de-wijk")
    assert [(s.order, s.lemma.slug) for s in route.steps.all()] == [(1, "presentie"), (2, "buurtteams")]
