"""A readable comparison of two saved revisions of a lemma (django-reversion versions).

Everything that goes into HTML is escaped here; the only markup added is <del>/<ins>.
"""
import difflib
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lexicon.content.models import Author, CrossReference, Lemma, LemmaAuthor

FIELDS = [
    ("title", _("titel")), ("slug", _("slug")), ("subtitle", _("ondertitel")), ("cluster_id", _("cluster")),
    ("order", _("volgorde in het boek")), ("status", _("status")), ("published_at", _("publicatiedatum")),
    ("alternative_terms", _("andere termen")), ("lead", _("inleiding")), ("body", _("tekst")),
]
TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.U)


@dataclass
class FieldDiff:
    label: str
    rows: list = field(default_factory=list)  # [(kind, old_html, new_html)], kind: equal/changed/added/removed


def snapshot(version):
    """Field values and related rows of a lemma as saved in this version."""
    from lexicon.content.models import Cluster

    data = dict(version.field_dict)
    clusters = dict(Cluster.objects.values_list("pk", "name"))
    data["cluster_id"] = clusters.get(data.get("cluster_id"), data.get("cluster_id"))
    data["status"] = Lemma.Status(data["status"]).label if data.get("status") in Lemma.Status.values else data.get("status")
    # Versions store datetimes with the offset they were saved with: compare in local time.
    data["published_at"] = timezone.localtime(data["published_at"]).strftime("%d-%m-%Y %H:%M") if data.get("published_at") else ""
    authors, refs = [], []
    titles = dict(Lemma.objects.values_list("pk", "title"))
    names = dict(Author.objects.values_list("pk", "name"))
    for related in version.revision.version_set.all():
        model = related._model
        if model is LemmaAuthor:
            fd = related.field_dict
            if fd["lemma_id"] == int(version.object_id):
                authors.append((fd["position"], names.get(fd["author_id"], _("(verwijderde auteur)"))))
        elif model is CrossReference:
            fd = related.field_dict
            if fd["source_id"] == int(version.object_id):
                kind = CrossReference.Kind(fd["kind"]).label if fd["kind"] in CrossReference.Kind.values else fd["kind"]
                refs.append(f"{titles.get(fd['target_id'], '?')} ({kind})")
    data["authors"] = ", ".join(name for _pos, name in sorted(authors))
    data["refs"] = "\n".join(sorted(refs))
    return data


def _inline(old, new):
    """Word-level difference of two lines as (old_html, new_html)."""
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    old_out, new_out = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            old_out.append(left)
            new_out.append(right)
        else:
            if left:
                old_out.append(f"<del>{left}</del>")
            if right:
                new_out.append(f"<ins>{right}</ins>")
    return mark_safe("".join(old_out)), mark_safe("".join(new_out))


def diff_text(old, new, context=1):
    """Rows of a side-by-side line diff, unchanged stretches folded to ``context`` lines."""
    a, b = str(old or "").splitlines(), str(new or "").splitlines()
    rows = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if rows:
            rows.append(("skip", "…", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [("equal", escape(line), escape(line)) for line in a[i1:i2]]
            elif tag == "replace" and i2 - i1 == j2 - j1:
                rows += [("changed", *_inline(x, y)) for x, y in zip(a[i1:i2], b[j1:j2])]
            else:
                rows += [("removed", escape(line), "") for line in a[i1:i2]]
                rows += [("added", "", escape(line)) for line in b[j1:j2]]
    return rows


def compare(old_version, new_version):
    """What changed between two versions, field by field (unchanged fields left out)."""
    old, new = snapshot(old_version), snapshot(new_version)
    labels = FIELDS + [("authors", _("auteurs")), ("refs", _("kruisverwijzingen"))]
    diffs = []
    for key, label in labels:
        if str(old.get(key) or "") != str(new.get(key) or ""):
            diffs.append(FieldDiff(label, diff_text(old.get(key), new.get(key))))
    return diffs
