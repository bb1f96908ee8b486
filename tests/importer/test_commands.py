"""Management commands a new user or an operator runs."""
import pytest
from django.core.management import call_command
from reversion.models import Version

from lexicon.content.models import CrossReference, Lemma, Source

pytestmark = pytest.mark.django_db


def test_load_lexicon_fills_an_empty_database_with_the_book(capsys):
    call_command("load_lexicon")
    assert Lemma.objects.published().count() == 33
    assert Source.objects.count() == 4
    # 'Genoemd in' comes from the texts, and each lemma starts with a revision for the editors
    assert CrossReference.objects.filter(kind=CrossReference.Kind.MENTION).exists()
    assert Version.objects.get_for_model(Lemma).count() == 33


def test_load_lexicon_never_overwrites_edited_content(capsys):
    call_command("load_lexicon")
    lemma = Lemma.objects.get(slug="presentie")
    lemma.body += "\n\nAanvulling van de redactie."
    lemma.save()
    call_command("load_lexicon")
    assert "niets geladen" in capsys.readouterr().out
    assert Lemma.objects.get(slug="presentie").body.endswith("Aanvulling van de redactie.")
    call_command("load_lexicon", "--force")
    assert not Lemma.objects.get(slug="presentie").body.endswith("Aanvulling van de redactie.")
