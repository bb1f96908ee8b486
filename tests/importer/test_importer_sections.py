"""Splitting by the TOC: titles over several lines, author lines, front matter, TOC errors."""
import pytest

from lexicon.importer import frontmatter, sections, toc
from lexicon.importer.errors import ImportFailed
from lexicon.importer.lines import Line


def lines_of(*texts):
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize("title,texts", [
    ("Werken aan institutionele nabijheid: de boundary spanner",
     ["Werken aan", "institutionele", "nabijheid: de", "boundary spanner", ""]),
    ("Ervaringsdeskundigheid", ["Ervarings-", "deskundigheid", ""]),
    ("Relationeel Sociaal Werk(en)", ["Relationeel Sociaal", "Werk(en)", ""]),
])
def test_titles_broken_over_lines_are_matched(title, texts):
    assert sections.match_title(lines_of(*texts), 0, title) == len(texts) - 1


def test_a_title_does_not_swallow_the_next_paragraph():
    assert sections.match_title(lines_of("Vertrouwen", "", "Monique Kremer"), 0, "Vertrouwen in de wijk") is None


def entry(title, authors, start, end=None, order=1, subtitle=""):
    return toc.TocEntry(order=order, title=title, subtitle=subtitle, authors=authors, cluster="sociaal",
                        start_line=start, end_line=end or start + 10, tsv_line=order + 1)


def test_split_finds_title_subtitle_and_author_line():
    text = lines_of("Voorwoord", "", "Iemand", "", "Tekst van het voorwoord.", "",
                    "Sociale teams", "", "Hoe teams nabij inwoners werken", "", "Marja Jager-Vreugdenhil", "",
                    "Eerste regel.", "Tweede regel.", "Derde regel.")
    e = entry("Sociale teams", ["Marja Jager-Vreugdenhil"], 7, 15, subtitle="Hoe teams nabij inwoners werken")
    front, (sec,) = sections.split(text, [e], "seed.txt", "toc.tsv")
    assert len(front) == 6
    assert sec.subtitle == "Hoe teams nabij inwoners werken"
    assert sec.author_line == "Marja Jager-Vreugdenhil"
    assert [ln.text for ln in sec.lines if not ln.blank] == ["Eerste regel.", "Tweede regel.", "Derde regel."]


def test_missing_title_names_the_toc_line():
    text = lines_of("Iets", "", "Anders", "", "a.", "b.", "c.")
    with pytest.raises(ImportFailed) as info:
        sections.split(text, [entry("Vertrouwen", [], 1, 7, order=3)], "seed.txt", "toc.tsv")
    assert info.value.path == "toc.tsv" and info.value.line == 4


def test_editors_are_parsed_from_the_signature():
    editors = frontmatter.parse_editors(
        "Veldboer, L., Engbersen, R., Hooghiemstra, E., Jansen, J., Koeter, L., Repetur, L., Rözer, J. en "
        "Sprinkhuizen, A. (red.)")
    assert editors == ["L. Veldboer", "R. Engbersen", "E. Hooghiemstra", "J. Jansen", "L. Koeter",
                       "L. Repetur", "J. Rözer", "A. Sprinkhuizen"]


def test_toc_rejects_bad_numbers(tmp_path):
    path = tmp_path / "toc.tsv"
    path.write_text("order\ttitle\tsubtitle\tauthors\tcluster\tcluster_confidence\tstart_line\tend_line\n"
                    "1\tVertrouwen\t\tA B\tsociaal\thigh\tvijf\t10\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="gehele getallen") as info:
        toc.read_toc(path)
    assert info.value.line == 2


def test_toc_rejects_missing_columns(tmp_path):
    path = tmp_path / "toc.tsv"
    path.write_text("order\ttitle\n1\tVertrouwen\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="kolommen ontbreken"):
        toc.read_toc(path)
