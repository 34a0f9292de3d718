"""Read a report in any supported format into cleaned text, or fail with one line naming the problem.

Supported inputs: ``.txt`` (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK/GB2312 or Big5,
detected; ``encoding=`` forces one), ``.docx`` (paragraphs, tables, Word's automatic numbering),
``.pdf`` with a text layer (headers, footers and page numbers removed, lines joined back into
paragraphs), ``.html``/``.htm`` saved from a website (the article body only) and folders (every
supported file in them, sorted by name).  Every problem raises :class:`ReadError` whose message is
one line that starts with the file's path.

Limits (see ``docs/robustness.md``): a ``.txt``/``.html`` file of at most :data:`MAX_TEXT_FILE_BYTES`,
a ``.docx``/``.pdf`` of at most :data:`MAX_BINARY_FILE_BYTES`, at most :data:`MAX_CHARS` characters of
text and no sentence longer than :data:`MAX_SENTENCE_CHARS` characters.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_bytes("吴泾镇引进银发无忧。".encode("gb18030"))
>>> read_text(p)
'吴泾镇引进银发无忧。\\n'
>>> _ = p.write_bytes(b"")
>>> try:
...     read_text(p)
... except ReadError as exc:
...     print(str(exc).replace(str(p), "r.txt"))
r.txt: the file is empty
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.text.clean import clean
from graph.text.readers.encoding import decode, normalize_encoding
from graph.text.readers.errors import ReadError
from graph.text.readers.pdf import read_pdf
from graph.text.readers.web import read_html
from graph.text.readers.word import read_docx
from graph.text.sentences import SENTENCE_END

__all__ = [
    "MAX_BINARY_FILE_BYTES",
    "MAX_CHARS",
    "MAX_SENTENCE_CHARS",
    "MAX_TEXT_FILE_BYTES",
    "SUPPORTED",
    "ReadError",
    "check_text",
    "expand_inputs",
    "read_raw",
    "read_text",
]

#: File suffix -> reader.  Any other suffix is read as text unless :data:`UNSUPPORTED` names it.
SUPPORTED = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

#: Formats we cannot read, with what to do instead.
UNSUPPORTED = {
    ".doc": "an old Word 97-2003 .doc file: save it as .docx",
    ".wps": "a WPS document: save it as .docx",
    ".rtf": "an RTF file: save it as .docx or .txt",
    ".odt": "an OpenDocument file: save it as .docx",
    ".xls": "a spreadsheet, not a report",
    ".xlsx": "a spreadsheet, not a report",
    ".ppt": "a presentation, not a report",
    ".pptx": "a presentation, not a report",
    ".ofd": "an OFD file: export it as PDF",
    ".zip": "a zip archive: unpack it and pass the folder",
}

#: The largest .txt or .html file read (10 MB is about 3 million Chinese characters in UTF-8).
MAX_TEXT_FILE_BYTES = 10 * 2**20
#: The largest .docx or .pdf file read (most of a large one is images).
MAX_BINARY_FILE_BYTES = 200 * 2**20
#: The longest report text extracted: about 75 times the bundled report, about a minute of extraction.
MAX_CHARS = 1_000_000
#: The longest sentence (text between 。！？； or line ends): the bundled report's longest is 277.
MAX_SENTENCE_CHARS = 5_000

#: Invisible characters that survive :func:`graph.text.clean`: C1 controls, soft hyphens, bidi
#: embeddings and overrides (they make a label read differently from what it is), word joiners.
_INVISIBLE = re.compile("[\x80-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LONG_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_END)}\n]{{{MAX_SENTENCE_CHARS + 1},}}")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Replace each folder in ``paths`` by the supported files in it, sorted by name.

    Hidden files and Word's lock files (``~$name.docx``) are skipped; files are not searched in
    subfolders.  A path that does not exist is kept: reading it reports the problem.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.pdf", "a.txt", "notes.doc", "~$a.docx"):
    ...     _ = (d / name).write_bytes(b"")
    >>> [p.name for p in expand_inputs([d])]
    ['a.txt', 'b.pdf']
    """
    out: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            out.append(path)
            continue
        try:
            entries = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            raise ReadError(f"{path}: cannot list the folder: {exc.strerror or exc}") from None
        files = [
            p for p in entries
            if p.suffix.lower() in SUPPORTED and not p.name.startswith((".", "~$")) and p.is_file()
        ]
        if not files:
            raise ReadError(f"{path}: no reports in this folder (looked for .txt, .docx, .pdf, .html, .htm)")
        out.extend(files)
    return out


