"""The book as EPUB 3: the zip structure readers rely on, the navigation document, working links,
and epubcheck (Debian package) when it is installed."""
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from lexicon.exports import book, epub, generation

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.fixture(scope="module")
def built(rendered_once):
    return rendered_once(lambda _lexicon: epub.render_epub(book.whole_book(generation.compute())))


@pytest.fixture
def archive(built):
    return zipfile.ZipFile(io.BytesIO(built))


def test_mimetype_is_the_first_entry_and_stored_uncompressed(built, archive):
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    assert built[30:38] == b"mimetype" and built[38:58] == b"application/epub+zip"  # no extra field


def test_container_points_at_an_epub3_package_with_a_nav_document(archive):
    container = ET.fromstring(archive.read("META-INF/container.xml"))
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    package = ET.fromstring(archive.read(rootfile.get("full-path")))
    assert package.get("version") == "3.0"
    assert package.find(f"{OPF}metadata/{{http://purl.org/dc/elements/1.1/}}language").text == "nl"
    items = package.findall(f"{OPF}manifest/{OPF}item")
    navs = [i for i in items if "nav" in (i.get("properties") or "").split()]
    assert len(navs) == 1
    names = set(archive.namelist())
    assert all(f"EPUB/{i.get('href')}" in names for i in items)  # everything listed is there
    spine = [ref.get("idref") for ref in package.findall(f"{OPF}spine/{OPF}itemref")]
    assert set(spine) <= {i.get("id") for i in items}


def _nav_links(archive):
    nav = ET.fromstring(archive.read("EPUB/nav.xhtml"))
    toc = next(n for n in nav.iter(f"{XHTML}nav") if n.get(f"{EPUB_NS}type") == "toc")
    return [(a.text, a.get("href")) for a in toc.iter(f"{XHTML}a")]


def test_the_nav_document_lists_clusters_and_lemmas_in_book_order_without_drafts(archive):
    titles = [title for title, _href in _nav_links(archive)]
    assert titles == ["Voorwoord", "Inleiding – over nabijheid", "Sociale nabijheid", "Sociale basis", "Presentie",
                      "Geografische nabijheid", "Buurtteams", "Colofon"]
    names = set(archive.namelist())
    assert all(f"EPUB/{href}" in names for _title, href in _nav_links(archive))


def _ids_and_links(archive):
    ids, links = {}, []
    for name in archive.namelist():
        if name.endswith(".xhtml"):
            root = ET.fromstring(archive.read(name))  # every content file is well-formed XML
            short = name.removeprefix("EPUB/")
            ids[short] = {el.get("id") for el in root.iter() if el.get("id")}
            links += [(short, a.get("href")) for a in root.iter(f"{XHTML}a") if a.get("href")]
    return ids, links


def test_every_internal_link_points_at_an_existing_file_and_id(archive):
    ids, links = _ids_and_links(archive)
    internal = [(source, href) for source, href in links if not href.startswith(("http:", "https:", "mailto:"))]
    assert ("lemma-sociale-basis.xhtml", "lemma-buurtteams.xhtml") in internal  # the wiki link
    assert ("lemma-sociale-basis.xhtml", "lemma-buurtteams.xhtml#lemma-buurtteams--werkwijze") in internal
    for source, href in internal:
        name, _, anchor = href.partition("#")
        name = name or source
        assert name in ids, href
        assert not anchor or anchor in ids[name], href
    notes = [href for source, href in internal if source == "lemma-sociale-basis.xhtml" and ("--fn-" in href or "--fnref-" in href)]
    assert len(notes) >= 4  # two note references and two links back


def test_a_lemma_chapter_has_its_text_and_citation(archive):
    text = archive.read("EPUB/lemma-sociale-basis.xhtml").decode()
    assert "Sociaal werkers ontmoeten bewoners" in text and "Hoe te citeren" in text
    assert "Jos van der Lans" in text
    assert all("kwartiermaken" not in archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))


@pytest.mark.skipif(not (EPUBCHECK.exists() and shutil.which("java")), reason="needs epubcheck (apt-get install epubcheck)")
def test_epubcheck_finds_no_errors(built, tmp_path):
    target = tmp_path / "lexicon.epub"
    target.write_bytes(built)
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(target)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout
