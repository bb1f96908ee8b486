"""The device's analyser (static/js/dutch-analysis.js, run with node) makes exactly the server's
query terms from every word of the lexicon, so an offline search finds what the index holds."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from lexicon.content.models import Lemma
from lexicon.content.rendering import plain_text
from lexicon.exports.offline.index import analysis_config
from lexicon.search import analysis

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "static" / "js" / "dutch-analysis.js"
RUNNER = """
const {Analyser} = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const analyser = new Analyser(input.config);
process.stdout.write(JSON.stringify(input.texts.map((t) => analyser.terms(t))));
"""

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="needs node (apt-get install nodejs)")


def device_terms(texts):
    result = subprocess.run(["node", "-e", RUNNER, str(SCRIPT)], input=json.dumps({"config": analysis_config(), "texts": texts}),
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


@pytest.fixture
def lexicon_texts(db):
    call_command("loaddata", str(ROOT / "fixtures" / "lexicon.json"), verbosity=0)
    lemmas = list(Lemma.objects.published())
    assert len(lemmas) == 33
    return [" ".join([lemma.title, lemma.subtitle, lemma.lead, lemma.alternative_terms, plain_text(lemma.body)])
            for lemma in lemmas]


def test_every_word_of_the_lexicon_gets_the_servers_term(lexicon_texts):
    words = sorted({w for text in lexicon_texts for w in re.findall(r"\w+", text)})
    assert len(words) > 5000
    server = [analysis.query_terms(word) for word in words]
    device = device_terms(words)
    differences = [(w, s, d) for w, s, d in zip(words, server, device) if s != d]
    assert differences == []


def test_whole_texts_and_typed_queries_give_the_same_terms(lexicon_texts):
    queries = ["Eenzaamheid onder ouderen", "cliënten en hun kinderen", "SOCIALE  Basis!", "buurt-team's",
               "initiatieven in steden", "één huis", "Ervaringsdeskundigheid", "y-as, ijs en yoga", "ÉCOLE"]
    texts = lexicon_texts[:5] + queries
    assert device_terms(texts) == [analysis.query_terms(text) for text in texts]
