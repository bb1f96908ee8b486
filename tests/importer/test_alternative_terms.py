"""Alternative terms come from a reviewed data file, each traceable to a sentence of its lemma."""
import json
from pathlib import Path

import pytest

from lexicon.importer.alternative_terms import DEFAULT_PATH, attach, read
from lexicon.importer.errors import ImportFailed
from lexicon.importer.pipeline import LemmaRecord

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.json"


def record(slug="presentie", body="Deze manier van werken noemde hij ‘presentie’ of ‘de presentiebenadering’."):
    return LemmaRecord(order=1, title="Presentie", slug=slug, subtitle="", cluster="professioneel",
                       authors=[], lead="", body=body)


def write(tmp_path, rows):
    path = tmp_path / "terms.tsv"
    path.write_text("# test\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_every_lemma_of_the_fixture_has_alternative_terms_from_the_data_file():
    lemmas = [o["fields"] for o in json.loads(FIXTURE.read_text(encoding="utf-8")) if o["model"] == "lexicon.lemma"]
    assert len(lemmas) == 33 and all(lemma["alternative_terms"] for lemma in lemmas)
    listed = {(slug, term) for _no, slug, term, _sentence in read(DEFAULT_PATH)}
    for lemma in lemmas:
        for term in lemma["alternative_terms"].split(", "):
            assert (lemma["slug"], term) in listed


def test_terms_are_attached_when_their_sentence_is_in_the_lemma(tmp_path):
    lemma = record()
    attach([lemma], write(tmp_path, [("presentie", "presentiebenadering",
                                      "Deze manier van werken noemde hij ‘presentie’ of ‘de presentiebenadering’.")]))
    assert lemma.alternative_terms == "presentiebenadering"


@pytest.mark.parametrize("row, message", [
    (("presentie", "presentietheorie", "Deze manier van werken noemde hij ‘presentie’."), "staat niet in de zin"),
    (("presentie", "presentie", "Een zin die niet in het lemma staat over presentie."), "staat niet in het lemma"),
    (("onbekend", "x", "x"), "geen lemma"),
    (("presentie", "a, b", "a, b"), "komma"),
])
def test_a_term_that_cannot_be_traced_stops_the_import_with_its_line(tmp_path, row, message):
    with pytest.raises(ImportFailed) as failed:
        attach([record()], write(tmp_path, [row]))
    assert message in str(failed.value) and "regel 2" in str(failed.value)
