"""A lemma's sections follow its body, with anchors that exist on the lemma page."""
import json
import re

import pytest
from django.core.management import call_command

from lexicon.content import rendering
from lexicon.content.models import Lemma, LemmaSection
from lexicon.content.sections import split_sections
from tests.helpers.factories import make_clusters, make_lemma

pytestmark = pytest.mark.django_db

BODY = """Inleidende tekst over **nabijheid**.

## Cliënten & wijk

Tekst over cliënten.

### Een subkop

Nog meer.

    ## geen kop: dit is code

## Cliënten & wijk

Dezelfde kop nog eens.

## Wat is de *sociale basis*?

Slot.
"""


def rendered_ids(body):
    return re.findall(r'<h2 id="([^"]+)"', rendering.render_markdown(body).html)


def test_anchors_equal_the_rendered_heading_ids():
    sections = split_sections("Nabijheid", BODY)
    assert [s.anchor for s in sections[1:]] == rendered_ids(BODY)
    assert [s.title for s in sections] == ["Nabijheid", "Cliënten & wijk", "Cliënten & wijk", "Wat is de sociale basis?"]


def test_intro_section_links_to_the_lemma_itself_and_text_is_plain():
    intro, first, second, third = split_sections("Nabijheid", BODY)
    assert intro.anchor == "" and intro.text == "Inleidende tekst over nabijheid ."
    assert "Een subkop" in first.text and "Nog meer" in first.text  # ### stays inside its ## section
    assert "geen kop" in first.text
    assert second.text == "Dezelfde kop nog eens."
    assert "**" not in third.text and "#" not in third.text


def test_body_without_intro_or_headings():
    assert [s.anchor for s in split_sections("T", "## Alleen een kop\n\nTekst")] == ["alleen-een-kop"]
    assert [(s.anchor, s.title) for s in split_sections("T", "Alleen tekst.")] == [("", "T")]
    assert split_sections("T", "") == []


def test_sections_follow_the_body_on_save():
    lemma = make_lemma("Buurt", body="Intro.\n\n## Eerste\n\nA\n\n## Tweede\n\nB")
    assert list(lemma.sections.values_list("anchor", flat=True)) == ["", "eerste", "tweede"]
    lemma.body = "## Derde\n\nC"
    lemma.save()
    assert list(lemma.sections.values_list("title", "anchor", "text")) == [("Derde", "derde", "C")]
    page = lemma.sections.get().get_absolute_url()
    assert page == "/lemma/%s/#derde" % lemma.slug


def test_fixture_load_then_rebuild_index_has_sections(tmp_path, client):
    """`make run`: loaddata (raw saves) then rebuild_index; deep links work afterwards."""
    cluster = make_clusters()[0]
    fixture = tmp_path / "lexicon.json"
    fixture.write_text(json.dumps([{
        "model": "lexicon.lemma", "pk": 900,
        "fields": {"title": "Keukentafel", "slug": "keukentafel", "cluster": cluster.pk, "status": "gepubliceerd",
                   "body": "Intro.\n\n## Het keukentafelgesprek\n\nGesprek aan tafel.", "order": 1,
                   "created": "2022-01-01T00:00:00Z", "updated": "2022-01-01T00:00:00Z", "version": 1},
    }]))
    call_command("loaddata", str(fixture), verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert LemmaSection.objects.filter(lemma_id=900, anchor="het-keukentafelgesprek").exists()
    data = client.get("/api/zoeken", {"q": "keukentafelgesprek"}).json()
    assert data["results"][0]["section_url"].endswith("/lemma/keukentafel/#het-keukentafelgesprek")
    assert Lemma.objects.get(pk=900).sections.count() == 2