def _size_limit(path: Path, kind: str) -> None:
    limit = MAX_TEXT_FILE_BYTES if kind in ("text", "html") else MAX_BINARY_FILE_BYTES
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"{path}: the file is empty")
    if size > limit:
        raise ReadError(
            f"{path}: too large ({size / 2**20:.1f} MB; the limit for this kind of file is "
            f"{limit // 2**20} MB): split it into several reports"
        )


def read_raw(path: Path, encoding: str | None = None) -> str:
    """Read ``path`` with the reader its suffix names; return its text, not yet cleaned or checked.

    Raises :class:`ReadError` for a missing, unreadable, unsupported, oversized or damaged file.
    """
    path = Path(path)
    if encoding:

        normalize_encoding(encoding)  # an unknown name fails for every kind of input, not just text
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ReadError(f"{path}: unsupported format: {UNSUPPORTED[suffix]}")
    kind = SUPPORTED.get(suffix, "text")
    try:
        if path.is_dir():
            raise ReadError(f"{path}: is a directory, not a report file")
        _size_limit(path, kind)
        if kind == "docx":

            return read_docx(path)
        if kind == "pdf":

            return read_pdf(path, max_chars=MAX_CHARS)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: file not found") from None
    except PermissionError:
        raise ReadError(f"{path}: cannot read: permission denied") from None
    except OSError as exc:  # ReadError is not an OSError: it passes through
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if kind == "html":

        return read_html(raw, str(path), encoding)

    return decode(raw, str(path), encoding)


def check_text(text: str, name: str) -> None:
    """Raise :class:`ReadError` unless cleaned ``text`` looks like a report the extractor can handle.

    The checks: not empty, at most :data:`MAX_CHARS` characters, mostly Chinese, and no sentence
    longer than :data:`MAX_SENTENCE_CHARS` characters (the extractor slows down with the square of
    a sentence's length).

    Examples
    --------
    >>> try:
    ...     check_text("Annual report of the town government.\\n", "r.txt")
    ... except ReadError as exc:
    ...     print(exc)
    r.txt: no Chinese text found (31 letters, none of them Chinese): is the report in another language?
    """
    if not text.strip():
        raise ReadError(f"{name}: the report is empty (no text after cleaning)")
    if len(text) > MAX_CHARS:
        raise ReadError(
            f"{name}: too long ({len(text):,} characters; the limit is {MAX_CHARS:,}): split it into several reports"
        )
    han = len(_HAN.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    if han == 0:
        raise ReadError(
            f"{name}: no Chinese text found ({letters:,} letters, none of them Chinese): "
            "is the report in another language?"
        )
    kana = len(_KANA.findall(text))
    if kana > han / 4:
        raise ReadError(f"{name}: the text looks like Japanese, not Chinese ({kana:,} kana, {han:,} kanji)")
    if han < 0.3 * letters:
        raise ReadError(
            f"{name}: hardly any Chinese text ({han / letters:.0%} of {letters:,} letters are Chinese): "
            "is the report in another language?"
        )
    if m := _LONG_SENTENCE.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise ReadError(
            f"{name}: line {line} has a sentence of {len(m.group()):,} characters without 。！？；"
            f" (the limit is {MAX_SENTENCE_CHARS:,}): is this really a report?"
        )


def read_text(path: Path | str, encoding: str | None = None) -> str:
    """Read a report file into cleaned text (see :func:`graph.text.clean`) and check it.

    Invisible format characters (bidi overrides, soft hyphens, zero-width joiners) are removed too.

    Parameters
    ----------
    path
        A ``.txt``, ``.docx``, ``.pdf``, ``.html`` or ``.htm`` file; any other suffix is read as text.
    encoding
        Decode a text or HTML file with this encoding instead of detecting it (``gbk`` and
        ``gb2312`` mean their superset ``gb18030``).

    Raises
    ------
    ReadError
        With a one-line message that starts with the file's path.
    """
    text = clean(_INVISIBLE.sub("", read_raw(Path(path), encoding)))
    check_text(text, str(path))
    return text
