"""The four related texts ("Bronnen"): import, cleanliness of the output, pages, bad input."""
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from lexicon.importer.sources import SOURCE_FILES, parse_directory
from lexicon.importer import wordlist
from lexicon.content.models import Source, SourceSection

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "source"
FIXTURE = ROOT / "fixtures" / "sources.json"

needs_wordlist = pytest.mark.skipif(not wordlist.available(), reason="Dutch word list /usr/share/dict/dutch missing (apt install wdutch)")


@pytest.fixture(scope="module")
def parsed():
    return {source.slug: source for source in parse_directory(SEEDS)}


def all_text(source):
    return "\n\n".join(f"{s.title}\n\n{s.body}" for s in source.sections)


# --- Every source imports with its chapters ---

def test_all_four_sources_import_with_metadata(parsed):
    assert len(parsed) == 4
    for source in parsed.values():
        assert source.title and source.authors and source.year
        assert 1990 < source.year < 2030
        assert source.description.endswith(".")
        assert len(source.sections) >= 4, source.slug
        anchors = [s.anchor for s in source.sections]
        assert len(anchors) == len(set(anchors)), f"duplicate anchors in {source.slug}"
        assert all(re.fullmatch(r"[a-z0-9-]+", a) for a in anchors)
        assert all(s.body.strip() for s in source.sections), source.slug


def test_chapters_as_the_texts_have_them(parsed):
    book = [s.title for s in parsed["duyvendak-tonkens-beloften-van-nabijheid"].sections]
    # The ten numbered chapters, in order, then the back matter and the endnotes.
    assert [t.split(".")[0] for t in book[:10]] == [str(n) for n in range(1, 11)]
    assert "1. Inleiding" in book and "Noten" == book[-1]
    lecture = [s.title for s in parsed["schout-anders-denken-en-doen"].sections]
    assert lecture[0] == "Hyperprofessionalisering" and "De gemeente" in lecture
    essays = [s.title for s in parsed["hilhorst-vanderlans-nabij-is-beter"].sections]
    for title in ("Eigen kracht ontkracht", "De dubbele revolutie van sociale wijkteams", "Hardnekkige kortzichtigheid"):
        assert title in essays
    column = parsed["vanderlans-actieve-burgers"].sections
    assert column[-1].title.startswith("Laten we er")


# --- No layout artefacts left (scanning the output for what the seeds contain) ---

ARTEFACTS = [
    ".indd", "12-09-18", "11:57",                           # InDesign slug lines
    "evelien tonkens8", "inleiding 9", "lausberg56", "tonkens156", "marc hoijtink164",  # running heads + page no.
    "grote beloften grote beloften", "voorwoord voorwoord", "verhalen over vernieuwen verhalen",  # doubled heads
    "42 43",                                                # spread page numbers
    "keer bekeken", "Reacties op dit artikel", "Reageer", "e-mailadres wordt niet gepubliceerd",
    "Foto: JD Lasica", "Sjef de Vries",                     # web chrome and reader comments
    "\uf0a7",                                               # private-use bullet glyph
]


@pytest.mark.parametrize("needle", ARTEFACTS)
def test_no_layout_artefacts(parsed, needle):
    for source in parsed.values():
        assert needle not in all_text(source), f"{needle!r} left in {source.slug}"


def test_no_page_numbers_glued_to_words(parsed):
    for source in parsed.values():
        glued = re.findall(r"\b[a-zà-ÿ]{3,}\d{1,3}\b", all_text(source))
        assert not glued, f"{source.slug}: {glued[:5]}"


def test_no_lines_left_from_the_layout(parsed):
    """Paragraphs are reflowed: no hard line breaks inside prose, no doubled running heads."""
    for source in parsed.values():
        for section in source.sections:
            for block in section.body.split("\n\n"):
                block = block.strip()
                if not block or block.startswith(("|", "- ", "[^")):
                    continue  # tables, lists and footnote definitions are line based
                assert "\n" not in block.replace("\n{:", " {:"), f"{source.slug}/{section.anchor}: {block[:80]!r}"
                half = len(block) // 2
                assert not (len(block) > 12 and block[:half].strip() == block[half:].strip())


