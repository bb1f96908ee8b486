"""Cross-references in the text: 'zie ook het lemma over de sociale basis', 'in het lemma samenleven',
'in de lemma’s over presentie, relationeel werken en ook samenlevingsopbouw'.

Found references become links to the lemma in the Markdown and, for lemmas, CrossReference rows
(kind 'zie-ook' after 'zie ook', else 'vermelding').
"""
import re
from dataclasses import dataclass

from django.utils.text import slugify

# How the text names a lemma when it is not by its exact title (reviewed against the seed).
ALIASES = {
    "relationeel werken": "Relationeel Sociaal Werk(en)",
    "relationeel sociaal werk": "Relationeel Sociaal Werk(en)",
    "boundary spanning": "Werken aan institutionele nabijheid: de boundary spanner",
    "boundary spanner": "Werken aan institutionele nabijheid: de boundary spanner",
    "menselijk kapitaal": "Menselijk en sociaal kapitaal",
    "sociaal kapitaal": "Menselijk en sociaal kapitaal",
}
LEMMA_RE = re.compile(r"\blemma(?:’s|'s)?\s+(?:over\s+)?", re.IGNORECASE)
ARTICLE_RE = re.compile(r"(?:de|het)\s+", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"\s*(?:,\s*(?:en\s+(?:ook\s+)?)?|\s+en\s+(?:ook\s+)?)")


@dataclass(frozen=True)
class Reference:
    target_title: str
    kind: str      # 'zie-ook' or 'vermelding'
    phrase: str    # the words in the text


def _names(titles):
    names = {t.casefold(): t for t in titles}
    for alias, title in ALIASES.items():
        if title in titles:
            names.setdefault(alias, title)
    # longest first, so 'sociale basis' does not stop at 'sociale'
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


def find(text, titles, self_title=None):
    """Return (references, text with the references linked as Markdown)."""
    names = _names(titles)
    refs, out, pos = [], [], 0
    for m in LEMMA_RE.finditer(text):
        if m.start() < pos:
            continue
        sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("(", 0, m.start()))
        see_also = "zie ook" in text[sentence_start + 1:m.start()].casefold()
        i = m.end()
        found_any = False
        while True:
            art = ARTICLE_RE.match(text, i)
            j = art.end() if art else i
            hit = None
            for name, title in names:
                chunk = text[j:j + len(name)]
                if chunk.casefold() == name and not text[j + len(name):j + len(name) + 1].isalpha():
                    hit = (name, title, chunk)
                    break
            if hit is None:
                break
            name, title, chunk = hit
            if title != self_title:
                refs.append(Reference(title, "zie-ook" if see_also else "vermelding", chunk))
                out.append(text[pos:j])
                out.append(f"[{chunk}](/lemma/{slugify(title)}/)")
                pos = j + len(chunk)
            found_any = True
            sep = SEPARATOR_RE.match(text, j + len(chunk))
            if not sep:
                break
            i = sep.end()
        if not found_any:
            continue
    out.append(text[pos:])
    return refs, "".join(out)
