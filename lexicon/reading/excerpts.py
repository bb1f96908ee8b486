"""Leads shortened for lists and previews: at the end of a sentence when one ends late enough,
otherwise at a word boundary, always with an ellipsis when something was left out."""
import re

# Dutch abbreviations whose full stop does not end a sentence ("o.a. Utrecht", "bijv. De").
ABBREVIATIONS = {"bijv", "bv", "o.a", "e.d", "e.a", "m.a.w", "i.p.v", "d.w.z", "z.g.a", "zgn", "ca", "dr",
                 "drs", "mr", "prof", "ir", "ing", "nr", "blz", "p", "pp", "vgl", "zie", "resp", "etc", "jr", "st"}
# A sentence ends at . ! or ? (perhaps behind a closing quote or bracket) before a capital or an opening quote.
_SENTENCE_END = re.compile(r"([.!?])[’”'\")]*(?=\s+[\"'‘“(]?[A-ZÀ-ÖØ-Þ0-9])")
ELLIPSIS = "…"
# A sentence end is preferred when it keeps at least this share of the limit.
MIN_SENTENCE_SHARE = 0.45


def _is_abbreviation(text, dot):
    word = re.search(r"([\w.]+)$", text[:dot])
    return bool(word) and word.group(1).lower().rstrip(".") in ABBREVIATIONS


def shorten(text, limit=240):
    """``text`` (whitespace collapsed) of at most ``limit`` characters plus an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)
            if m.group(1) != "." or not _is_abbreviation(window, m.start())]
    if ends and ends[-1] >= limit * MIN_SENTENCE_SHARE:
        return f"{window[: ends[-1]]} {ELLIPSIS}"
    cut = window.rfind(" ")
    head = window[:cut] if cut > 0 else text[:limit]
    return head.rstrip(" ,;:–-(") + ELLIPSIS
