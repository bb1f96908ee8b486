"""The file cache of built exports: ``EXPORTS_DIR/<generation>/<name>``, written atomically
(temporary file + rename), so a reader gets a whole file or none, never half of one."""
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings

KEEP_GENERATIONS = 3  # the current build and the previous ones served while it is made


def root():
    return Path(settings.EXPORTS_DIR)


def path(generation, name):
    return root() / generation / name


def find(generation, name):
    candidate = path(generation, name)
    return candidate if candidate.is_file() else None


def write(generation, name, data):
    target = path(generation, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the front server may serve these files
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    os.utime(target.parents[len(Path(name).parts) - 1])  # the folder's mtime says which build is newest
    return target


def generations():
    """Generation folders, newest first."""
    if not root().is_dir():
        return []
    folders = [p for p in root().iterdir() if p.is_dir() and not p.name.startswith(".")]
    return [p.name for p in sorted(folders, key=lambda p: p.stat().st_mtime, reverse=True)]


def previous(name, exclude):
    """The newest built ``name`` of another generation: what a reader gets while the new one is made."""
    for generation in generations():
        if generation != exclude and find(generation, name):
            return find(generation, name)
    return None


def prune(current):
    """Drop all but the newest few generations (always keeping ``current``)."""
    for generation in [g for g in generations() if g != current][KEEP_GENERATIONS - 1:]:
        shutil.rmtree(root() / generation, ignore_errors=True)
