"""From cleaned lines to Markdown: footnotes, paragraphs, headings, lists, quotes, captions.

Each function takes and returns plain data so it can be tested on a few lines of text.
"""
import re
from dataclasses import dataclass, field

from . import diacritics, quotes
from .hyphenation import HyphenJoiner, join_lines

BULLET_RE = re.compile(r"^(¢|®|\*|•|e)\s+(?=\S)")
STRONG_BULLET_RE = re.compile(r"^(¢|®|\*|•)\s+(?=\S)")
NUMBERED_RE = re.compile(r"^(\d{1,2})\.\s+(?=[A-Z‘])")
FOOTNOTE_RE = re.compile(r"^(\d)\s+(?=\S)")
FIGURE_RE = re.compile(r"^(Figuur|Tabel)\s+\d+\s*:\s*\S")
SOURCE_LINE_RE = re.compile(r"^Bron:\s*\S")
REFERENCE_RE = re.compile(r"\((?:\d{4}[a-z]?|t|\d{4}, ?)\)")
SENTENCE_END_RE = re.compile(r"[.!?:;]$")
TRAILING_NOISE = "’”\"')]*"
FULL_LINE = 75  # printed lines are ~95 characters; a shorter line ends a paragraph
HEADING_MAX = 80


@dataclass
class Block:
    kind: str                 # paragraph, heading, list, olist, quote, caption, source, verbatim
    lines: list = field(default_factory=list)  # Line objects
    items: list = field(default_factory=list)  # for lists: list of lists of str

    @property
    def first(self):
        return self.lines[0].text if self.lines else ""

    @property
    def last(self):
        return self.lines[-1].text if self.lines else ""


def ends_sentence(text):
    t = re.sub(r"\[\^\d+\]$", "", text.rstrip()).rstrip(TRAILING_NOISE)
    return bool(SENTENCE_END_RE.search(t)) or text.rstrip().endswith(("?’", "!’", ".’", ".”"))


def extract_footnotes(lines, stats=None):
    """Footnotes sit between a blank line and the next page start: '1 Het begrip verwijst…'.
    Returns (lines without them, {number: text lines})."""
    notes, out, i = {}, [], 0
    while i < len(lines):
        ln = lines[i]
        prev_blank = not out or out[-1].blank
        m = None if ln.verbatim else FOOTNOTE_RE.match(ln.text)
        if m and prev_blank and i > 0:
            j = i + 1
            while j < len(lines) and not lines[j].page_start and not lines[j].blank:
                j += 1
            if j < len(lines) and lines[j].page_start and j - i <= 6:
                number = int(m.group(1))
                notes[number] = [lines[i].text[m.end():]] + [x.text for x in lines[i + 1:j]]
                if stats is not None:
                    stats.count("footnote")
                # the page continues the text above: drop the blank line before the note
                # unless the text above ends a paragraph
                if out and out[-1].blank and len(out) > 1:
                    above = out[-2].text
                    below = lines[j].text
                    if not ends_sentence(above) or below[:1].islower() or len(above) >= FULL_LINE:
                        out.pop()
                i = j
                continue
        out.append(ln)
        i += 1
    return out, notes


def split_blocks(lines):
    """Group lines into raw blocks at blank lines and at page starts that begin a new paragraph."""
    blocks, current = [], []
    for idx, ln in enumerate(lines):
        if ln.blank:
            if current:
                blocks.append(current)
                current = []
            continue
        if current and ln.page_start and not ln.verbatim and not current[-1].verbatim:
            prev = current[-1].text
            nxt_blank = idx + 1 >= len(lines) or lines[idx + 1].blank
            starts_new = ln.text[:1].isupper() or ln.text[:1] in "‘“\"'¢®*•" or BULLET_RE.match(ln.text)
            if starts_new and ends_sentence(prev) and (len(prev) < FULL_LINE or nxt_blank):
                blocks.append(current)
                current = []
        if current and current[-1].verbatim != ln.verbatim:
            blocks.append(current)
            current = []
        current.append(ln)
    if current:
        blocks.append(current)
    return blocks


def is_heading_block(raw):
    if len(raw) > 3 or any(ln.verbatim for ln in raw):
        return False
    texts = [ln.text for ln in raw]
    if any(len(t) > HEADING_MAX for t in texts):
        return False
    last = texts[-1].rstrip()
    if re.search(r"[.,;:]$", last) or not texts[0][:1].isupper():
        return False
    if BULLET_RE.match(texts[0]) or FIGURE_RE.match(texts[0]) or SOURCE_LINE_RE.match(texts[0]):
        return False
    if len(raw) > 1 and sum(len(t) for t in texts) > HEADING_MAX + 20:
        return False
    return True


