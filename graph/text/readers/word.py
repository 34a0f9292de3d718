"""Text of a Word ``.docx`` file: paragraphs and tables in document order, with Word's numbering.

Headings stay lines of their own.  Word numbers headings and lists itself (``一、``, ``（一）``,
``1.``): the number is not in the paragraph's text, so python-docx alone loses it, and with it the
section structure the extractor reads.  :func:`read_docx` renders that numbering from the
document's numbering definitions.  A table row becomes one line, its cells separated by a tab.

Examples
--------
>>> chinese_number(12), format_number(3, "chineseCounting"), format_number(2, "lowerLetter")
('十二', '三', 'b')
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from graph.text.readers.errors import ReadError
from graph.text.readers.limits import check_zip

__all__ = ["chinese_number", "format_number", "read_docx"]

_DIGITS = "零一二三四五六七八九"
_CHINESE_FORMATS = {
    "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
    "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
}


def chinese_number(n: int) -> str:
    """``n`` (1-9999) in Chinese numerals, as Word's ``chineseCounting`` writes it."""
    if n <= 0 or n > 9999:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += "零" if zero else ""
            out += ("" if unit == "十" and d == 1 and not out else _DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True  # written only when a non-zero digit follows: 一百零一, 一百一十
    return out


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """The number ``n`` in Word's numbering format ``fmt`` (``decimal``, ``chineseCounting``...)."""
    if fmt in _CHINESE_FORMATS:
        return chinese_number(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Numbering:
    """Word's list numbering: numId -> level -> (format, text like "%1、", start); counters as we go."""
    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in a.findall(qn("w:lvl")):
                fmt, text, start = (lvl.find(qn(f"w:{k}")) for k in ("numFmt", "lvlText", "start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[a.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        qn = self.qn
        for element in (paragraph._p, getattr(paragraph.style, "element", None)):
            ppr = element.find(qn("w:pPr")) if element is not None else None
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
                if num_id is not None:
                    return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        return None

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` (and count it), or ``""``."""
        found = self._num_pr(paragraph)
        if not found or found[0] not in self.levels or found[1] not in self.levels[found[0]]:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][1]
        for k in range(ilvl, -1, -1):
            fmt = levels.get(k, ("decimal", "", 1))[0]
            text = text.replace(f"%{k + 1}", format_number(counters.get(k, levels.get(k, ("", "", 1))[2]), fmt))
        return text


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell appears once per grid column it spans
            continue
        seen.add(id(cell._tc))
        text = " ".join(cell.text.split("\n")).strip()
        if text:
            cells.append(text)
    return "\t".join(cells)


def read_docx(path: Path) -> str:
    """The text of the Word file at ``path``: one paragraph (or table row) a line.

    Raises :class:`ReadError` for a file that is not a Word document (another zip, an old .doc, an
    encrypted file) or is damaged, and one that would unpack to too much
    (:func:`~graph.text.readers.limits.check_zip`).
    """
    check_zip(path)
    try:
        import docx
        from docx.table import Table

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile, KeyError, ValueError and lxml errors
        raise ReadError(f"{path}: {_docx_problem(path, exc)}") from exc
    lines: list[str] = []
    try:
        numbering = _Numbering(document)
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_row_text(row) for row in block.rows)
            else:
                lines.append(numbering.label(block) + block.text)
    except Exception as exc:  # malformed XML inside a valid package
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ReadError(f"{path}: damaged Word document: {first}") from exc
    return "\n".join(lines) + "\n"


def _docx_problem(path: Path, exc: Exception) -> str:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "not a .docx file: an old Word 97-2003 .doc or a password-protected document (save it as .docx without a password)"
    if not zipfile.is_zipfile(path):
        return "not a Word .docx file (not a zip archive, or a damaged one)"
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
    if "word/document.xml" not in names:
        sample = ", ".join(sorted(names)[:3]) or "nothing"
        return f"a zip archive but not a Word document (no word/document.xml; it holds {sample})"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"damaged Word document: {first}"
