"""Reading a seed file strictly: UTF-8 or a clear error with the line of the first bad byte."""
from pathlib import Path

from lexicon.importer.errors import ImportFailed


def read_lines(path):
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, None, f"kan het bestand niet lezen ({exc.strerror})") from exc
    if not data.strip():
        raise ImportFailed(path, None, "het bestand is leeg")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
