"""Decode a text file's bytes: byte-order marks, then strict UTF-8, then detection (charset-normalizer).

Chinese government text files come in UTF-8, GB18030/GBK/GB2312 (mainland) or Big5 (Taiwan, Hong
Kong).  GB18030 decodes almost any byte string without error, so a simple try-order cannot tell it
from Big5: charset-normalizer compares how coherent each decoding is.  Files that are not text at all
(images, archives, programs, random bytes) are recognised first, so that they get a clear message
instead of a page of mojibake.

Examples
--------
>>> decode("吴泾镇".encode("gbk"), "r.txt")
'吴泾镇'
>>> decode("吳涇鎮人民政府工作報告".encode("big5"), "r.txt")
'吳涇鎮人民政府工作報告'
>>> try:
...     decode(b"\\x89PNG\\r\\n\\x1a\\n...", "r.txt")
... except ReadError as exc:
...     print(exc)
r.txt: a PNG image, not a text report
"""

from __future__ import annotations

import codecs

from graph.text.readers.errors import ReadError

__all__ = ["decode", "normalize_encoding"]

#: Leading bytes of files that are not text, with what they are.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file (WEBP, WAV or AVI)"),
    (b"%PDF-", "a PDF file (rename it .pdf)"),
    (b"PK\x03\x04", "a zip archive (a Word file? rename it .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls) or an encrypted .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings a Chinese report may be in, preferred first on a tie; GB18030 is a superset of GBK and
#: GB2312, cp950 (Microsoft's Big5) of Big5.  UTF-16 without a byte-order mark is recognised by its NULs.
CHINESE_ENCODINGS = ["gb18030", "cp950", "big5hkscs"]

#: Names people use for an encoding -> the codec we decode with (a superset, so nothing is lost).
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "big5": "cp950"}


def normalize_encoding(name: str) -> str:
    """The Python codec for an encoding name; ``gbk`` and ``gb2312`` become their superset ``gb18030``.

    Examples
    --------
    >>> normalize_encoding("GB2312"), normalize_encoding("utf8")
    ('gb18030', 'utf-8')
    """
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ReadError(f"--encoding {name}: unknown encoding (try utf-8, gb18030 or big5)") from None
    return _SUPERSETS.get(codec, codec)


def _where(raw: bytes, pos: int) -> str:
    line = raw.count(b"\n", 0, pos) + 1
    return f"line {line}, byte {pos}: {raw[pos:pos + 4].hex(' ')}"


def _sniff(raw: bytes, name: str) -> None:
    for magic, what in MAGIC:
        if raw.startswith(magic):
            raise ReadError(f"{name}: {what}, not a text report")


def _mostly_utf8(raw: bytes) -> bool:
    """True when ``raw`` is UTF-8 with a few broken bytes, rather than text in another encoding."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 20 and bad * 20 <= good


def decode(raw: bytes, name: str, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode a text file's bytes, or raise :class:`ReadError` naming ``name`` and the problem.

    Parameters
    ----------
    raw
        The file's bytes.
    name
        The file's path, for messages.
    encoding
        Decode with this encoding, strictly, instead of detecting one.
    declared
        An encoding the file declares itself (an HTML ``<meta charset>``); tried after the BOM.
    """
    if encoding:
        codec = normalize_encoding(encoding)
        codec = "utf-8-sig" if codec == "utf-8" else codec
        try:
            return raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: not valid {encoding} text ({_where(raw, exc.start)})") from None
    _sniff(raw, name)
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"{name}: starts like {codec} text but is not ({_where(raw, exc.start)})") from None
    try:
        return _not_binary(raw.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        if _mostly_utf8(raw):
            raise ReadError(
                f"{name}: UTF-8 text with invalid bytes ({_where(raw, exc.start)}): fix the file "
                "or pass --encoding"
            ) from None
    if b"\x00" in raw:
        return _utf16_without_bom(raw, name)
    if declared:
        try:
            return raw.decode(normalize_encoding(declared))
        except (UnicodeDecodeError, ReadError):
            pass  # pages often declare the wrong charset: detect instead
    return _not_binary(_detect(raw, name), name)


def _not_binary(text: str, name: str) -> str:
    """``text`` unless control characters make up more than 1% of it (a binary file that happened to decode)."""
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    if controls > len(text) / 100:
        raise ReadError(f"{name}: binary data ({controls:,} control characters), not a text report")
    return text


def _utf16_without_bom(raw: bytes, name: str) -> str:
    """UTF-16 without a byte-order mark: a NUL in the high byte of every ASCII character (digits,
    line ends), far fewer in the low bytes (一 is U+4E00).  Anything else with NULs is binary."""
    even, odd = raw[0::2], raw[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) > 0.05 * len(high) and low.count(0) * 4 < high.count(0):
            try:
                return _not_binary(raw.decode(codec), name)
            except UnicodeDecodeError:
                break
    raise ReadError(f"{name}: binary data (it contains NUL bytes), not a text report")


def _detect(raw: bytes, name: str) -> str:
    """GB18030 or Big5, whichever reads as the more coherent text (GB18030 on a tie: a few characters
    can be valid, ordinary text in both); any other encoding the detector finds otherwise."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=CHINESE_ENCODINGS))
    if matches:
        best = min(matches, key=lambda m: (round(m.chaos, 3), CHINESE_ENCODINGS.index(m.encoding)))
        return str(best)
    best = from_bytes(raw).best()
    if best is not None:
        return str(best)
    raise ReadError(
        f"{name}: cannot decode: not UTF-8, GB18030/GBK or Big5 text, and no other encoding fits "
        "(pass --encoding if you know it)"
    )
