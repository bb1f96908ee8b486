"""Alternative terms of the lemmas from a reviewed data file (fixtures/alternative_terms.tsv).

Each row names a lemma, a term and the sentence of that lemma that uses the term, so every
alternative term can be traced to the text. A row whose sentence is not in the lemma (after the
pipeline's cleaning), whose term is not in its sentence, or whose lemma does not exist stops the
import with the file and line, like every other bad input.
"""
import re
from pathlib import Path

from lexicon.importer.errors import ImportFailed

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "alternative_terms.tsv"
MAX_LENGTH = 500  # Lemma.alternative_terms


def _normal(text):
    """Text as a reader sees it: no Markdown links, emphasis, footnote marks; one space; casefolded."""
    text = re.sub(r"\[\^[^\]]+\]", " ", text or "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_#>]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def read(path=DEFAULT_PATH):
    """[(line number, slug, term, sentence)] of the data file."""
    rows = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or not all(cols):
            raise ImportFailed(path, no, "verwacht: slug<TAB>term<TAB>zin uit het lemma")
        if "," in cols[1]:
            raise ImportFailed(path, no, f"een term mag geen komma bevatten: {cols[1]!r}")
        rows.append((no, *cols))
    return rows


def attach(lemmas, path=DEFAULT_PATH):
    """Set ``alternative_terms`` of the pipeline's lemma records from the data file."""
    if not Path(path).exists():
        return
    by_slug = {lemma.slug: lemma for lemma in lemmas}
    terms = {}
    for no, slug, term, sentence in read(path):
        lemma = by_slug.get(slug)
        if lemma is None:
            raise ImportFailed(path, no, f"geen lemma met slug {slug!r}")
        if _normal(term) not in _normal(sentence):
            raise ImportFailed(path, no, f"de term {term!r} staat niet in de zin")
        if _normal(sentence) not in _normal(lemma.lead + "\n\n" + lemma.body):
            raise ImportFailed(path, no, f"de zin staat niet in het lemma {slug!r}: {sentence[:80]!r}")
        listed = terms.setdefault(slug, [])
        if term.casefold() not in {t.casefold() for t in listed}:
            listed.append(term)
    for slug, listed in terms.items():
        value = ", ".join(listed)
        if len(value) > MAX_LENGTH:
            raise ImportFailed(path, None, f"de andere termen van {slug!r} zijn langer dan {MAX_LENGTH} tekens")
        by_slug[slug].alternative_terms = value
