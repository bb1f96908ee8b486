"""manage.py export_lexicon DIR and import_markdown DIR, as an editor runs them."""
import pytest
from django.core.management import CommandError, call_command

from lexicon.content.models import Lemma
from tests.helpers.factories import make_author, make_lemma

pytestmark = pytest.mark.django_db


@pytest.fixture
def lemmas():
    author = make_author("Monique Kremer", slug="monique-kremer")
    return [make_lemma("Vertrouwen", slug="vertrouwen", authors=[author], order=3),
            make_lemma("Alledaagse attentheid", slug="alledaagse-attentheid", authors=[author], order=10)]


def test_export_then_import_reports_what_it_did(tmp_path, lemmas, capsys):
    call_command("export_lexicon", str(tmp_path))
    assert "2 lemma's geëxporteerd" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alledaagse-attentheid.md", "vertrouwen.md"]
    call_command("import_markdown", str(tmp_path))
    assert "0 lemma's aangemaakt, 2 bijgewerkt" in capsys.readouterr().out


def test_malformed_file_exits_non_zero_naming_the_file_and_keeps_the_database(tmp_path, lemmas):
    call_command("export_lexicon", str(tmp_path))
    good = tmp_path / "vertrouwen.md"
    good.write_text(good.read_text().replace("title: Vertrouwen", "title: Vertrouwen (nieuw)"), encoding="utf-8")
    (tmp_path / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    # CommandError is how Django's manage.py exits non-zero with the message on stderr.
    with pytest.raises(CommandError) as error:
        call_command("import_markdown", str(tmp_path))
    assert error.value.returncode != 0
    assert "kapot.md" in str(error.value) and "er is niets veranderd" in str(error.value)
    assert Lemma.objects.get(slug="vertrouwen").title == "Vertrouwen"


def test_import_of_a_missing_or_empty_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="geen map"):
        call_command("import_markdown", str(tmp_path / "bestaat-niet"))
    with pytest.raises(CommandError, match="Geen .md-bestanden"):
        call_command("import_markdown", str(tmp_path))
