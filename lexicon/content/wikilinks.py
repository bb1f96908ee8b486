"""Links between lemmas written in the Markdown body as ``[[Sociale basis]]`` or
``[[sociale-basis|de sociale basis]]``, and automatic links for mentions of other lemma titles.

Resolution is against a ``LinkIndex`` of the lemmas (``Lemma.objects.link_index()`` builds one from
the database): by slug, by title (case-insensitive) or by an old slug of a renamed lemma. This module
is pure text work and imports no model, so the models can use it. Only published lemmas become
links; anything else is rendered as its label (never a dead link) and reported by ``problems()`` so the admin can refuse to save it.
"""
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from lexicon.content.choices import LemmaStatus

WIKILINK_RE = re.compile(r"\[\[\s*([^\[\]|\n]+?)\s*(?:\|\s*([^\[\]\n]*?)\s*)?\]\]")

# Regions where nothing is linked automatically and wiki links are left alone (code) or
# already are links: fenced and inline code, headings, Markdown links and reference
# definitions, autolinks, raw HTML tags, footnote markers.
_CODE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.M | re.S)
_NO_MENTION_RE = re.compile(
    r"^#{1,6}[^\n]*$"                      # ATX heading
    r"|^[^\n]+\n[=-]{2,}[ \t]*$"           # setext heading
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"          # [text](url) and images
    r"|^\s*\[[^\]\n]+\]:[^\n]*$"           # reference and footnote definitions
    r"|\[\^[^\]\n]+\]"                     # footnote markers
    r"|<[^>\n]+>",                         # autolinks and raw HTML tags
    re.M,
)


@dataclass(frozen=True)
class Target:
    pk: int
    title: str
    slug: str
    status: str

    @property
    def is_published(self):
        return self.status == LemmaStatus.PUBLISHED

    @property
    def url(self):
        return reverse("lexicon:lemma", args=[self.slug])


@dataclass(frozen=True)
class WikiLink:
    start: int
    end: int
    target: str  # as written: a title or a slug
    label: str


def normalise(key):
    return " ".join(key.split()).casefold()


class LinkIndex:
    """All lemmas a link may point to, by slug and by title. ``old_slugs`` is a callable returning
    {old slug: lemma pk}, called only when a link is not found otherwise."""

    def __init__(self, targets, old_slugs=dict):
        self.targets = list(targets)
        self._by_key = {}
        for target in self.targets:
            self._by_key.setdefault(target.slug.lower(), target)
        for target in self.targets:
            self._by_key.setdefault(normalise(target.title), target)
        self._load_old_slugs = old_slugs
        self._old_slugs = None

    def lookup(self, key):
        target = self._by_key.get(key.strip().lower()) or self._by_key.get(normalise(key))
        if target is None:
            target = self._old_slug_lookup(key.strip().lower())
        return target

    def _old_slug_lookup(self, key):
        if self._old_slugs is None:  # only loaded when a link is not found otherwise
            by_pk = {t.pk: t for t in self.targets}
            self._old_slugs = {old: by_pk[pk] for old, pk in self._load_old_slugs().items() if pk in by_pk}
        return self._old_slugs.get(key)

    def published(self):
        return [t for t in self.targets if t.is_published]


def _spans(regex, text):
    return [m.span() for m in regex.finditer(text)]


def _inside(pos, spans):
    return any(start <= pos < end for start, end in spans)


def _overlaps(start, end, spans):
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def parse(text):
    """Wiki links in ``text`` outside code, in order."""
    text = text or ""
    code = _spans(_CODE_RE, text)
    links = []
    for m in WIKILINK_RE.finditer(text):
        if _inside(m.start(), code):
            continue
        target = m.group(1).strip()
        label = (m.group(2) or "").strip() or target
        links.append(WikiLink(m.start(), m.end(), target, label))
    return links


