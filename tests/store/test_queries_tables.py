"""Result tables: display width with Chinese text, cutting long cells, IRIs, and the CSV/TSV/JSON formats."""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, Literal, URIRef

from graph.store.tables import compact, display_width, fit, format_csv, format_json, format_table, format_tsv, render

ROWS = [
    {"entity": URIRef("https://w3id.org/wujing-kg/id/huadongshifandaxue-489549"),
     "label": Literal("华东师范大学", lang="zh"), "links": Literal(12), "note": None},
    {"entity": URIRef("https://example.org/x"), "label": Literal("AgeClub", lang="zh"),
     "links": Literal(3), "note": Literal("第一行\n第二行\t有\\制表符")},
]
COLUMNS = ["entity", "label", "links", "note"]


def test_display_width_counts_chinese_as_two_columns():
    assert display_width("华东师范大学") == 12
    assert display_width("AI制药") == 6
    assert display_width("（养老科技）") == 12  # full-width brackets
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_fit_cuts_at_a_display_width_with_an_ellipsis():
    assert fit("上海市养老科技产业园", 9) == "上海市养…"
    assert display_width(fit("上海市养老科技产业园", 9)) <= 9
    assert fit("short", 9) == "short" and fit("上海市养老科技产业园", 0) == "上海市养老科技产业园"


def at_column(line: str, column: int) -> str:
    """The rest of ``line`` from display column ``column``."""
    used = 0
    for i, ch in enumerate(line):
        if used == column:
            return line[i:]
        used += display_width(ch)
    return ""


def test_table_pads_by_display_width_and_right_aligns_numbers():
    lines = format_table(ROWS, COLUMNS).splitlines()
    header, rule, first, second = lines[:4]
    starts = [display_width(header[: header.index(c)]) for c in COLUMNS]
    assert [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")] == starts
    assert first.startswith("id:huadongshifandaxue-489549 ") and second.startswith("https://example.org/x ")
    assert at_column(first, starts[1]).startswith("华东师范大学 ")
    assert at_column(second, starts[1]).startswith("AgeClub ")
    assert display_width(first[: first.index("12") + 2]) == display_width(second[: second.index(" 3") + 2])
    assert at_column(second, starts[3]) == "第一行 第二行 有\\制表符"  # one cell, one line
    assert lines[-1] == "(2 rows)"


def test_table_cuts_long_cells():
    rows = [{"text": Literal("吴泾" * 50)}]
    line = format_table(rows, ["text"], max_width=20).splitlines()[2]
    assert 19 <= display_width(line) <= 20 and line.endswith("…")  # a CJK character does not fit in one column
    assert format_table(rows, ["text"], max_width=0).splitlines()[2] == "吴泾" * 50


def test_table_of_no_rows_still_has_its_header():
    assert format_table([], ["a", "b"]).splitlines() == ["a  b", "-  -", "(0 rows)"]


def test_csv_keeps_full_iris_and_newlines():
    rows = list(csv.reader(io.StringIO(format_csv(ROWS, COLUMNS))))
    assert rows[0] == COLUMNS
    assert rows[1][0] == "https://w3id.org/wujing-kg/id/huadongshifandaxue-489549"
    assert rows[2][3] == "第一行\n第二行\t有\\制表符" and rows[1][3] == ""


def test_tsv_escapes_tabs_newlines_and_backslashes():
    lines = format_tsv(ROWS, COLUMNS).splitlines()
    assert len(lines) == 3 and all(line.count("\t") == 3 for line in lines)
    assert lines[2].split("\t")[3] == "第一行\\n第二行\\t有\\\\制表符"


def test_json_gives_numbers_as_numbers_and_unbound_as_null():
    data = json.loads(format_json(ROWS, COLUMNS))
    assert data[0] == {"entity": "https://w3id.org/wujing-kg/id/huadongshifandaxue-489549", "label": "华东师范大学",
                       "links": 12, "note": None}
    assert json.loads(format_json([{"x": Literal("1.5", datatype=XSD.decimal)}], ["x"])) == [{"x": 1.5}]
    assert list(json.loads(render(ROWS, list(reversed(COLUMNS)), "json"))[0]) == list(reversed(COLUMNS))


def test_compact_uses_the_longest_namespace():
    assert compact("https://w3id.org/wujing-kg/id/report/wujing-2026/s0042") == "id:report/wujing-2026/s0042"
    assert compact("https://w3id.org/wujing-kg/ontology#cooperatesWith") == "wj:cooperatesWith"
    assert compact("http://www.w3.org/2000/01/rdf-schema#label") == "rdfs:label"
