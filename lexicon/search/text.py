"""What a reader reads of a Markdown body, as plain text for the index and the snippets.

Left out, because nobody reads them as the text and they made searches go wrong ("digitalisering"
ranked lemmas whose figure caption says the figure was lost in the digitisation):

* editorial placeholders: a paragraph that is one italic parenthesised remark, such as
  ``*(De figuur is bij de digitalisering verloren gegaan; de redactie heeft ...)*``;
* Markdown attribute lists such as ``{: #noot-vii }`` or ``{: .chapter-byline }``, which are
  markup, not words.

The rest is ``lexicon.content.rendering.plain_text`` (links, emphasis and heading marks removed).
"""
import re

from lexicon.content.rendering import plain_text

EDITORIAL_NOTE = re.compile(r"(?m)^[ \t]*[*_]\((?:[^\n]*?)\)[*_][ \t]*$")
ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}")


def readable_markdown(markdown_text):
    text = EDITORIAL_NOTE.sub("", markdown_text or "")
    return ATTRIBUTE_LIST.sub("", text)


def readable_text(markdown_text):
    return plain_text(readable_markdown(markdown_text))