def test_pull_quotes_and_titles_not_repeated_in_the_running_text(parsed):
    text = all_text(parsed["hilhorst-vanderlans-nabij-is-beter"])
    # The pull quote repeats a sentence of the essay: it must occur once, in the text.
    assert text.count("Omdat de overheid haar troeven zo lang mogelijk achter de hand wil houden") == 1
    assert "(eerst zelf doen), zit er voor de hulpvrager" in text
    # Essay titles were set in the middle of the first page; the sentence around them is whole again.
    assert "Ondanks de wat lacherige ontvangst" in text


@needs_wordlist
def test_words_hyphenated_at_line_ends_are_joined(parsed):
    """Every word split over a line end in a seed, whose joined form is a Dutch word, comes out whole."""
    words = wordlist.load().lower
    checked = 0
    for name in SOURCE_FILES:
        raw = (SEEDS / name).read_text(encoding="utf-8")
        text = all_text(parsed[Path(name).stem])
        hyphenated = set(re.findall(r"(?<![\w-])[a-zà-ÿ]+-[a-zà-ÿ]+(?![\w-])", text))
        split = set(re.findall(r"[a-zà-ÿ]+- [a-zà-ÿ]+", text))
        for a, b in re.findall(r"([a-zà-ÿ]{2,})-[ \t]*\n(?:[ \t]*\n)*[ \t]*([a-zà-ÿ]{2,})", raw):
            if b in ("en", "of", "tot"):
                continue  # suspended compound: 'voor- en tegenstanders'
            if (a + b).lower() in words and f"{a}-{b}".lower() not in words:
                checked += 1
                assert f"{a}- {b}" not in split and f"{a}-{b}" not in hyphenated, (name, a, b)
    assert checked > 1000


def test_real_hyphens_survive(parsed):
    text = all_text(parsed["hilhorst-vanderlans-nabij-is-beter"])
    assert "Achter-de-voordeur-experimenten" in text        # hyphenated chain broken at a line end
    column = all_text(parsed["vanderlans-actieve-burgers"])
    assert "kinder- en jeugdpsychiaters" in column          # suspended compound
    lecture = all_text(parsed["schout-anders-denken-en-doen"])
    assert "OGGz-meldpunten" in lecture                     # acronym compound split at a line end


def test_endnotes_are_linked(parsed):
    book = parsed["duyvendak-tonkens-beloften-van-nabijheid"]
    notes = book.sections[-1].body
    assert "{: #noot-i }" in notes and "Zelfredzaamheid-Matrix" in notes
    body = all_text(book)
    assert "betekenissen<sup>[i](#noot-i)</sup>" in body
    assert "betekenisseni" not in body


# --- Command, fixture, database ---

@pytest.mark.django_db
@needs_wordlist
def test_fixture_is_regenerated_identically(tmp_path):
    out = tmp_path / "sources.json"
    call_command("import_sources", str(SEEDS), fixture=str(out), stdout=open("/dev/null", "w"))
    assert out.read_bytes() == FIXTURE.read_bytes(), "fixtures/sources.json is stale: run `make sources`"


@pytest.mark.django_db
def test_import_replaces_sources_with_the_same_slug(tmp_path):
    old = Source.objects.create(slug="schout-anders-denken-en-doen", title="Oud", authors="X")
    SourceSection.objects.create(source=old, order=1, title="Weg", anchor="weg", body="oud")
    other = Source.objects.create(slug="iets-anders", title="Blijft", authors="Y")
    call_command("import_sources", str(SEEDS), stdout=open("/dev/null", "w"))
    call_command("import_sources", str(SEEDS), stdout=open("/dev/null", "w"))
    schout = Source.objects.get(slug="schout-anders-denken-en-doen")
    assert schout.pk == old.pk and schout.title.startswith("Anders denken")
    assert not schout.sections.filter(anchor="weg").exists()
    assert Source.objects.count() == 5 and Source.objects.filter(pk=other.pk).exists()
    assert SourceSection.objects.filter(source__slug__in=[Path(n).stem for n in SOURCE_FILES]).count() == sum(
        1 for _ in SourceSection.objects.exclude(source=other)
    )


