"""The figures of a built graph as a table an analyst can paste into Excel (``wujing-kg indicators``).

Reads back with SPARQL the observations (``qb:Observation``) that :mod:`graph.indicators` added, one
row per figure in the order of the report, with plain words for the codes.

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

from rdflib import Dataset, Graph

from graph.extract.figures import IndicatorError
from graph.rdf.cube import WJI
from graph.text.numbers import format_decimal

__all__ = ["COLUMNS", "indicator_rows", "format_rows", "indicators_table"]

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


def indicator_rows(data: Graph | Dataset) -> list[dict[str, str]]:
    """Every observation of a graph as a row of plain strings, in the order of the report.

    Examples
    --------
    >>> indicator_rows(Graph())
    []
    """
    g = data
    if isinstance(data, Dataset):
        g = Graph()
        for quad in data.quads((None, None, None, None)):
            g.add(quad[:3])
    rows = {}
    for b in g.query(_ROWS_QUERY):
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


def format_rows(rows: list[dict[str, str]], fmt: str = "table") -> str:
    """The rows as tab-separated text (``table``: paste it into Excel) or as CSV.

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
    return buf.getvalue()


def indicators_table(path: Path, fmt: str = "table", period: str | None = None) -> str:
    """The table of the observations in the built graph at ``path`` (``out/wujing.trig``).

    ``period`` keeps only the figures of that period (``2025``, ``2026-2030``).  Raises
    :class:`IndicatorError` with a one-line message when the file cannot be read or holds no
    observations (of that period).
    """
    path = Path(path)
    from rdflib.util import guess_format

    ds = Dataset()
    try:
        ds.parse(str(path), format=guess_format(str(path)) or "trig")
    except FileNotFoundError:
        raise IndicatorError(f"{path}: file not found (run `wujing-kg build` first)") from None
    except IsADirectoryError:
        raise IndicatorError(f"{path}: is a directory, not a graph file") from None
    except Exception as exc:  # rdflib raises many parser errors; all mean the same to a user
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise IndicatorError(f"{path}: not a readable RDF graph: {message[:160]}") from None
    rows = indicator_rows(ds)
    if not rows:
        raise IndicatorError(f"{path}: no indicator observations (rebuild it with `wujing-kg build`)")
    if period is not None:
        periods = sorted({row["period"] for row in rows})
        rows = [row for row in rows if row["period"] == period.strip()]
        if not rows:
            raise IndicatorError(f"no figures for the period {period!r}; periods: {', '.join(periods)}")
    return format_rows(rows, fmt)
