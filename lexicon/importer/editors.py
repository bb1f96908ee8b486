"""The lexicon's editors from a reviewed data file (fixtures/editors.tsv): which lemma authors are
also editors of the book. The colofon names them by initial ('J. Rözer'); the file ties each to the
full name of a lemma author, or to '-' for an editor who wrote no lemma. A file that misses an
editor of the book, names one the book does not, or ties a name to an author whose initial and
surname differ stops the import with the file and line, like every other bad input."""
from pathlib import Path

from lexicon.content.names import split_name
from lexicon.importer.errors import ImportFailed

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "editors.tsv"
NO_AUTHOR = "-"


def read(path=DEFAULT_PATH):
    """[(line number, colofon name, full author name or None)] of the data file."""
    rows = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or not all(cols):
            raise ImportFailed(path, no, "verwacht: naam uit het colofon<TAB>volledige naam van de auteur of -")
        rows.append((no, cols[0], None if cols[1] == NO_AUTHOR else cols[1]))
    return rows


def _same_person(short, full):
    """'J. Rözer' and 'Jesper Rözer': the same surname and first initial."""
    s_given, s_particles, s_surname = split_name(short)
    f_given, f_particles, f_surname = split_name(full)
    return (s_particles, s_surname) == (f_particles, f_surname) and s_given[:1] == f_given[:1]


def mark(authors, book_editors, path=DEFAULT_PATH):
    """Set ``is_editor`` on the pipeline's ``authors`` ({name: {...}}) for the editors in the file;
    ``book_editors`` are the names the book's colofon gives (checked against the file)."""
    if not Path(path).exists():
        return []
    rows = read(path)
    listed = [short for _no, short, _full in rows]
    missing = [name for name in book_editors if name not in listed]
    if missing:
        raise ImportFailed(path, None, f"redacteuren uit het boek ontbreken: {', '.join(missing)}")
    marked = []
    for no, short, full in rows:
        if book_editors and short not in book_editors:
            raise ImportFailed(path, no, f"{short!r} staat niet in het colofon van het boek")
        if full is None:
            continue
        if full not in authors:
            raise ImportFailed(path, no, f"{full!r} is geen auteur van een lemma")
        if not _same_person(short, full):
            raise ImportFailed(path, no, f"{short!r} en {full!r} hebben niet dezelfde voorletter en achternaam")
        authors[full]["is_editor"] = True
        marked.append(full)
    return marked
