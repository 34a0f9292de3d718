"""What an input may cost: caps on what a file may expand to while it is parsed.

A small file can be built to cost far more than its size to parse: a YAML sidecar whose aliases
refer to aliases (a "billion laughs": 380 bytes that expand to 387 million strings), a ``.docx``
whose zip unpacks to gigabytes (a zip bomb), a PDF whose compressed streams do the same, a web page
nested a hundred thousand elements deep.
Each check here looks at the input before the expensive parse and raises :class:`ReadError` with
one line naming the file, what it would cost and the limit, so the build stops before it starts
instead of taking the machine's memory.  ``benchmarks/bench_input_limits.py`` measures what each
input costs with and without its check.

Examples
--------
>>> check_yaml("jurisdiction: 吴泾镇\\nlevel: town\\n", "r.meta.yaml")
>>> bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\\n" + "".join(
...     f"{k}: &{k} [{', '.join([f'*{p}'] * 10)}]\\n" for p, k in zip("abcdef", "bcdefg"))
>>> try:
...     check_yaml(bomb, "r.meta.yaml")
... except ReadError as exc:
...     print(exc)
r.meta.yaml: its aliases expand it past 100,000 values and characters (the limit for report metadata): an alias bomb?
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from graph.text.readers.errors import ReadError

__all__ = [
    "MAX_HTML_DEPTH",
    "MAX_HTML_TAGS",
    "MAX_META_CHARS",
    "MAX_META_DEPTH",
    "MAX_META_EXPANDED",
    "MAX_PDF_RATIO",
    "MAX_PDF_UNPACKED_BYTES",
    "MAX_ZIP_MEMBERS",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_UNPACKED_BYTES",
    "check_html_depth",
    "check_html_size",
    "check_pdf",
    "check_yaml",
    "check_zip",
]

#: The longest sidecar ``NAME.meta.yaml`` (characters): a few ``key: value`` lines.
MAX_META_CHARS = 64 * 1024
#: What a sidecar may expand to once its aliases are followed: values (each key, value, list or
#: mapping counts one) plus the characters of every string value, the way :func:`check_yaml` counts.
MAX_META_EXPANDED = 100_000
#: How deep lists and mappings may nest in a sidecar (PyYAML composes them recursively).
MAX_META_DEPTH = 20

#: What a ``.docx`` may unpack to, all its parts together (python-docx reads every part into memory).
MAX_ZIP_UNPACKED_BYTES = 512 * 2**20
#: How many times its size a ``.docx`` may unpack to (Word's own files: 2-10 times; images, stored
#: compressed, about once).  Checked once a file unpacks to more than :data:`_RATIO_FLOOR` bytes.
MAX_ZIP_RATIO = 100
#: How many parts a ``.docx`` may hold (Word writes 10-200); its directory is read before anything else.
MAX_ZIP_MEMBERS = 10_000
_RATIO_FLOOR = 16 * 2**20

#: What the compressed (Flate) streams of a PDF may unpack to, all together: fonts, pages, images.
MAX_PDF_UNPACKED_BYTES = 1024 * 2**20
#: How many times its size those streams may unpack to (text pages: 3-10; fonts: about 2), checked
#: past :data:`_RATIO_FLOOR` bytes.
MAX_PDF_RATIO = 100
_STREAM = re.compile(rb"(?<!end)stream\r?\n")

#: How deep the elements of a web page may nest (government pages: 20-40; libxml2's own limit for XML).
MAX_HTML_DEPTH = 256
#: How many tags a web page may hold (each costs about 1 KB once parsed; a long report page has 5,000).
MAX_HTML_TAGS = 200_000


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n >= 2**20 else f"{n / 2**10:,.0f} KB"


def check_yaml(text: str, where: str) -> None:
    """Raise :class:`ReadError` if the YAML ``text`` (report metadata) would cost too much to load.

    Walks PyYAML's event stream, which follows no alias and nests no call, and counts what loading
    would make: every value one, every string its length too, an alias as much as what it names.
    Stops at :data:`MAX_META_EXPANDED`; lists and mappings nested deeper than
    :data:`MAX_META_DEPTH`, or a text longer than :data:`MAX_META_CHARS`, are refused too.  Text
    that is not valid YAML passes: loading it reports the problem with its line.
    """
    import yaml

    if len(text) > MAX_META_CHARS:
        raise ReadError(f"{where}: too long for report metadata ({len(text):,} characters; "
                        f"the limit is {MAX_META_CHARS:,})")
    sizes: dict[str, int] = {}  # anchor -> what the value it names expands to
    open_: list[list] = [[None, 0]]  # the collections being read: [anchor, expanded so far]

    def add(n: int) -> None:
        open_[-1][1] += n
        if open_[-1][1] > MAX_META_EXPANDED:
            raise ReadError(f"{where}: its aliases expand it past {MAX_META_EXPANDED:,} values and characters "
                            "(the limit for report metadata): an alias bomb?")

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                open_.append([event.anchor, 1])
                if len(open_) - 1 > MAX_META_DEPTH:
                    raise ReadError(f"{where}: lists and mappings nested more than {MAX_META_DEPTH} deep "
                                    "(report metadata is key: value lines)")
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, n = open_.pop()
                if anchor is not None:
                    sizes[anchor] = n
                add(n)
            elif isinstance(event, yaml.ScalarEvent):
                n = 1 + len(event.value)
                if event.anchor is not None:
                    sizes[event.anchor] = n
                add(n)
            elif isinstance(event, yaml.AliasEvent):
                add(sizes.get(event.anchor, 1))  # an alias of a collection still open: loads as a cycle
    except yaml.YAMLError:
        return


def _zip_directory(path: Path) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory as its end record says, or None if not a zip."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65_557))  # the end record (22 bytes) and a comment of up to 65,535
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return None
        entries, directory = struct.unpack("<HI", tail[at + 10:at + 16])
        if entries == 0xFFFF or directory == 0xFFFFFFFF:  # ZIP64: the counts are in the ZIP64 end record
            locator = tail.rfind(b"PK\x06\x07", 0, at)
            if locator < 0:
                return None
            (offset,) = struct.unpack("<Q", tail[locator + 8:locator + 16])
            fh.seek(offset)
            record = fh.read(56)
            if not record.startswith(b"PK\x06\x06") or len(record) < 56:
                return None
            entries, directory = struct.unpack("<QQ", record[32:48])
    return entries, directory


def check_zip(path: Path) -> None:
    """Raise :class:`ReadError` if the zip at ``path`` (a ``.docx``) would unpack to too much.

    Reads the zip's own directory only: more than :data:`MAX_ZIP_MEMBERS` parts (counted before the
    directory is read), more than :data:`MAX_ZIP_UNPACKED_BYTES` unpacked, or more than
    :data:`MAX_ZIP_RATIO` times the file's size is refused.  The sizes the directory declares are
    what Python's :mod:`zipfile` unpacks at most (a part that says less fails its checksum), so a
    file cannot lie its way past the check.  A file that is not a zip passes: the reader says so.
    """
    found = _zip_directory(path)
    if found is None:
        return
    entries, _ = found
    if entries > MAX_ZIP_MEMBERS:
        raise ReadError(f"{path}: a zip of {entries:,} parts (the limit is {MAX_ZIP_MEMBERS:,}): "
                        "not a Word document?")
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    packed = max(1, Path(path).stat().st_size)
    if unpacked > MAX_ZIP_UNPACKED_BYTES:
        raise ReadError(f"{path}: unpacks to {_mb(unpacked)} (the limit is {_mb(MAX_ZIP_UNPACKED_BYTES)}): "
                        "a zip bomb, not a Word document?")
    if unpacked > _RATIO_FLOOR and unpacked > MAX_ZIP_RATIO * packed:
        raise ReadError(f"{path}: unpacks to {_mb(unpacked)} from {_mb(packed)}, {unpacked / packed:,.0f} times "
                        f"its size (the limit is {MAX_ZIP_RATIO}): a zip bomb, not a Word document?")


def check_pdf(path: Path) -> None:
    """Raise :class:`ReadError` if the Flate streams of the PDF at ``path`` would unpack to too much.

    Unpacks every stream that zlib can read, a piece at a time and without keeping anything, and
    stops as soon as the total passes :data:`MAX_PDF_UNPACKED_BYTES` or, past :data:`_RATIO_FLOOR`,
    :data:`MAX_PDF_RATIO` times the file's size: pdfminer and pdfium unpack a page's streams whole,
    and pdfminer then parses every operator in Python.  Streams in other codings (JPEG images) stop
    at their first byte.
    """
    data = Path(path).read_bytes()  # at most MAX_BINARY_FILE_BYTES: the reader checked the size
    packed = max(1, len(data))
    cap = min(MAX_PDF_UNPACKED_BYTES, max(_RATIO_FLOOR, MAX_PDF_RATIO * packed))
    total = 0
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        inflate = zlib.decompressobj()
        pending = view[m.end():m.end() + 2**16]
        at = m.end() + len(pending)
        try:
            while pending and not inflate.eof:
                total += len(inflate.decompress(pending, 2**20))
                if total > cap:
                    break
                pending = inflate.unconsumed_tail
                if not pending and not inflate.eof:
                    pending, at = view[at:at + 2**16], at + 2**16
        except zlib.error:
            continue
        if total > cap:
            if total > MAX_PDF_UNPACKED_BYTES:
                raise ReadError(f"{path}: its streams unpack to more than {_mb(MAX_PDF_UNPACKED_BYTES)} "
                                "(the limit): a PDF bomb, not a report?")
            raise ReadError(f"{path}: its streams unpack to more than {_mb(cap)} from {_mb(packed)} (the limit is "
                            f"{MAX_PDF_RATIO} times the file's size, at least {_mb(_RATIO_FLOOR)}): a PDF bomb, not a report?")


def check_html_size(text: str, name: str) -> None:
    """Raise :class:`ReadError` if the page ``text`` has more than :data:`MAX_HTML_TAGS` tags.

    Counts ``<`` followed by a letter: every start tag, before anything is parsed.
    """
    tags = 0
    for tags, _ in enumerate(re.finditer(r"<[A-Za-z]", text), start=1):
        if tags > MAX_HTML_TAGS:
            raise ReadError(f"{name}: more than {MAX_HTML_TAGS:,} tags (the limit for a web page): "
                            "not a report page?")


def check_html_depth(root, name: str) -> None:
    """Raise :class:`ReadError` if the elements under ``root`` (BeautifulSoup) nest deeper than
    :data:`MAX_HTML_DEPTH`.  Walks the tree without recursion, as the reader's own walk would not."""
    from bs4 import Tag

    depth = {id(root): 0}
    for element in root.descendants:
        if isinstance(element, Tag):
            d = depth[id(element.parent)] + 1
            if d > MAX_HTML_DEPTH:
                raise ReadError(f"{name}: elements nested more than {MAX_HTML_DEPTH} deep (the limit for a web "
                                "page): not a report page?")
            depth[id(element)] = d
