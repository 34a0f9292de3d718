"""Query results as text: a terminal table sized by display width (Chinese characters take two
columns), CSV, TSV or JSON.

Rows are dicts (see :class:`graph.queries.Rows`) of rdflib terms or plain values.  The table shortens
IRIs with the project's prefixes (``id:huadongshifandaxue-489549``, ``wj:University``) and cuts long
cells; CSV, TSV and JSON keep full IRIs and full text.

Examples
--------
>>> print(format_table([{"name": "华东师范大学", "n": 2}, {"name": "AgeClub", "n": 10}], ["name", "n"]))
name          n
------------  --
华东师范大学  2
AgeClub       10
(2 rows)
>>> display_width("吴泾 Wujing")
11
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from typing import Any, Iterable, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier
from wcwidth import wcwidth

from graph.rdf.cube import QB, WJI
from graph.rdf.namespaces import PREFIXES
from graph.store.queries import term_value

__all__ = ["BOM", "FORMATS", "compact", "count_rows", "display_width", "fit", "format_csv", "format_json",
           "format_table", "format_tsv", "render"]

#: Output formats of :func:`render`.
FORMATS = ("table", "csv", "tsv", "json")
#: The UTF-8 byte-order mark that CSV for Excel begins with (``bom=True``).
BOM = "\ufeff"

# longest namespace first, so that id:report/... is not shortened with a shorter match
# with the Data Cube's (wji:Town, wji:Target, qb:Observation): an indicator table stays readable
TABLE_PREFIXES = {**PREFIXES, "wji": str(WJI._NS), "qb": str(QB)}
_NAMESPACES = sorted(((ns, p) for p, ns in TABLE_PREFIXES.items()), key=lambda x: -len(x[0]))


def _clean(text: str) -> str:
    """Control characters (newlines, tabs) as spaces: one cell, one line."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for CJK characters, 0 for combining marks."""
    return sum(max(wcwidth(ch), 0) for ch in _clean(text))


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, with ``…`` where it was cut (``width`` 0: never cut).

    >>> fit("上海市养老科技产业园", 9)
    '上海市养…'
    """
    if width <= 0 or display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = max(wcwidth(ch), 0)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def compact(iri: str) -> str:
    """An IRI with the project's prefixes: ``wj:University``; unchanged if none fits.

    >>> compact("https://w3id.org/wujing-kg/ontology#Park"), compact("https://example.org/x")
    ('wj:Park', 'https://example.org/x')
    """
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _text(value: Any, short_iris: bool) -> str:
    """The text of a cell: a literal's lexical form, an IRI (shortened for tables), '' for unbound."""
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return compact(str(value)) if short_iris else str(value)
    if isinstance(value, BNode):
        return f"_:{value}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _numeric(value: Any) -> bool:
    if isinstance(value, Literal):
        value = value.toPython()
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def count_rows(n: int) -> str:
    """``1 row``, ``0 rows``, ``2 rows``: the count of a result, in words.

    >>> count_rows(1), count_rows(0), count_rows(1234)
    ('1 row', '0 rows', '1234 rows')
    """
    return f"{n} row{'' if n == 1 else 's'}"


#: The narrowest a cut column becomes when a table is fitted to a terminal's width.
MIN_COLUMN_WIDTH = 10


def _fitted(widths: list[int], cuttable: list[bool], total: int) -> list[int]:
    """Column widths that fit ``total`` terminal columns (two spaces between columns), narrowing the
    widest cuttable column first and none below :data:`MIN_COLUMN_WIDTH`; ``total`` 0: as they are.

    >>> _fitted([60, 8, 40], [True, False, True], 70)
    [29, 8, 29]
    """
    widths = list(widths)
    if total <= 0:
        return widths
    excess = sum(widths) + 2 * (len(widths) - 1) - total
    while excess > 0:
        i = max((k for k in range(len(widths)) if cuttable[k]), key=lambda k: widths[k], default=None)
        if i is None or widths[i] <= MIN_COLUMN_WIDTH:
            break
        widths[i] -= 1
        excess -= 1
    return widths


def format_table(rows: Sequence[dict], columns: Sequence[str], max_width: int = 60, width: int = 0) -> str:
    """A plain-text table: a header, a rule, one line per row, and the number of rows.

    Columns are as wide as their widest cell in display width (cells cut at ``max_width`` columns;
    0: never); numbers are right-aligned.  ``width`` (a terminal's columns; 0: any width) narrows
    the widest text columns, cutting their cells with ``…``, until the table fits or every text
    column is down to :data:`MIN_COLUMN_WIDTH`; numbers are never cut.

    >>> print(format_table([{"name": "上海市养老科技产业园", "n": 4}], ["name", "n"], width=14))
    name         n
    -----------  -
    上海市养老…  4
    (1 row)
    """
    cells = [[fit(_clean(_text(row.get(c), True)), max_width) for c in columns] for row in rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    right = [bool(rows) and all(row.get(c) is None or _numeric(row.get(c)) for row in rows) for c in columns]
    fitted = _fitted(widths, [not r for r in right], width)
    if fitted != widths:
        cells = [[fit(v, w) for v, w in zip(r, fitted)] for r in cells]
        columns = [fit(c, w) for c, w in zip(columns, fitted)]
        widths = fitted

    def line(values: Iterable[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - display_width(v))
            parts.append(pad + v if right[i] else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({count_rows(len(rows))})")
    return "\n".join(out)


def format_csv(rows: Sequence[dict], columns: Sequence[str], bom: bool = False) -> str:
    """CSV with a header line (RFC 4180 quoting, ``\\n`` line ends), full IRIs.

    ``bom`` starts the text with a UTF-8 byte-order mark: Excel on Windows reads a CSV file as the
    local code page unless it starts with one, which garbles the Chinese of a double-clicked file.

    >>> format_csv([{"name": "华东师范大学"}], ["name"], bom=True)
    '\\ufeffname\\n华东师范大学\\n'
    """
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([_text(row.get(c), False) for c in columns])
    return buf.getvalue()


def _tsv_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_tsv(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """Tab-separated values with a header line; tabs, newlines and backslashes escaped as ``\\t`` ``\\n`` ``\\\\``."""
    lines = ["\t".join(columns)]
    lines += ["\t".join(_tsv_cell(_text(row.get(c), False)) for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def format_json(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """A JSON array of objects (column order kept), numbers and booleans as JSON values, unbound as null."""
    def value(v: Any) -> Any:
        return term_value(v) if v is None or isinstance(v, Identifier) else v

    data = [{c: value(row.get(c)) for c in columns} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(rows: Sequence[dict], columns: Sequence[str], fmt: str = "table", max_width: int = 60,
           bom: bool = False, width: int = 0) -> str:
    """Rows in one of :data:`FORMATS`; ``bom``: CSV for Excel (see :func:`format_csv`); ``width``:
    the terminal's columns a table must fit (see :func:`format_table`)."""
    if bom and fmt != "csv":
        raise ValueError(f"a byte-order mark is for csv, not {fmt}")
    if fmt == "table":
        return format_table(rows, columns, max_width, width) + "\n"
    if fmt == "csv":
        return format_csv(rows, columns, bom=bom)
    if fmt == "tsv":
        return format_tsv(rows, columns)
    if fmt == "json":
        return format_json(rows, columns)
    raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
