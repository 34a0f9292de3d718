"""``wujing-kg indicators`` prints the figures as a table an analyst can paste into Excel."""

import csv
import io

import pytest
from click.testing import CliRunner
from rdflib import RDF

from graph.cli import main
from graph.rdf.cube import QB
from graph.exports.indicators_table import COLUMNS


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _observations(built) -> int:
    return len(set(built.union.subjects(RDF.type, QB.Observation)))


def test_the_table_is_tab_separated_with_one_row_per_figure(runner, built, built_trig):
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output), delimiter="\t"))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == _observations(built)
    assert all(len(row) == len(COLUMNS) for row in rows)
    first = dict(zip(COLUMNS, rows[1]))
    assert [first[c] for c in ("indicator", "value", "unit", "value_cny")] == ["财政总收入", "142", "亿元", "14200000000"]
    assert [first[c] for c in ("period", "kind", "growth_pct", "growth_basis")] == ["2025", "estimate", "16", "year on year"]
    assert first["stated"] in first["source"]


def test_rows_follow_the_order_of_the_report(runner, built_trig):
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    sentences = [int(r["sentence"]) for r in rows]
    assert sentences == sorted(sentences)


def test_csv_of_one_period_gives_the_2030_targets(runner, built_trig):
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--format", "csv", "--period", "2030"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    got = {(r["indicator"], r["cluster"], r["kind"], r["value"]) for r in rows}
    assert got == {
        ("财政总收入", "", "target", "180"),
        ("财政总收入", "", "stretch target", "200"),
        ("主导产业规模", "主导产业", "target", "500"),
        ("主导产业规模", "民用航空", "target", "225"),
        ("主导产业规模", "养老科技", "target", "40"),
        ("主导产业规模", "能源材料", "target", "235"),
    }


def test_an_unknown_period_is_a_one_line_error_that_lists_the_periods(runner, built_trig):
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--period", "1999"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "wujing-kg: error:" in result.output and "2021-2025" in result.output


def test_a_file_that_is_not_a_graph_is_a_one_line_error(runner, tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("this is { not TriG", encoding="utf-8")
    result = runner.invoke(main, ["indicators", "--graph", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("wujing-kg: error:") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_graph_without_indicators_says_to_rebuild(runner, tmp_path):
    empty = tmp_path / "old.trig"
    empty.write_text("<https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 . }\n",
                     encoding="utf-8")
    result = runner.invoke(main, ["indicators", "--graph", str(empty)])
    assert result.exit_code == 1
    assert "no indicator observations" in result.output


def test_a_missing_graph_file_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["indicators", "--graph", str(tmp_path / "none.trig")])
    assert result.exit_code == 1
    assert "none.trig: graph file not found" in result.output and result.output.count("\n") == 1


def test_every_option_has_help_text(runner):
    result = runner.invoke(main, ["indicators", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--graph", "--period"):
        line = next(ln for ln in result.output.splitlines() if option in ln)
        assert len(line.split(option, 1)[1].strip()) > 10


# ------------------------------------------------------------------------ for Excel


def test_csv_for_excel_begins_with_a_byte_order_mark_and_reads_back_the_same(runner, built_trig, tmp_path):
    plain = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--format", "csv"])
    out = tmp_path / "indicators.csv"
    excel = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--format", "csv", "--excel", "-o", str(out)])
    assert plain.exit_code == 0 and excel.exit_code == 0, excel.output
    assert not plain.output.startswith("\ufeff")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # what makes Excel on Windows read UTF-8
    assert data.decode("utf-8-sig") == plain.output  # and nothing else changes
    assert "财政总收入" in data.decode("utf-8-sig")


def test_xlsx_has_one_row_per_figure_with_numbers_as_numbers(runner, built, built_trig, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "indicators.xlsx"
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = load_workbook(out, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    assert tuple(rows[0]) == COLUMNS and len(rows) - 1 == _observations(built)
    first = dict(zip(COLUMNS, rows[1]))
    assert (first["indicator"], first["value"], first["unit"], first["value_cny"]) == ("财政总收入", 142, "亿元", 14200000000)
    assert first["stated"] in first["source"]


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "-o indicators.xlsx"),
    (["--format", "table", "--excel"], "--excel is for --format csv"),
])
def test_formats_used_the_wrong_way_are_one_line_errors(runner, built_trig, args, message):
    result = runner.invoke(main, ["indicators", "--graph", str(built_trig), *args])
    assert result.exit_code == 2 and message in result.output and result.output.count("\n") == 1
