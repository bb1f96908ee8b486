"""The importer's citation extraction against citations counted by hand (tests/literature/hand_counts.py),
and the committed fixtures/literature.json against a fresh run of the pipeline."""
import io
import json

import pytest

from lexicon.importer import citations
from tests.helpers.importer import FIXTURE, ROOT, SEED, TOC, needs_wordlist
from tests.literature import hand_counts

LITERATURE = ROOT / "fixtures/literature.json"


def _body(slug):
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return next(r["fields"]["body"] for r in rows if r["model"] == "lexicon.lemma" and r["fields"]["slug"] == slug)


def _counted(works):
    return {(w.cited_as, w.year): w.times for w in works if w.times}


@pytest.mark.parametrize("slug, expected", [
    ("sociale-basis", hand_counts.SOCIALE_BASIS),
    ("sociale-teams", hand_counts.SOCIALE_TEAMS),
    ("ervaringsdeskundigheid", hand_counts.ERVARINGSDESKUNDIGHEID),
])
def test_citations_match_the_hand_count(slug, expected):
    works = citations.extract(_body(slug))
    assert _counted(works) == expected


def test_ervaringsdeskundigheid_reference_list_becomes_full_entries():
    works = {w.key: w for w in citations.extract(_body("ervaringsdeskundigheid"))}
    listed = [w for w in works.values() if w.in_reference_list]
    assert len(listed) == hand_counts.ERVARINGSDESKUNDIGHEID_REFERENCES
    review = works["keuzenkamp-van-hoorn-2022"]
    assert review.title.startswith("Wat doen ervaringsdeskundigen er eigenlijk toe? Een literatuurreview")
    assert review.publisher == "Journal of Social Intervention, 2022, nr. 2"
    # 'Van Hoorn et al. (2020)' in the text is the entry with all three authors
    three = works["van-hoorn-keuzenkamp-van-der-meulen-2020"]
    assert three.times == 1 and three.cited_as == "Van Hoorn et al." and three.publisher == "Movisie"
    assert works["weerman-de-jong-karbouniaris-overbeek-van-loon-van-der-lubbe-2019"].publisher == "Amsterdam: Boom"
    # cited only in the list, never in the text
    assert works["werkplaatsen-sociaal-domein-2021"].times == 0
    assert works["keuzenkamp-van-hoorn-te-verschijnen"].note == "PM hyperlink toevoegen"


def test_each_citation_keeps_the_sentence_that_cites_it():
    works = {w.key: w for w in citations.extract(_body("sociale-basis"))}
    assert works["bregman-2019"].sentences == [
        "We zien de laatste tijd meer ‘basis’-begrippen opduiken, zoals de recente pleidooien voor basisbanen "
        "(WRR, 2020), een basisinkomen (Bregman, 2019) en een krachtige basisvorming in het onderwijs (De Pré, 2020)."]
    assert len(works["britt-et-al-2022"].sentences) == 2


@needs_wordlist
def test_committed_literature_fixture_is_what_make_fixture_writes(tmp_path):
    from django.core.management import call_command

    out = tmp_path / "literature.json"
    call_command("import_lexicon", str(SEED), toc=str(TOC), literature=str(out), no_database=True, stdout=io.StringIO())
    assert out.read_text(encoding="utf-8") == LITERATURE.read_text(encoding="utf-8")
