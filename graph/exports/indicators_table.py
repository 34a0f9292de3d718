"""The figures of a built graph as a table an analyst can paste into Excel (``wujing-kg indicators``).

Reads back with SPARQL the observations (``qb:Observation``) that :mod:`graph.rdf.cube` added, one
row per figure in the order of the report, with plain words for the codes; as tab-separated text, CSV
(with a byte-order mark for Excel if asked) or an Excel workbook.

Examples
--------
>>> print(format_rows([dict.fromkeys(COLUMNS, "x")], "csv").splitlines()[1])
x,x,x,x,x,x,x,x,x,x,x,x,x,x,x
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from rdflib import Graph

from graph.extract.figures import IndicatorError
from graph.rdf.cube import WJI
from graph.store.backend import as_backend, open_graph
from graph.store.sparql import GraphNotFound
from graph.text.numbers import format_decimal

__all__ = ["COLUMNS", "FORMATS", "indicator_rows", "format_rows", "xlsx_bytes", "indicators_table"]

_ROWS_QUERY = """
PREFIX qb:   <http://purl.org/linked-data/cube#>
PREFIX wji:  <https://w3id.org/wujing-kg/ontology/indicators#>
PREFIX wj:   <https://w3id.org/wujing-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?obs ?sentenceIndex ?charStart ?indicator ?zh ?en ?area ?cluster ?clusterLabel ?period ?kind ?value
       ?unit ?cny ?growth ?basis ?qualifier ?stated ?text
