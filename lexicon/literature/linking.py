"""Post-processing of a lemma's rendered HTML: each in-text citation becomes a link to its entry
in the Literatuur section (#lit-<key>), and the body's own reference list (only in
Ervaringsdeskundigheid) gives way to that section, which shows the same entries completed."""
import html
import re

from lexicon.literature import parsing

TAG_RE = re.compile(r"(<[^>]+>)")
OWN_LIST_RE = re.compile(r'<h2 id="literatuur">.*?(?=<h2[ >]|<div class="footnote"|\Z)', re.S)


def resolver(works):
    """A function from a parsing.Cited to the lemma's Work it denotes (or None)."""
    by_key = {w.key: w for w in works}
    by_label = {(fold_label(w.cited_as), w.year): w for w in works}

    def resolve(cited):
        return by_key.get(cited.key) or by_label.get((fold_label(cited.label), cited.year))
    return resolve


def fold_label(label):
    return parsing.fold(label).casefold()


def _link_text(text, resolve):
    raw = html.unescape(text)
    cites = [(c, resolve(c)) for c in parsing.find(raw)]
    cites = [(c, w) for c, w in cites if w is not None]
    if not cites:
        return text
    out, pos = [], 0
    for cited, work in cites:
        if cited.start < pos:
            continue
        out.append(html.escape(raw[pos:cited.start], quote=False))
        out.append(f'<a class="cite-ref" href="#{work.anchor}">{html.escape(raw[cited.start:cited.end], quote=False)}</a>')
        pos = cited.end
    out.append(html.escape(raw[pos:], quote=False))
    return "".join(out)


def link_citations(body_html, works, drop_own_list=True):
    """``body_html`` with citations of ``works`` linked; text inside links and headings is left alone."""
    if not works:
        return body_html
    if drop_own_list:
        body_html = OWN_LIST_RE.sub("", body_html)
    resolve = resolver(works)
    parts, depth = TAG_RE.split(body_html), 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            if re.match(r"<(a|h[1-6])[\s>]", part):
                depth += 1
            elif re.match(r"</(a|h[1-6])>", part):
                depth = max(0, depth - 1)
        elif depth == 0 and "(" in part:
            parts[i] = _link_text(part, resolve)
    return "".join(parts)
