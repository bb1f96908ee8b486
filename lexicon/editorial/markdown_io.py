"""Lemmas as Markdown files with YAML front matter, for editors who work in a text editor or git.

    ---
    title: Sociale basis
    slug: sociale-basis
    authors: [Radboud Engbersen, Ard Sprinkhuizen]
    cluster: sociaal
    status: gepubliceerd
    ...
    cross_references:
    - {target: vertrouwen, kind: zie-ook}
    ---
    Body in Markdown, byte for byte.

``export_lexicon(dir)`` writes one ``<slug>.md`` per lemma; ``import_directory(dir)`` reads them
back in one transaction (all files are checked first; any error names the file and changes
nothing). Export followed by import loses nothing: every editable field, the author order,
cross-references (with kind and note) and old slugs.
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import reversion
import yaml
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lexicon.content.models import Author, Cluster, CrossReference, Lemma, LemmaAuthor, SlugRedirect
from lexicon.content.models import versions

FRONT_MATTER_DELIMITER = "---"
TEXT_FIELDS = ["title", "slug", "subtitle", "lead", "alternative_terms"]
REQUIRED = ["title", "slug", "cluster"]


class MarkdownImportError(Exception):
    """A file that cannot be imported; the message names the file."""


# --- export ---------------------------------------------------------------------------------

def front_matter(lemma):
    data = {
        "title": lemma.title,
        "slug": lemma.slug,
        "subtitle": lemma.subtitle,
        "authors": [a.name for a in lemma.ordered_authors],
        "cluster": lemma.cluster.slug,
        "status": lemma.status,
        "order": lemma.order,
        "lead": lemma.lead,
        "alternative_terms": lemma.alternative_terms,
        "published_at": lemma.published_at.isoformat() if lemma.published_at else None,
        "cross_references": [
            {"target": ref.target.slug, "kind": ref.kind, **({"note": ref.note} if ref.note else {})}
            for ref in lemma.outgoing_refs.select_related("target").order_by("target__order", "target__slug", "kind")
        ],
        "old_slugs": sorted(lemma.old_slugs.values_list("old_slug", flat=True)),
    }
    return data


def to_markdown_file(lemma):
    header = yaml.safe_dump(front_matter(lemma), allow_unicode=True, sort_keys=False, width=100)
    return f"{FRONT_MATTER_DELIMITER}\n{header}{FRONT_MATTER_DELIMITER}\n{lemma.body}"


def export_lexicon(directory):
    """Write every lemma to ``directory/<slug>.md``; returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for lemma in Lemma.objects.select_related("cluster").prefetch_related("lemma_authors__author").order_by("order", "slug"):
        path = directory / f"{lemma.slug}.md"
        # newline="" keeps the body's line endings exactly as stored.
        path.write_text(to_markdown_file(lemma), encoding="utf-8", newline="")
        paths.append(path)
    return paths


# --- import ---------------------------------------------------------------------------------

@dataclass
class ParsedLemma:
    path: Path
    meta: dict
    body: str


def parse_file(path):
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        raise MarkdownImportError(_("%(file)s: geen UTF-8-tekst.") % {"file": path.name})
    if text.startswith("\ufeff"):
        text = text[1:]
    first, _sep, rest = text.partition("\n")
    if first.rstrip("\r") != FRONT_MATTER_DELIMITER:
        raise MarkdownImportError(_("%(file)s: het bestand begint niet met front matter (‘---’).") % {"file": path.name})
    header_lines, body_start, offset = [], None, 0
    for line in rest.splitlines(keepends=True):
        if line.rstrip("\r\n") == FRONT_MATTER_DELIMITER:
            body_start = offset + len(line)
            break
        header_lines.append(line)
        offset += len(line)
    if body_start is None:
        raise MarkdownImportError(_("%(file)s: de front matter wordt niet afgesloten met ‘---’.") % {"file": path.name})
    try:
        meta = yaml.safe_load("".join(header_lines)) or {}
    except yaml.YAMLError as exc:
        raise MarkdownImportError(_("%(file)s: ongeldige YAML in de front matter (%(error)s).") % {
            "file": path.name, "error": str(exc).splitlines()[0]})
    if not isinstance(meta, dict):
        raise MarkdownImportError(_("%(file)s: de front matter is geen lijst van velden.") % {"file": path.name})
    return ParsedLemma(path, meta, rest[body_start:])


