"""Text of a PDF with a text layer: page furniture removed, lines joined back into paragraphs.

Lines come from pdfplumber (pdfminer).  pdfminer cannot map some embedded CJK fonts back to
Unicode (it ignores an encoding CMap embedded in the file, which fpdf2 writes for OpenType/CFF
fonts such as Noto CJK) and then sees no characters at all, or ``(cid:123)`` codes: for such a file
the lines come from pdfium (pypdfium2, which pdfplumber already depends on) instead.

Then, over the whole document:

- a line among the first or last two of a page (one on a short page) is *furniture* when it is a page number (``5``,
  ``- 5 -``, ``第5页 共9页``, ``5/9``) or when, with its digits ignored, it repeats on at least half
  of the pages (a running header or footer);
- a line continues into the next one when it reaches the right margin, the next line is not
  indented, and it does not end a sentence right before a numbered heading (``一、``, ``（二）``).
  Chinese lines are joined without a space; two Latin words get one.

Examples
--------
>>> lines = [Line("一、2025年工作回顾", 72, 200, 0, 10), Line("全镇完成财政总收入142亿", 72, 500, 14, 10),
...          Line("元，同比增长16%。", 72, 180, 28, 10)]
>>> paragraphs([Page(lines)])
['一、2025年工作回顾', '全镇完成财政总收入142亿元，同比增长16%。']
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph.text.readers.errors import ReadError
from graph.text.readers.limits import check_pdf

__all__ = ["Line", "Page", "paragraphs", "read_pdf"]


@dataclass
class Line:
    """One line of text on a page: its text, left and right edge, top (from the page top), font size."""
    text: str
    x0: float
    x1: float
    top: float
    size: float


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
    r"|(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?|[-—–\s]*[ivxlcdm]{1,6}[-—–\s]*)$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))")
_CID = re.compile(r"\(cid:\d+\)")
_FURNITURE_DEPTH = 2  # how many lines at the top and at the bottom of a page may be furniture


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_furniture(pages: list[Page]) -> list[Page]:
    """Pages without their page numbers and running headers and footers."""
    edges = []
    for p in pages:
        depth = min(_FURNITURE_DEPTH, max(1, len(p.lines) // 3))  # a short page has less furniture
        edges.append({i for i in range(len(p.lines)) if i < depth or i >= len(p.lines) - depth})
    seen: Counter[str] = Counter()
    for page, idx in zip(pages, edges):
        seen.update({_furniture_key(page.lines[i].text) for i in idx})
    repeated = {k for k, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out = []
    for page, idx in zip(pages, edges):
        keep = [
            ln for i, ln in enumerate(page.lines)
            if i not in idx or not (_PAGE_NUMBER.match(ln.text.strip()) or _furniture_key(ln.text) in repeated)
        ]
        out.append(Page(keep))
    return out


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def _join(left: str, right: str) -> str:
    """Join two lines of one paragraph: Chinese (and digits) without a space, two Latin words with one."""
    a, b = left[-1:], right[:1]
    if a.isascii() and a.isalpha() and b.isascii() and b.isalpha():
        return f"{left} {right}"
    return left + right


def paragraphs(pages: list[Page]) -> list[str]:
    """Join the lines of ``pages`` (furniture already removed) into paragraphs."""
    lines = [ln for p in pages for ln in p.lines if ln.text.strip()]
    if not lines:
        return []
    size = statistics.median(ln.size for ln in lines) or 10.0
    left = _quantile([ln.x0 for ln in lines], 0.05)
    right = _quantile([ln.x1 for ln in lines], 0.9)
    out: list[str] = []
    prev: Line | None = None
    for ln in lines:
        text = ln.text.strip()
        if prev is not None and _continues(prev, ln, left, right, size):
            out[-1] = _join(out[-1], text)
        else:
            out.append(text)
        prev = ln
    return out


def _continues(prev: Line, ln: Line, left: float, right: float, size: float) -> bool:
    if prev.x1 < right - 1.5 * size:  # a short line ends its paragraph
        return False
    if ln.x0 > left + 0.8 * size:  # an indented line starts one
        return False
    return not (prev.text.rstrip().endswith(("。", "！", "？", "；", "：")) and _HEADING.match(ln.text.strip()))


def _pdfplumber_pages(path: Path, max_chars: int) -> list[Page]:
    import pdfplumber

    pages: list[Page] = []
    total = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = []
            for ln in page.extract_text_lines(strip=False, return_chars=True, x_tolerance_ratio=0.5):
                chars = [c for c in ln["chars"] if c["text"].strip()]
                if chars:
                    size = statistics.median(c.get("size") or 10.0 for c in chars)
                    lines.append(Line(ln["text"], chars[0]["x0"], chars[-1]["x1"], ln["top"], size))
                    total += len(ln["text"])
            pages.append(Page(lines))
            if total > max_chars:
                break
            page.flush_cache()
    return pages


def _pdfium_pages(path: Path, max_chars: int) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pages: list[Page] = []
    total = 0
    doc = pdfium.PdfDocument(str(path))
    try:
        for page in doc:
            height = page.get_height()
            tp = page.get_textpage()
            lines: list[Line] = []
            chars: list[tuple[str, tuple[float, float, float, float], float]] = []

            def flush() -> None:
                visible = [c for c in chars if c[0].strip()]
                if visible:
                    text = "".join(c[0] for c in chars)
                    top = height - max(c[1][3] for c in visible)
                    size = statistics.median(c[2] for c in visible)
                    lines.append(Line(text, visible[0][1][0], visible[-1][1][2], top, size))
                chars.clear()

            for i in range(tp.count_chars()):
                ch = chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i))
                if ch in "\r\n":
                    if ch == "\n":
                        flush()
                    continue
                chars.append((ch, tp.get_charbox(i), pdfium_c.FPDFText_GetFontSize(tp.raw, i)))
            flush()
            total += sum(len(ln.text) for ln in lines)
            pages.append(Page(sorted(lines, key=lambda ln: ln.top)))
            tp.close()
            page.close()
            if total > max_chars:
                break
    finally:
        doc.close()
    return pages


def _readable(pages: list[Page]) -> bool:
    text = "".join(ln.text for p in pages for ln in p.lines)
    return bool(text.strip()) and len(_CID.findall(text)) * 8 < len(text)


def read_pdf(path: Path, max_chars: int = 10**7) -> str:
    """The text of the PDF at ``path``, one paragraph a line.

    Stops reading pages once more than ``max_chars`` characters were read (the caller rejects the
    report as too long anyway).  Raises :class:`ReadError` for a file that is not a PDF, is damaged
    or truncated, is password-protected, or has no text layer (a scan), and one whose streams would
    unpack to too much (:func:`~graph.text.readers.limits.check_pdf`).
    """
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise ReadError(f"{path}: not a PDF file (it does not start with %PDF-)")
    check_pdf(path)
    try:
        pages = _pdfplumber_pages(path, max_chars)
    except Exception as exc:  # pdfminer raises many types; all mean "cannot read this file"
        raise ReadError(f"{path}: {_pdf_problem(exc, path)}") from exc
    if not _readable(pages):
        try:
            pages = _pdfium_pages(path, max_chars)
        except Exception as exc:
            raise ReadError(f"{path}: {_pdf_problem(exc, path)}") from exc
    if not _readable(pages):
        raise ReadError(f"{path}: the PDF has no text layer (a scan? run OCR on it first)")
    return "\n".join(paragraphs(strip_furniture(pages))) + "\n"


def _pdf_problem(exc: Exception, path: Path) -> str:
    names = {type(exc).__name__} | {type(a).__name__ for a in getattr(exc, "args", ()) if isinstance(a, Exception)}
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError"} or "password" in message.lower():
        return "the PDF is password-protected: remove the password first"
    tail = Path(path).read_bytes()[-1024:]
    if b"%%EOF" not in tail:
        return f"truncated PDF (no %%EOF marker at its end): {message}"
    return f"damaged PDF: {message}"
