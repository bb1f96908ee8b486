"""Reading a seed file strictly: UTF-8 or a clear error naming the file (and the line of the first bad byte).

The one reader for every seed: the book and its table of contents (``read_lines``) and the four
related texts (``read_text``).
"""
from pathlib import Path

from lexicon.importer.errors import ImportFailed


def read_text(path):
    """The file's text with line ends normalised to '\\n' (a UTF-8 byte-order mark is dropped)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(path, None, "bestand niet gevonden.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, None, f"kan het bestand niet lezen ({exc.strerror})") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise ImportFailed(path, None, "het bestand is leeg")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            path, line, f"geen geldige UTF-8 (byte 0x{data[exc.start]:02x}); is het bestand in een andere codering opgeslagen?"
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailed(path, line, "bevat binaire gegevens (NUL-teken)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_lines(path):
    return read_text(path).split("\n")