def _fail(parsed, message, **kwargs):
    raise MarkdownImportError(f"{parsed.path.name}: {message % kwargs if kwargs else message}")


def _text(parsed, key):
    value = parsed.meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        _fail(parsed, _("veld ‘%(key)s’ moet tekst zijn."), key=key)
    return str(value)


def _datetime(parsed, value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        result = value
    else:
        try:
            result = dt.datetime.fromisoformat(str(value))
        except ValueError:
            _fail(parsed, _("published_at ‘%(value)s’ is geen datum en tijd (ISO 8601)."), value=value)
    if result.tzinfo is None:
        result = result.replace(tzinfo=dt.timezone.utc)
    return result


def validate(parsed, *, clusters, known_slugs):
    """Check one file against the database and the other files; returns cleaned values."""
    meta = parsed.meta
    for key in REQUIRED:
        if not meta.get(key):
            _fail(parsed, _("verplicht veld ‘%(key)s’ ontbreekt."), key=key)
    slug = _text(parsed, "slug")
    if slugify(slug) != slug:
        _fail(parsed, _("slug ‘%(slug)s’ is geen geldige slug (kleine letters, cijfers en streepjes)."), slug=slug)
    cluster = clusters.get(_text(parsed, "cluster"))
    if cluster is None:
        _fail(parsed, _("onbekend cluster ‘%(cluster)s’."), cluster=meta.get("cluster"))
    status = meta.get("status") or Lemma.Status.DRAFT
    if status not in Lemma.Status.values:
        _fail(parsed, _("onbekende status ‘%(status)s’ (kies uit: %(choices)s)."), status=status,
              choices=", ".join(Lemma.Status.values))
    order = meta.get("order", 0)
    if not isinstance(order, int) or isinstance(order, bool) or order < 0:
        _fail(parsed, _("order moet een geheel getal ≥ 0 zijn."))
    authors = meta.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) and a.strip() for a in authors):
        _fail(parsed, _("authors moet een lijst van namen zijn."))
    refs = meta.get("cross_references", meta.get("cross-references")) or []
    if not isinstance(refs, list):
        _fail(parsed, _("cross_references moet een lijst zijn."))
    clean_refs = []
    for ref in refs:
        if not isinstance(ref, dict) or not ref.get("target"):
            _fail(parsed, _("elke kruisverwijzing heeft een ‘target’ (slug) nodig."))
        kind = ref.get("kind") or CrossReference.Kind.SEE_ALSO
        if kind not in CrossReference.Kind.values:
            _fail(parsed, _("onbekende soort kruisverwijzing ‘%(kind)s’."), kind=kind)
        if ref["target"] not in known_slugs:
            _fail(parsed, _("kruisverwijzing naar onbekend lemma ‘%(target)s’."), target=ref["target"])
        if ref["target"] == slug:
            _fail(parsed, _("een lemma kan niet naar zichzelf verwijzen."))
        if any(r[0] == ref["target"] and r[1] == kind for r in clean_refs):
            _fail(parsed, _("kruisverwijzing naar ‘%(target)s’ (%(kind)s) staat er twee keer in."), target=ref["target"], kind=kind)
        clean_refs.append((str(ref["target"]), kind, str(ref.get("note") or "")))
    old_slugs = meta.get("old_slugs") or []
    if not isinstance(old_slugs, list):
        _fail(parsed, _("old_slugs moet een lijst zijn."))
    values = {key: _text(parsed, key) for key in TEXT_FIELDS}
    for key, limit in (("title", 200), ("slug", 200), ("subtitle", 300), ("alternative_terms", 500)):
        if len(values[key]) > limit:
            _fail(parsed, _("veld ‘%(key)s’ is te lang (hoogstens %(limit)s tekens)."), key=key, limit=limit)
    values.update(cluster=cluster, status=status, order=order, body=parsed.body,
                  published_at=_datetime(parsed, meta.get("published_at")))
    return values, [a.strip() for a in authors], clean_refs, [str(s) for s in old_slugs]


