"""Bytes to text without wild guesses: byte-order marks, UTF-16, and UTF-8 with a few bad bytes.

:func:`decode_text` reads, in this order:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) — it says the encoding;
2. UTF-16 without a mark, recognised by a NUL in every other byte of mostly-ASCII text;
3. a charset the server declared, when the bytes are in it;
4. UTF-8; when a few bytes are not valid UTF-8 but the rest is (valid multi-byte sequences outnumber the
   bad bytes), the bad bytes become U+FFFD and the text is *flagged* — one broken byte no longer makes a
   Russian article read as Latin-1 gibberish;
5. only text with no valid UTF-8 multi-byte sequence at all is read as a single-byte legacy encoding
   (Windows-1251 when most high bytes are Cyrillic letters, else Windows-1252), and flagged as such.

Binary content (NUL bytes in text that is not UTF-16/32) is refused.

References:
    The Unicode Standard, section 23.8 (Byte Order Mark). Unicode Consortium.
    RFC 3629, UTF-8, a transformation format of ISO 10646.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from casus.errors import SourceFormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Decoded:
    r"""Text decoded from bytes.

    Attributes:
        text: The text, with ``\n`` line ends.
        encoding: The encoding read.
        note: Why the text may not be exactly what was written (bytes replaced, an encoding guessed), or ``""``.
    """

    text: str
    encoding: str
    note: str = ""


def _utf16_guess(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` for unmarked UTF-16 of mostly Latin text (a NUL in every other byte)."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(raw: bytes, encoding: str, origin: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise SourceFormatError(
            origin, f"not valid {encoding} text at byte {err.start}; re-save the article as UTF-8"
        ) from None


def decode_text(raw: bytes, origin: str, *, charset: str | None = None) -> Decoded:
    r"""Decode an article's bytes (see the module docstring for the order of the rules).

    >>> decode_text("Армения".encode("utf-16"), "a.txt").text
    'Армения'
    >>> d = decode_text("Армения вышла".encode() + b"\xff", "a.txt")
    >>> d.text, d.encoding, d.note
    ('Армения вышла\ufffd', 'utf-8', '1 invalid UTF-8 sequence(s) replaced by U+FFFD')

    Raises:
        SourceFormatError: Binary content, or text not valid in the encoding its byte-order mark names.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return Decoded(_lines(_strict(raw[len(bom) :], encoding, origin)), encoding)
    utf16 = _utf16_guess(raw)
    if utf16 is not None:
        return Decoded(_lines(_strict(raw, utf16, origin)), utf16, f"read as {utf16} (no byte-order mark)")
    if b"\x00" in raw[:4096]:
        raise SourceFormatError(origin, "binary content; give a text or HTML article")
    if charset:
        try:
            return Decoded(_lines(raw.decode(charset)), charset.lower())
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: read the bytes themselves
    try:
        return Decoded(_lines(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    replaced = raw.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    good = len(_MULTIBYTE.findall(raw))
    if good >= bad:
        note = f"{bad} invalid UTF-8 sequence(s) replaced by U+FFFD"
        return Decoded(_lines(replaced), "utf-8", note)
    high = [b for b in raw if b >= 0x80]
    cyrillic = sum(1 for b in high if b >= 0xC0)
    legacy = "cp1251" if high and cyrillic > 0.6 * len(high) and re.search(rb"[\xc0-\xff]{4}", raw) else "cp1252"
    text = raw.decode(legacy, errors="replace")
    return Decoded(_lines(text), legacy, f"not UTF-8: read as {legacy} (a guess from its bytes)")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
