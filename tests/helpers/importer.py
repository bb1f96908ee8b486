"""Shared helpers for the importer tests: the seed paths and a word-list skip marker."""
from pathlib import Path

import pytest

from lexicon.importer import wordlist

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures/source/lexicon-nabijheid-en-sociaal-werk-2022.txt"
TOC = ROOT / "fixtures/source/lexicon-toc.tsv"
FIXTURE = ROOT / "fixtures/lexicon.json"

needs_wordlist = pytest.mark.skipif(
    not wordlist.available(),
    reason="Dutch word list /usr/share/dict/dutch missing: install Debian package 'wdutch' (make system-deps)",
)


def words():
    return wordlist.load()
