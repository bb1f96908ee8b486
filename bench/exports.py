"""Time to build the book files from the real lexicon: the whole book as PDF (WeasyPrint) and EPUB,
one PDF per lemma, the offline search index.

    .venv/bin/python bench/exports.py            # ~3 minutes on this machine; SQLite scratch database

Production settings on a scratch database with fixtures/lexicon.json (bench/_server.py), then
`manage.py build_exports` as the background build runs it after a publish. Prints seconds per
file and the files' sizes; the PDF's page count is read back with pypdf. The machine's CPUs are
shared: compare figures within one run.
"""
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server  # noqa: E402


def main():
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        env = _server.scratch_env(tmp, cache="file")
        _server.prepare_site(env, index=False)
        start = time.perf_counter()
        out = _server.manage(env, "build_exports")
        total = time.perf_counter() - start
        seconds = {name: float(s) for name, s in re.findall(r"^(\S+): ([\d.]+) s$", out, re.M)}
        folder = Path(re.search(r"gemaakt in (\S+)$", out, re.M).group(1))
        from pypdf import PdfReader

        pages = len(PdfReader(folder / "lexicon.pdf").pages)
        lemmas = {n: s for n, s in seconds.items() if n.startswith("lemma/")}
        size = lambda name: (folder / name).stat().st_size / 1024  # noqa: E731
        print(f"{'file':34} {'seconds':>8} {'size':>10}")
        print(f"{'whole book PDF (' + str(pages) + ' pages)':34} {seconds['lexicon.pdf']:8.1f} {size('lexicon.pdf'):8.0f} KB")
        print(f"{'whole book EPUB 3':34} {seconds['lexicon.epub']:8.1f} {size('lexicon.epub'):8.0f} KB")
        if lemmas:
            biggest = max(lemmas, key=lemmas.get)
            mean = sum(lemmas.values()) / len(lemmas)
            print(f"{f'{len(lemmas)} lemma PDFs, mean':34} {mean:8.1f}")
            print(f"{'  slowest: ' + biggest.removeprefix('lemma/'):34} {lemmas[biggest]:8.1f} {size(biggest):8.0f} KB")
        print(f"{'offline search index (JSON)':34} {seconds['offline-index.json']:8.1f} {size('offline-index.json'):8.0f} KB")
        print(f"{'everything (manage.py build_exports)':34} {total:8.1f}")
        start = time.perf_counter()
        _server.manage(env, "build_exports")
        print(f"{'again, nothing changed (no-op)':34} {time.perf_counter() - start:8.1f}")


if __name__ == "__main__":
    main()
