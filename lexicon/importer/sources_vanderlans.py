"""Van der Lans, 'Actieve burgers zijn toch geen belediging voor professionals?': a web column -> sections.

One paragraph per line, then the web page's chrome (photo credit, view counter, comment form).
"""
import re

from .errors import ImportFailed
from .source_records import sections_from_blocks
from .sources_text import SENTENCE_END

WEB_CHROME = re.compile(
    r"^\s*(Foto:|Dit artikel is [\d.]+ keer bekeken|Reacties op dit artikel|Reageer\s*$|"
    r"Het e-mailadres wordt niet gepubliceerd)"
)


def parse_vanderlans(text, path):
    lines = [l.strip() for l in text.split("\n")]
    end = next((i for i, l in enumerate(lines) if WEB_CHROME.match(l)), len(lines))
    paras = [re.sub(r"\s{2,}", " ", l) for l in lines[:end] if l]
    if len(paras) < 3:
        raise ImportFailed(path, None, "te weinig tekst.")
    _title, lead, rest = paras[0], paras[1], paras[2:]
    blocks = [f"*{lead}*"]
    for p in rest:
        is_heading = not SENTENCE_END.search(p) and len(p) < 120
        if is_heading and p.startswith(rest[-1][:20]) and p is rest[-1]:
            is_heading = False
        blocks.append(f"## {p}" if is_heading else p)
    # The author's note closes the column; set it apart.
    if blocks and re.match(r"^\S+ .* is (publicist|journalist|schrijver)", blocks[-1]):
        blocks[-1] = f"*{blocks[-1]}.*" if not SENTENCE_END.search(blocks[-1]) else f"*{blocks[-1]}*"
    return sections_from_blocks(blocks, "Inleiding")