def problems(text, index, *, source_pk=None, allow_unpublished=False, together=()):
    """Dutch messages for links that would not work for a reader: unknown or unpublished targets.

    ``allow_unpublished``: a draft may link to another draft (both will be checked again when the
    source is published); ``together``: pks of lemmas being published with the source."""
    links = parse(text)
    if not links:
        return []
    index = _resolve(index)
    messages, seen = [], set()
    for link in links:
        if link.target.lower() in seen:
            continue
        seen.add(link.target.lower())
        target = index.lookup(link.target)
        if target is None:
            messages.append(
                _("De link [[%(target)s]] verwijst naar een lemma dat niet bestaat.") % {"target": link.target}
            )
        elif not (target.is_published or allow_unpublished or target.pk == source_pk or target.pk in together):
            messages.append(
                _("De link [[%(target)s]] verwijst naar ‘%(title)s’, dat nog niet gepubliceerd is (status: %(status)s).")
                % {"target": link.target, "title": target.title, "status": _status_label(target.status)}
            )
    return messages


def _status_label(status):
    return str(LemmaStatus(status).label) if status in LemmaStatus.values else status


def _resolve(index):
    """``index`` is a LinkIndex or a callable that builds one (called only when there is work)."""
    return index() if callable(index) else index


def find_mentions(text, index, *, source_pk=None, exclude=()):
    """First whole-word mention of each published lemma's title, as (target, start, end).

    Conservative: case-insensitive whole words only, never inside code, headings, links or
    wiki links; the longest title wins where titles overlap; a lemma never mentions itself.
    """
    text = text or ""
    blocked = _spans(_CODE_RE, text) + _spans(_NO_MENTION_RE, text) + _spans(WIKILINK_RE, text)
    excluded = set(exclude) | {source_pk}
    found = []
    candidates = sorted(
        (t for t in index.published() if t.pk not in excluded and t.title.strip()),
        key=lambda t: -len(t.title),
    )
    for target in candidates:
        words = [re.escape(w) for w in target.title.split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), blocked):
                continue
            found.append((target, m.start(), m.end()))
            blocked.append(m.span())
            break
    return sorted(found, key=lambda item: item[1])


def link_targets(text, index, *, source_pk=None, autolink=True):
    """Published lemmas this text links to, explicitly or by mention: what feeds 'Genoemd in'."""
    index = _resolve(index)
    explicit = [index.lookup(link.target) for link in parse(text)]
    pks = {t.pk for t in explicit if t is not None and t.is_published and t.pk != source_pk}
    if autolink:
        pks |= {t.pk for t, _s, _e in find_mentions(text, index, source_pk=source_pk, exclude=pks)}
    return pks


def to_markdown(text, index, *, source_pk=None, autolink=True):
    """Rewrite wiki links (and first mentions) as ordinary Markdown links to published lemmas."""
    text = text or ""
    links = parse(text)
    if not links and not autolink:
        return text
    index = _resolve(index)
    replacements = []
    linked = set()
    for link in links:
        target = index.lookup(link.target)
        if target is not None and target.is_published:
            replacements.append((link.start, link.end, f"[{link.label}]({target.url})"))
            linked.add(target.pk)
        else:
            replacements.append((link.start, link.end, link.label))  # no dead links for readers
    if autolink:
        for target, start, end in find_mentions(text, index, source_pk=source_pk, exclude=linked):
            replacements.append((start, end, f"[{text[start:end]}]({target.url})"))
    out, pos = [], 0
    for start, end, replacement in sorted(replacements):
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def autolink_enabled():
    from django.conf import settings

    return getattr(settings, "LEXICON_AUTOLINK_MENTIONS", True)


def preprocessor(index, *, source_pk=None, autolink=None):
    """A ``preprocess`` callable for ``rendering.render_markdown``; ``index`` as for ``problems``."""
    if autolink is None:
        autolink = autolink_enabled()

    def preprocess(text):
        return to_markdown(text, index, source_pk=source_pk, autolink=autolink)

    return preprocess