def _author(name, cache):
    if name in cache:
        return cache[name]
    matches = list(Author.objects.filter(name=name)[:2])
    if len(matches) == 1:
        author = matches[0]
    elif matches:
        raise MarkdownImportError(_("Auteursnaam ‘%(name)s’ is niet eenduidig.") % {"name": name})
    else:
        base = slugify(name) or "auteur"
        slug, n = base, 2
        while Author.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        author = Author.objects.create(name=name, slug=slug)
    cache[name] = author
    return author


def import_directory(directory):
    """Create or update the lemmas in ``directory/*.md``; all or nothing. Returns (created, updated)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MarkdownImportError(_("%(dir)s is geen map.") % {"dir": directory})
    files = sorted(directory.glob("*.md"))
    if not files:
        raise MarkdownImportError(_("Geen .md-bestanden gevonden in %(dir)s.") % {"dir": directory})
    parsed = [parse_file(path) for path in files]
    seen = {}
    for item in parsed:
        slug = item.meta.get("slug")
        if slug in seen:
            raise MarkdownImportError(_("%(file)s: slug ‘%(slug)s’ staat ook in %(other)s.") % {
                "file": item.path.name, "slug": slug, "other": seen[slug].path.name})
        seen[slug] = item
    clusters = {c.slug: c for c in Cluster.objects.all()}
    known_slugs = set(Lemma.objects.values_list("slug", flat=True)) | set(seen)
    cleaned = [(item, *validate(item, clusters=clusters, known_slugs=known_slugs)) for item in parsed]

    created = updated = 0
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(_("Geïmporteerd uit Markdown."))
        by_slug, author_cache = {}, {}
        for item, values, authors, _refs, old_slugs in cleaned:
            lemma = Lemma.objects.filter(slug=values["slug"]).first()
            if lemma is None:
                lemma = Lemma(**values)
                created += 1
            else:
                for key, value in values.items():
                    setattr(lemma, key, value)
                lemma.version += 1  # open admin forms of this lemma are now stale
                updated += 1
            lemma.save()
            by_slug[lemma.slug] = lemma
            lemma.lemma_authors.all().delete()
            try:
                LemmaAuthor.objects.bulk_create([
                    LemmaAuthor(lemma=lemma, author=_author(name, author_cache), position=position)
                    for position, name in enumerate(authors)
                ])
            except MarkdownImportError as exc:
                raise MarkdownImportError(f"{item.path.name}: {exc}") from exc
            for old in old_slugs:
                SlugRedirect.objects.update_or_create(old_slug=old, defaults={"lemma": lemma})
        for item, _values, _authors, refs, _old in cleaned:
            lemma = by_slug[item.meta["slug"]]
            lemma.outgoing_refs.all().delete()
            targets = {t.slug: t for t in Lemma.objects.filter(slug__in=[r[0] for r in refs])}
            CrossReference.objects.bulk_create([
                CrossReference(source=lemma, target=targets[target], kind=kind, note=note)
                for target, kind, note in refs
            ])
        for lemma in by_slug.values():
            # The revision holds each lemma with its final authors and references (bulk writes send no signals).
            reversion.add_to_revision(lemma)
            if lemma.is_published:  # a changed published text is a new citable version
                versions.freeze(lemma, _("Bijgewerkt via een Markdown-import."))
    return created, updated
