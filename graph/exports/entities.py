"""``entities.csv``: one row per entity, for spreadsheets.

Examples
--------
>>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("华东师大")
("'=SUM(A1)", '华东师大')
"""

from __future__ import annotations

import csv
import io

from graph.model import Extraction
from graph.rdf.iri import entity_iri, pinyin


def entities_csv(extractions: list[Extraction]) -> str:
    """One row per entity: IRI, class, Chinese label, pinyin, aliases, number of mentions."""
    rows: dict[str, list] = {}
    for ex in extractions:
        for name, e in ex.entities.items():
            row = rows.setdefault(name, [str(entity_iri(name)), e.cls, name, pinyin(name), set(), 0])
            row[4] |= set(e.aliases)
            row[5] += len(e.mentions)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iri", "class", "label", "pinyin", "aliases", "mentions"])
    for name in sorted(rows):
        iri, cls, label, py, aliases, n = rows[name]
        w.writerow([iri, cls, spreadsheet_safe(label), spreadsheet_safe(py),
                    spreadsheet_safe("|".join(sorted(aliases))), n])
    return buf.getvalue()


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that Excel will not run as a formula (``+1科技`` -> ``'+1科技``).

    Examples
    --------
    >>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("华东师大")
    ("'=SUM(A1)", '华东师大')
    """
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
