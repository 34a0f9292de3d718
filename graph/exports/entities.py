"""``entities.csv``: one row per entity, for spreadsheets.

Examples
--------
>>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("华东师大")
("'=SUM(A1)", '华东师大')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from graph.model import Extraction, label_of
from graph.rdf.iri import entity_iri, pinyin


def entities_csv(extractions: Iterable[Extraction]) -> str:
    """One row per entity: IRI, class, Chinese label, pinyin, aliases, number of mentions."""
    table = EntityTable()
    for ex in extractions:
        table.add(ex)
    return table.to_csv()


class EntityTable:
    """The rows of ``entities.csv``, gathered one extraction at a time (a build streams them)."""

    def __init__(self) -> None:
        self.rows: dict[str, list] = {}  # name -> [class, aliases, mentions]

    def add(self, ex: Extraction) -> None:
        for name, e in ex.entities.items():
            row = self.rows.setdefault(name, [e.cls, set(), 0])
            row[1] |= e.aliases
            row[2] += len(e.mentions)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["iri", "class", "label", "pinyin", "aliases", "mentions"])
        for name in sorted(self.rows):
            cls, aliases, n = self.rows[name]
            label = label_of(name)  # a name's second sense (森马@Park) has its own IRI and the name as label
            w.writerow([str(entity_iri(name)), cls, spreadsheet_safe(label), spreadsheet_safe(pinyin(label)),
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
