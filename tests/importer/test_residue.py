"""OCR residue: the whole-lemma rules ('Kl' for 'KI', broken fixed expressions, a hyphen before a lost
ë), the check that counts what is left, the reviewed editors file, and the committed fixture."""
import json

import pytest

from lexicon.importer import editors, residue
from lexicon.importer.errors import ImportFailed
from lexicon.importer.hyphenation import HyphenJoiner
from lexicon.importer.wordlist import WordList
from tests.helpers.importer import FIXTURE, needs_wordlist

WORDS = WordList(["al", "valt", "vaalt", "epidemieën", "buurten", "wijkwerk", "kan", "ook", "de", "en"])


def test_kl_becomes_ki_where_the_lemma_writes_ki():
    text = "KI verwijst naar denken.\n\nKl kan helpen. Werken met Kl-systemen vraagt veel; Kl."
    assert residue.repair(text, WORDS) == "KI verwijst naar denken.\n\nKI kan helpen. Werken met KI-systemen vraagt veel; KI."


def test_kl_stays_without_ki_and_a_word_is_never_an_acronym():
    assert residue.repair("Kl kan helpen.", WORDS) == "Kl kan helpen."  # no KI in this text: no evidence
    assert residue.repair("AI en KI. Al in 2010 was er AI.", WORDS) == "AI en KI. Al in 2010 was er AI."


def test_lead_uses_the_acronyms_of_the_body():
    assert residue.repair("Kl kan helpen.", WORDS, context="De KI van nu.") == "KI kan helpen."


def test_a_broken_fixed_expression_is_repaired_though_its_error_is_a_word():
    assert residue.repair("Te denken vaalt aan buurt-apps; te denken vaalt aan.", WORDS) == \
        "Te denken valt aan buurt-apps; te denken valt aan."
    assert residue.repair("De vaalt achter de boerderij.", WORDS) == "De vaalt achter de boerderij."


def test_the_check_counts_what_the_rules_would_fix():
    found = residue.find("KI helpt. Kl kan, Kl-systemen. Te denken vaalt aan hulp.", WORDS)
    assert found == {"Kl naast KI": 2, "Te denken vaalt": 1}
    assert residue.find("KI helpt. Te denken valt aan hulp.", WORDS) == {}


def test_hyphen_before_a_closed_en_is_a_lost_diaeresis_not_a_suspended_compound():
    joiner = HyphenJoiner(WORDS)
    assert joiner.join_two("infecties, epidemie-", "en, et cetera.") == "infecties, epidemieen, et cetera."
    # a suspended compound keeps its hyphen and space
    assert joiner.join_two("het buurt-", "en wijkwerk") == "het buurt- en wijkwerk"
    # closed, but no word with a restored diaeresis: still suspended
    assert joiner.join_two("het wijk-", "en, zegt men") == "het wijk- en, zegt men"


def _write(tmp_path, text):
    path = tmp_path / "editors.tsv"
    path.write_text("# test\n" + text, encoding="utf-8")
    return path


def test_editors_file_marks_the_authors_who_are_editors(tmp_path):
    authors = {"Jesper Rözer": {}, "Lex Veldboer": {}, "Iemand Anders": {}}
    path = _write(tmp_path, "J. Rözer\tJesper Rözer\nL. Veldboer\tLex Veldboer\nE. Hooghiemstra\t-\n")
    editors.mark(authors, ["L. Veldboer", "J. Rözer", "E. Hooghiemstra"], path)
    assert {name for name, data in authors.items() if data.get("is_editor")} == {"Jesper Rözer", "Lex Veldboer"}


@pytest.mark.parametrize("text,book,message", [
    ("J. Rözer\tJesper Rözer\n", ["J. Rözer", "L. Veldboer"], "ontbreken: L. Veldboer"),
    ("J. Rözer\tJesper Rözer\nX. Niemand\t-\n", ["J. Rözer"], "niet in het colofon"),
    ("J. Rözer\tLex Veldboer\n", ["J. Rözer"], "niet dezelfde voorletter"),
    ("J. Rözer\tJan Rözer-Onbekend\n", ["J. Rözer"], "geen auteur"),
    ("J. Rözer\n", ["J. Rözer"], "verwacht"),
])
def test_a_wrong_editors_file_stops_the_import_with_its_line(tmp_path, text, book, message):
    authors = {"Jesper Rözer": {}, "Lex Veldboer": {}}
    with pytest.raises(ImportFailed) as error:
        editors.mark(authors, book, _write(tmp_path, text))
    assert message in str(error.value)


ROWS = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _lemma(slug):
    return next(r["fields"] for r in ROWS if r["model"] == "lexicon.lemma" and r["fields"]["slug"] == slug)


def test_committed_fixture_has_the_residue_of_issue_13_fixed():
    body = _lemma("sociale-technologie")["body"]
    assert "Kl " not in body and "Kl-" not in body and body.count("KI") >= 8
    assert "Te denken valt aan crowdfunding" in body
    assert "epidemieën, et cetera" in body


def test_committed_fixture_marks_the_five_editors_who_wrote_lemmas():
    marked = sorted(r["fields"]["name"] for r in ROWS if r["model"] == "lexicon.author" and r["fields"]["is_editor"])
    assert marked == ["Ard Sprinkhuizen", "Jesper Rözer", "Laura Koeter", "Lex Veldboer", "Radboud Engbersen"]


@needs_wordlist
def test_no_residue_left_in_any_lemma_of_the_fixture():
    from lexicon.importer.wordlist import load

    words = load()
    left = {r["fields"]["slug"]: residue.find(r["fields"]["body"], words) for r in ROWS if r["model"] == "lexicon.lemma"}
    assert {slug: found for slug, found in left.items() if found} == {}