def classify(raw_blocks):
    """Raw blocks -> typed Blocks; list blocks keep their items."""
    blocks = []
    for n, raw in enumerate(raw_blocks):
        first = raw[0].text
        prev_raw = raw_blocks[n - 1] if n else None
        next_raw = raw_blocks[n + 1] if n + 1 < len(raw_blocks) else None
        if raw[0].verbatim:
            blocks.append(Block("verbatim", raw))
        elif FIGURE_RE.match(first):
            blocks.append(Block("caption", raw))
        elif SOURCE_LINE_RE.match(first):
            blocks.append(Block("source", raw))
        elif _is_unmarked_item(raw, prev_raw, blocks):
            blocks.append(Block("list", raw, [[ln.text for ln in raw]]))
        elif _is_list_start(raw, prev_raw, next_raw, blocks):
            blocks.append(Block("list", raw, _items(raw, BULLET_RE)))
        elif NUMBERED_RE.match(first) and (
            (prev_raw and prev_raw[-1].text.rstrip().endswith(":"))
            or (blocks and blocks[-1].kind == "olist")
            or _numbered_run(raw, next_raw)
        ):
            blocks.append(Block("olist", raw, _items(raw, NUMBERED_RE)))
        elif is_heading_block(raw):
            blocks.append(Block("heading", raw))
        elif _is_quote(raw):
            blocks.append(Block("quote", raw))
        else:
            blocks.append(Block("paragraph", raw))
    return blocks


def _numbered_run(raw, next_raw):
    """'1. …' followed by a block '2. …': an ordered list even without an introducing colon."""
    m = NUMBERED_RE.match(raw[0].text)
    n = next_raw and NUMBERED_RE.match(next_raw[0].text)
    return bool(m and n and int(n.group(1)) == int(m.group(1)) + 1)


def _is_unmarked_item(raw, prev_raw, done):
    """List items whose bullet glyph was lost: after a line ending in ':', short blocks that start
    lowercase and end in ';' or ',' (the last one in '.')."""
    if len(raw) > 3 or not raw[0].text[:1].islower() or prev_raw is None or BULLET_RE.match(raw[0].text):
        return False
    prev_end = prev_raw[-1].text.rstrip()
    after_colon = prev_end.endswith(":") and raw[-1].text.rstrip().endswith((";", ","))
    in_list = bool(done) and done[-1].kind == "list" and prev_end.endswith((";", ","))
    return after_colon or in_list


def _is_list_start(raw, prev_raw, next_raw, done):
    first = raw[0].text
    if STRONG_BULLET_RE.match(first):
        return True
    if not BULLET_RE.match(first):
        return False
    # 'e ' is a bullet only in a list context
    if done and done[-1].kind == "list":
        return True
    if next_raw and STRONG_BULLET_RE.match(next_raw[0].text):
        return True
    # a run of 'e ' items that each start a sentence: 'e Ervaringsdeskundigen zijn…' / 'e Zij…'
    if re.match(r"^e\s+[A-Z‘]", first) and next_raw and re.match(r"^e\s+[A-Z‘]", next_raw[0].text):
        return True
    if any(STRONG_BULLET_RE.match(ln.text) for ln in raw[1:]):
        return True
    return bool(prev_raw and prev_raw[-1].text.rstrip().endswith(":"))


def _items(raw, marker_re):
    items = []
    for ln in raw:
        m = marker_re.match(ln.text)
        if m:
            items.append([ln.text[m.end():]])
        elif items:
            items[-1].append(ln.text)
        else:
            items.append([ln.text])
    return items


QUOTE_START = "‘“\"'"
QUOTE_END_RE = re.compile(r"[’”\"'](?:\[\^\d+\])?(?:\s*\([^()]*\)\.?(?:\[\^\d+\])?)?$")


def _is_quote(raw):
    if len(raw) < 2:
        return False
    first = raw[0].text
    if first[:1] not in QUOTE_START:
        return False
    text = " ".join(ln.text for ln in raw).strip()
    return bool(QUOTE_END_RE.search(text))


def merge_broken_paragraphs(blocks, stats=None):
    """A paragraph broken by a blank line mid-sentence: long line without final punctuation,
    next block starts lowercase."""
    out = []
    for b in blocks:
        continues = b.first[:1].islower() or b.first[:1] == "(" or len(out[-1].last) >= FULL_LINE if out else False
        if (
            out and b.kind == "paragraph" and out[-1].kind in ("paragraph", "quote")
            and continues
            and not ends_sentence(out[-1].last)
            and (len(out[-1].last) > 60 or out[-1].last.endswith("-"))
        ):
            out[-1].lines.extend(b.lines)
            if stats is not None:
                stats.count("paragraph-rejoined")
            continue
        if (
            out and b.kind == "list" and out[-1].kind == "list"
        ):
            out[-1].lines.extend(b.lines)
            out[-1].items.extend(b.items)
            continue
        if out and b.kind == "olist" and out[-1].kind == "olist":
            out[-1].lines.extend(b.lines)
            out[-1].items.extend(b.items)
            continue
        out.append(b)
    return out


