"""What "Bewaar voor offline gebruik" stores: the URLs of every published lemma page, the Over-pages,
the home page, the offline search page and the site's own CSS, JS and icons."""
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse

from lexicon.content.models import Lemma, Page, fill_urls

STATIC_FOLDERS = ("css", "js", "icons")
# Editors' files: never needed to read the lexicon.
EDITOR_FILES = {"css/admin_a11y.css", "css/lemma_editor.css", "js/lemma_editor.js"}


def static_files():
    names = []
    for folder in settings.STATICFILES_DIRS:
        base = Path(folder)
        for sub in STATIC_FOLDERS:
            names += [p.relative_to(base).as_posix() for p in sorted((base / sub).glob("*")) if p.is_file()]
    return [staticfiles_storage.url(name) for name in names if name not in EDITOR_FILES]


def page_urls():
    lemmas = fill_urls(list(Lemma.objects.published().order_by("order", "title").only("slug")))
    pages = [page.get_absolute_url() for page in Page.objects.order_by("order").only("slug")]
    return [reverse("lexicon:home"), reverse("lexicon:offline_search"), *pages, *[lemma.url for lemma in lemmas]]


def urls():
    return page_urls() + static_files() + [reverse("lexicon:webmanifest")]