def _seed_copy(tmp_path):
    target = tmp_path / "seeds"
    target.mkdir()
    for name in SOURCE_FILES:
        shutil.copy(SEEDS / name, target / name)
    return target


def _snapshot():
    return sorted(Source.objects.values_list("slug", "title")), SourceSection.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize("damage, message", [
    ("empty", "leeg"),
    ("latin1", "UTF-8"),
    ("missing", "niet gevonden"),
])
def test_bad_input_names_the_file_and_changes_nothing(tmp_path, damage, message):
    call_command("loaddata", str(FIXTURE), verbosity=0)
    before = _snapshot()
    seeds = _seed_copy(tmp_path)
    victim = seeds / "schout-anders-denken-en-doen.txt"
    if damage == "empty":
        victim.write_text("", encoding="utf-8")
    elif damage == "latin1":
        victim.write_bytes(victim.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    else:
        victim.unlink()
    out = tmp_path / "out.json"
    with pytest.raises(CommandError) as excinfo:
        call_command("import_sources", str(seeds), fixture=str(out))
    assert "schout-anders-denken-en-doen.txt" in str(excinfo.value)
    assert message in str(excinfo.value)
    assert _snapshot() == before
    assert not out.exists()


@pytest.mark.django_db
def test_missing_directory_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="map niet gevonden"):
        call_command("import_sources", str(tmp_path / "nergens"))


# --- Pages ---

@pytest.fixture
def loaded(db):
    call_command("loaddata", str(FIXTURE), verbosity=0)


def test_source_list_shows_the_four(client, loaded):
    response = client.get(reverse("lexicon:sources"))
    assert response.status_code == 200
    html = response.content.decode()
    for source in Source.objects.all():
        assert source.get_absolute_url() in html and source.title.split(".")[0] in html
    assert "geen lemma" in html


def test_source_detail_has_chapters_with_anchors(client, loaded):
    """The long Duyvendak & Tonkens text is a contents page plus a page per chapter (issue 13)."""
    source = Source.objects.get(slug="duyvendak-tonkens-beloften-van-nabijheid")
    response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="source-badge">Bron<' in html
    assert len(response.content) < 150_000
    for section in source.sections.all():
        assert f'id="{section.anchor}"' in html  # old deep links /bronnen/<slug>/#<anchor> land on its entry
        assert f'href="{source.get_absolute_url()}{section.anchor}/"' in html
    chapter = client.get(f"{source.get_absolute_url()}1-inleiding/").content.decode()
    assert f'href="{source.get_absolute_url()}noten/#noot-i"' in chapter
    assert 'id="noot-i"' in client.get(f"{source.get_absolute_url()}noten/").content.decode()


def _pages_of(client, source):
    """{path: html} of every page a source is read on: itself and, when paged, each chapter."""
    pages = {source.get_absolute_url(): client.get(source.get_absolute_url()).content.decode()}
    if source.paged:
        for section in source.sections.all():
            pages[section.get_absolute_url()] = client.get(section.get_absolute_url()).content.decode()
    return pages


def test_every_anchor_on_a_source_page_is_unique_and_every_link_lands(client, loaded):
    """A heading or note id repeated on one page, or a note link to a page without that note, would send
    a deep link or a note reference to the wrong place."""
    for source in Source.objects.all():
        pages = _pages_of(client, source)
        ids_of = {}
        for path, html in pages.items():
            ids = re.findall(r'\bid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), (path, sorted({i for i in ids if ids.count(i) > 1}))
            ids_of[path] = set(ids)
        for path, html in pages.items():
            assert set(re.findall(r'href="#([^"]+)"', html)) <= ids_of[path], path
            for target_path, fragment in re.findall(r'href="(/bronnen/[^"#]+)#([^"]+)"', html):
                assert fragment in ids_of.get(target_path, set()), (path, target_path, fragment)


def test_unknown_source_is_a_dutch_404(client, loaded):
    response = client.get("/bronnen/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