class Cleaner:
    """Text-level repairs of a joined paragraph: hyphens, diacritics, quotes.

    ``corpus``: the whole seed text, whose own spellings decide hyphens the word list does not.
    """

    def __init__(self, wordlist, corpus=None, stats=None, hyphens=None):
        self.wordlist, self.stats = wordlist, stats
        self.hyphens = hyphens or HyphenJoiner(wordlist, corpus or "")

    def quiet(self):
        """The same cleaner without counting (for text that is cleaned a second time)."""
        return Cleaner(self.wordlist, stats=None, hyphens=self.hyphens)

    def text(self, lines):
        joined = join_lines(lines, self.hyphens, self.stats)
        joined = re.sub(r"\s+", " ", joined).strip()
        joined = re.sub(r"(?<=[a-z.]),,(?= )", ",", joined)  # 'et al.,, 2019'
        joined = diacritics.repair(joined, self.wordlist, self.stats)
        return quotes.normalise(joined, self.stats)


def escape_markdown_start(text):
    """Keep a paragraph that starts like Markdown syntax a paragraph ('1998. Dat…', '# …')."""
    if re.match(r"^\d+\.\s", text):
        return re.sub(r"^(\d+)\.", r"\1\\.", text)
    if re.match(r"^[#>+\-*]\s", text):
        return "\\" + text
    return text


def render(blocks, cleaner, references_heading="Literatuur"):
    """Typed blocks -> Markdown chunks (a list of strings, joined by blank lines)."""
    chunks = []
    for n, b in enumerate(blocks):
        texts = [ln.text for ln in b.lines]
        if b.kind == "verbatim":
            chunks.append("\n".join(texts).strip("\n"))
        elif b.kind == "heading":
            title = cleaner.text(texts)
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            after = blocks[n + 2] if n + 2 < len(blocks) else None
            if nxt is not None and nxt.kind == "list" and after is not None and after.kind == "source":
                chunks.append(f"**{title}**")  # the title of a box, not a section
            else:
                chunks.append(f"## {title}")
                if cleaner.stats is not None:
                    cleaner.stats.count("heading")
        elif b.kind == "caption":
            chunks.append(f"*{cleaner.text(texts)}*")
            from .repairs import LOST_NOTE
            chunks.append(LOST_NOTE)
            if cleaner.stats is not None:
                cleaner.stats.count("figure-lost")
        elif b.kind == "source":
            chunks.append(f"*{cleaner.text(texts)}*")
        elif b.kind in ("list", "olist"):
            is_last = n == len(blocks) - 1
            items = [cleaner.text(item) for item in b.items]
            if b.kind == "list" and is_last and items and sum(bool(REFERENCE_RE.search(i)) for i in items) >= len(items) - 1:
                chunks.append(f"## {references_heading}")
                if cleaner.stats is not None:
                    cleaner.stats.count("references-section")
            if cleaner.stats is not None:
                cleaner.stats.count("list-item", len(items))
            if b.kind == "list":
                chunks.append("\n".join(f"- {i}" for i in items))
            else:
                chunks.append("\n".join(f"{k}. {i}" for k, i in enumerate(items, start=1)))
        elif b.kind == "quote":
            chunks.append("> " + cleaner.text(texts))
            if cleaner.stats is not None:
                cleaner.stats.count("blockquote")
        else:
            chunks.append(escape_markdown_start(cleaner.text(texts)))
    return chunks


URL_RE = re.compile(r"(?<![<(])\b((?:https?://|www\.)[^\s<>]+?)(?=[.,;:)]?(?:\s|$))")


def link_urls(text):
    """Bare URLs (in footnotes) become Markdown autolinks."""
    def repl(m):
        url = m.group(1)
        return f"<{url}>" if url.startswith("http") else f"[{url}](https://{url})"
    return URL_RE.sub(repl, text)


def footnote_markdown(notes, cleaner):
    return [f"[^{n}]: {link_urls(cleaner.text(notes[n]))}" for n in sorted(notes)]


def build_markdown(lines, cleaner, stats=None):
    """Section lines -> (markdown body, first paragraph as plain text)."""
    lines, notes = extract_footnotes(lines, stats)
    blocks = merge_broken_paragraphs(classify(split_blocks(lines)), stats)
    chunks = render(blocks, cleaner)
    # a footnote whose marker the text lost gets its marker after the paragraph it interrupted
    body = "\n\n".join(chunks)
    for n in sorted(notes):
        if f"[^{n}]" not in body:
            if stats is not None:
                stats.notes.append(f"footnote {n}: marker not found in text; appended to the last paragraph")
            chunks[-1] = chunks[-1] + f"[^{n}]"
            body = "\n\n".join(chunks)
    if notes:
        body = body + "\n\n" + "\n".join(footnote_markdown(notes, cleaner))
    quiet = cleaner.quiet()
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    lead = quiet.text([ln.text for ln in first.lines]) if first else ""
    lead = re.sub(r"\[\^\d+\]", "", lead)
    return body.strip() + "\n", lead