WHERE {
  ?obs a qb:Observation ; wji:indicator ?indicator ; wji:refArea ?area ; wji:refPeriod ?period ;
       wji:kind ?kind ; wji:cluster ?cluster ; wji:value ?value ; wji:unit ?unit ;
       wji:qualifier ?qualifier ; wji:statedAs ?stated ; wji:charStart ?charStart ;
       prov:wasDerivedFrom ?sentence .
  ?sentence wj:sentenceIndex ?sentenceIndex ; prov:value ?text .
  ?indicator skos:prefLabel ?zh , ?en .
  FILTER (lang(?zh) = "zh" && lang(?en) = "en")
  OPTIONAL { ?cluster rdfs:label ?clusterLabel FILTER (lang(?clusterLabel) = "zh") }
  OPTIONAL { ?cluster skos:prefLabel ?clusterLabel FILTER (lang(?clusterLabel) = "zh") }
  OPTIONAL { ?obs wji:valueCNY ?cny }
  OPTIONAL { ?obs wji:growthRate ?growth ; wji:growthBasis ?basis }
}
"""

#: Columns of the table, in order.
COLUMNS = (
    "sentence", "indicator", "indicator_en", "area", "cluster", "period", "kind", "value", "unit",
    "value_cny", "growth_pct", "growth_basis", "qualifier", "stated", "source",
)  # fmt: skip
_WORDS = {
    "Town": "town", "TownLevel": "town level", "WholeTownInclZizhu": "whole town incl. Zizhu",
    "Actual": "actual", "Estimate": "estimate", "Target": "target", "StretchTarget": "stretch target",
    "Exact": "", "AtLeast": "at least", "MoreThan": "more than", "Nearly": "nearly",
    "Approximately": "approximately", "YearOnYear": "year on year", "AverageAnnual": "average annual",
    "OverPeriod": "over the period", "EachYear": "each year",
}  # fmt: skip


def _plain(literal) -> str:
    value = literal.toPython()
    return format_decimal(value) if isinstance(value, Decimal) else str(literal)


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def indicator_rows(data) -> list[dict[str, str]]:
    """Every observation of a graph (a backend, an rdflib Dataset or Graph) as a row of plain strings,
    in the order of the report.

    Examples
    --------
    >>> indicator_rows(Graph())
    []
    """
    rows = {}
    for b in as_backend(data).query(_ROWS_QUERY):  # on the union, in either store
        key = str(b.obs)
        if key in rows:
            continue
        cluster = "" if b.cluster == WJI.NoCluster else str(b.clusterLabel or _local(b.cluster))
        rows[key] = (
            (int(b["sentenceIndex"]), int(b["charStart"]), key),
            {
                "sentence": str(int(b["sentenceIndex"])),
                "indicator": str(b.zh),
                "indicator_en": str(b.en),
                "area": _WORDS.get(_local(b.area), _local(b.area)),
                "cluster": cluster,
                "period": str(b.period),
                "kind": _WORDS.get(_local(b.kind), _local(b.kind)),
                "value": _plain(b.value),
                "unit": str(b.unit),
                "value_cny": _plain(b.cny) if b.cny is not None else "",
                "growth_pct": _plain(b.growth) if b.growth is not None else "",
                "growth_basis": _WORDS.get(_local(b.basis), "") if b.basis is not None else "",
                "qualifier": _WORDS.get(_local(b.qualifier), _local(b.qualifier)),
                "stated": str(b.stated),
                "source": str(b.text),
            },
        )
    return [row for _, row in sorted(rows.values(), key=lambda kv: kv[0])]


#: Output formats of :func:`indicators_table`: text to paste, CSV, or an Excel workbook.
FORMATS = ("table", "csv", "xlsx")
#: Columns that hold numbers: a workbook stores them as numbers, so Excel can sum and sort them.
NUMERIC = ("sentence", "value", "value_cny", "growth_pct")
BOM = "\ufeff"


def format_rows(rows: list[dict[str, str]], fmt: str = "table", bom: bool = False) -> str:
    """The rows as tab-separated text (``table``: paste it into Excel) or as CSV.

    ``bom`` starts the text with a UTF-8 byte-order mark: Excel on Windows reads a CSV file as the
    local code page unless it starts with one, which garbles the Chinese of a double-clicked file.
    """
    if fmt not in ("table", "csv"):
        raise ValueError(f"unknown format {fmt!r}: use table or csv")
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\n")
    else:
        w = csv.writer(buf, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow([row[c].replace("\t", " ").replace("\n", " ") for c in COLUMNS])
    return (BOM if bom else "") + buf.getvalue()


def _number(text: str):
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)


def xlsx_bytes(rows: list[dict[str, str]], sheet: str = "indicators") -> bytes:
    """The rows as an Excel workbook (``.xlsx``, made with openpyxl): a bold, frozen header row, numbers
    as numbers, columns as wide as their text (up to 60 characters)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from wcwidth import wcswidth

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_number(row[c]) if c in NUMERIC and row[c] else row[c] for c in COLUMNS])
    ws.freeze_panes = "A2"
    for i, c in enumerate(COLUMNS, start=1):
        width = max([wcswidth(c)] + [max(wcswidth(row[c]), 0) for row in rows])
        ws.column_dimensions[get_column_letter(i)].width = min(width + 2, 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def indicators_table(path: Path, fmt: str = "table", period: str | None = None, bom: bool = False) -> str | bytes:
    """The table of the observations in the built graph at ``path`` (a build folder of either store,
    such as ``out/``, or a graph file).

    ``fmt`` is one of :data:`FORMATS` (``xlsx`` gives the bytes of a workbook, the others text;
    ``bom`` puts a UTF-8 byte-order mark before CSV, for Excel).  ``period`` keeps only the figures
    of that period (``2025``, ``2026-2030``).  Raises :class:`IndicatorError` with a one-line message
    when the file cannot be read or holds no observations (of that period).
    """
    try:
        backend = open_graph(path)
    except GraphNotFound as exc:
        raise IndicatorError(str(exc)) from None
    rows = indicator_rows(backend)
    if not rows:
        raise IndicatorError(f"{path}: no indicator observations (rebuild it with `wujing-kg build`)")
    if period is not None:
        periods = sorted({row["period"] for row in rows})
        rows = [row for row in rows if row["period"] == period.strip()]
        if not rows:
            raise IndicatorError(f"no figures for the period {period!r}; periods: {', '.join(periods)}")
    if fmt == "xlsx":
        return xlsx_bytes(rows)
    return format_rows(rows, fmt, bom=bom)
