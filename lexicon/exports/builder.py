"""Building the files, and starting a build in the background when content changes.

A build makes every file of one generation that is not there yet: the whole book as PDF and EPUB,
one PDF per published lemma and the offline search index. Only one build runs at a time on a machine
(an exclusive lock on ``EXPORTS_DIR/.build.lock``); it loops until the content it built is still the
current content, so a publish made during a build is built right after it.
"""
import fcntl
import logging
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from lexicon.content.models import Lemma
from lexicon.content.signals import content_changed
from lexicon.routes.models import Route
from lexicon.exports import book, epub, generation, pdf, store

log = logging.getLogger(__name__)

BOOK_PDF, BOOK_EPUB, OFFLINE_INDEX = "lexicon.pdf", "lexicon.epub", "offline-index.json"
CONTENT_MODELS = ["lexicon.Lemma", "lexicon.LemmaAuthor", "lexicon.Cluster", "lexicon.Author", "lexicon.Page",
                  "lexicon_routes.Route", "lexicon_routes.RouteStep"]
SPAWN_GUARD_SECONDS = 10  # do not start a second build process while the first is starting


def lemma_pdf_name(slug):
    return f"lemma/{slug}.pdf"


def route_pdf_name(slug):
    return f"route/{slug}.pdf"


def _route_subtitle(route):
    if route.audience:
        return _("Leesroute voor %(audience)s") % {"audience": route.audience}
    return _("Leesroute")


def route_book(route, gen):
    """A reading route as a book: its published steps in order, a step of one section as that section."""
    items = [(step.lemma, [step.anchor]) if step.anchor else step.lemma for step in route.reading_steps()]
    return book.from_items(route.title, items, gen, subtitle=_route_subtitle(route), filename=route.slug)


def _timed(figures, name, make):
    start = time.perf_counter()
    data = make()
    figures[name] = time.perf_counter() - start
    return data


def build(gen=None, *, lemmas=True, only=None):
    """Make the missing files of ``gen`` (default: the current content); returns {file: seconds}."""
    from lexicon.exports.offline import index as offline_index

    gen = gen or generation.current()
    figures = {}

    def make(name, render):
        if (only is None or name in only) and not store.find(gen.key, name):
            store.write(gen.key, name, _timed(figures, name, render))

    make(OFFLINE_INDEX, lambda: offline_index.build_json(gen))
    make(BOOK_PDF, lambda: pdf.render_pdf(book.whole_book(gen)))
    make(BOOK_EPUB, lambda: epub.render_epub(book.whole_book(gen)))
    if lemmas:
        for lemma in Lemma.objects.published().for_listing():
            make(lemma_pdf_name(lemma.slug), lambda lemma=lemma: pdf.render_pdf(book.single_lemma(lemma, gen)))
    for route in Route.objects.published():
        make(route_pdf_name(route.slug), lambda route=route: pdf.render_pdf(route_book(route, gen)))
    store.prune(gen.key)
    return figures


@contextmanager
def build_lock(blocking=True):
    """The machine-wide build lock; yields False when not blocking and someone else holds it."""
    store.root().mkdir(parents=True, exist_ok=True)
    with open(store.root() / ".build.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_until_current(lemmas=True):
    """Build, and build again while the content changed meanwhile (under the build lock);
    returns the generation built and {file: seconds}."""
    figures = {}
    with build_lock():
        while True:
            generation.forget()
            gen = generation.current()
            figures.update(build(gen, lemmas=lemmas))
            generation.forget()
            if generation.current().key == gen.key:
                return gen, figures


def is_running():
    with build_lock(blocking=False) as free:
        return not free


def _spawn_process():
    guard = store.root() / ".spawned"
    if guard.exists() and time.time() - guard.stat().st_mtime < SPAWN_GUARD_SECONDS:
        return
    guard.touch()
    manage = Path(settings.BASE_DIR) / "manage.py"
    subprocess.Popen(  # noqa: S603 - our own command, no reader input
        [sys.executable, str(manage), "build_exports", "--quiet"],
        cwd=settings.BASE_DIR, start_new_session=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _thread_build():
    from django.db import connection

    try:
        build_until_current()
    except Exception:  # noqa: BLE001 - a failed build leaves the previous files in place
        log.exception("Building the exports failed")
    finally:
        connection.close()  # this thread's own connection


def ensure():
    """Start a background build unless one is running (``EXPORTS_BUILD``: process, thread, off)."""
    mode = getattr(settings, "EXPORTS_BUILD", "process")
    if mode == "off":
        return False
    try:
        if is_running():
            return True
        if mode == "thread":
            threading.Thread(target=_thread_build, name="build-exports", daemon=True).start()
        else:
            _spawn_process()
    except OSError:
        log.exception("Could not start a build of the exports")
        return False
    return True


def _on_change(sender, raw=False, **kwargs):
    if raw:  # loaddata: the command that loads a fixture runs its own build when it wants one
        return
    generation.forget()
    transaction.on_commit(ensure)


def connect_signals():
    from django.apps import apps

    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(_on_change, sender=model, dispatch_uid=f"exports-save-{label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"exports-delete-{label}")
    content_changed.connect(_on_change, dispatch_uid="exports-bulk-change")
