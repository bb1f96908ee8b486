"""Quote marks: straight quotes at token edges become curly ones, paired within a paragraph.

The book uses ‘…’ for quotations and “…” inside them. Apostrophes inside words (zo'n,
dilemma’s) are left alone.
"""
import re

OPENERS = "‘“"
CLOSERS = "’”"


def normalise(text, stats=None):
    before = text
    # doubled marks from the extraction: '‘ -> ‘ and '’ -> ’
    text = text.replace("'‘", "‘").replace("'’", "’").replace("‘'", "‘").replace("’'", "’")
    text = text.replace("’’", "’").replace("‘‘", "‘")
    text = re.sub(r"(^|[\s(])'([st])\b", r"\1’\2", text)  # ’s avonds, ’t
    out = []
    stack = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in "\"'":
            opening = (prev.isspace() or prev in "([—-/") and not nxt.isspace()
            closing = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]—-[")
            if ch == "'" and prev.isalpha() and nxt.isalpha():
                out.append(ch)  # apostrophe inside a word
                continue
            if opening:
                # pair with the next closing mark: a straight " closed by ’ was a single quote
                rest = text[i + 1:]
                m = re.search(r"[’”\"']", rest)
                style = "‘" if ch == "'" or (m and m.group(0) == "’") else "“"
                out.append(style)
                stack.append(style)
                continue
            if closing:
                if stack:
                    out.append("’" if stack.pop() == "‘" else "”")
                else:
                    out.append("’" if ch == "'" else "”")
                continue
            out.append(ch)
            continue
        if ch in OPENERS:
            stack.append(ch)
        elif ch in CLOSERS and stack and not (prev.isalpha() and nxt.isalpha()):
            stack.pop()
        out.append(ch)
    text = repair_pairs("".join(out)).replace("’’", "’")
    if stats is not None and text != before:
        stats.count("quote-normalised", max(1, sum(before.count(q) - text.count(q) for q in "\"'")))
    return text


def repair_pairs(text):
    """Mismatched curly pairs from the source: ‘…” -> ‘…’ and “…’ -> “…” (when no ” follows)."""
    chars = list(text)
    stack = []
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i else " "
        nxt = chars[i + 1] if i + 1 < len(chars) else " "
        if ch in OPENERS:
            stack.append(i)
        elif ch == "”":
            if stack and chars[stack[-1]] == "‘":
                chars[i] = "’"
            if stack:
                stack.pop()
        elif ch == "’" and not nxt.isalpha():
            if stack and chars[stack[-1]] == "“" and "”" not in chars[i + 1:]:
                chars[i] = "”"
            if stack and not (prev.isalpha() and nxt.isalpha()):
                stack.pop()
    return "".join(chars)
