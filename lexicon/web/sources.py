"""The sources ("Bronnen"): a long source is a contents page plus one page per chapter; a short
one stays one page. Links to a note in another chapter ('#noot-v' to the chapter 'Noten') are
pointed at that chapter's page."""
import re

from django.db.models.functions import Length
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from lexicon.content.models import WORDS_PER_MINUTE, Source

CHARS_PER_WORD = 6.5  # Dutch prose with its spaces and punctuation, for a reading time without the body
ATTR_ID_RE = re.compile(r"\{:\s*#([\w-]+)")
FRAGMENT_HREF_RE = re.compile(r'href="#([\w-]+)"')


@require_safe
def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    if not source.paged:
        return render(request, "lexicon/source_detail.html", {"source": source, "sections": source.sections.all()})
    sections = list(source.sections.annotate(chars=Length("body")).defer("body"))
    for section in sections:
        section.minutes = max(1, round(section.chars / CHARS_PER_WORD / WORDS_PER_MINUTE))
        section.url = section.get_absolute_url()
    return render(request, "lexicon/sources/source_contents.html", {"source": source, "sections": sections})


def _retarget(html, own_ids, elsewhere):
    """Point '#id' links whose target is in another chapter at that chapter's page."""
    def fix(match):
        target = match.group(1)
        if target in own_ids or target not in elsewhere:
            return match.group(0)
        return f'href="{elsewhere[target]}#{target}"'

    return mark_safe(FRAGMENT_HREF_RE.sub(fix, html))


@require_safe
def source_chapter(request, slug, anchor):
    source = get_object_or_404(Source, slug=slug)
    if not source.paged:
        return redirect(f"{source.get_absolute_url()}#{anchor}", permanent=False)
    sections = list(source.sections.all())
    index = next((i for i, s in enumerate(sections) if s.anchor == anchor), None)
    if index is None:
        raise Http404(_("Deze bron heeft geen hoofdstuk ‘%(anchor)s’.") % {"anchor": anchor[:100]})
    chapter = sections[index]
    elsewhere = {}
    for other in sections:
        if other is not chapter:
            for target in ATTR_ID_RE.findall(other.body):
                elsewhere.setdefault(target, other.get_absolute_url())
    html = _retarget(chapter.rendered.html, set(ATTR_ID_RE.findall(chapter.body)), elsewhere)
    return render(request, "lexicon/sources/source_chapter.html", {
        "source": source, "chapter": chapter, "html": html, "number": index + 1, "count": len(sections),
        "previous": sections[index - 1] if index else None,
        "next": sections[index + 1] if index + 1 < len(sections) else None,
    })
