"""``wujing-kg query --format csv --excel``: CSV that Excel on Windows opens with its Chinese intact
(a UTF-8 byte-order mark first), and nothing else changed; ``--excel`` with another format is a
one-line usage error."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from graph.cli import main


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_query_csv_for_excel_begins_with_a_byte_order_mark_and_reads_back_the_same(built_trig, tmp_path):
    plain = cli("query", "funds", "-g", str(built_trig), "--format", "csv")
    out = tmp_path / "funds.csv"
    excel = cli("query", "funds", "-g", str(built_trig), "--format", "csv", "--excel", "-o", str(out))
    assert plain.exit_code == 0 and excel.exit_code == 0, excel.output
    assert not plain.output.startswith("\ufeff")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # what makes Excel on Windows read UTF-8
    assert data.decode("utf-8-sig") == plain.output  # and nothing else changes
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[0] == "fund" and "源启翌才基金" in {r["fundLabel"] for r in rows}


def test_query_csv_for_excel_to_the_terminal_has_the_mark_too(built_trig):
    result = cli("query", "-g", str(built_trig), "-e", "SELECT ?u WHERE { ?u a wj:University }", "--format", "csv",
                 "--excel")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("\ufeffu\n")  # for `> file.csv`


@pytest.mark.parametrize("fmt", ["table", "tsv", "json"])
def test_excel_with_another_format_is_a_one_line_usage_error(built_trig, fmt):
    result = cli("query", "funds", "-g", str(built_trig), "--format", fmt, "--excel")
    assert result.exit_code == 2, result.output
    assert f"--excel is for --format csv, not --format {fmt}" in result.output
    assert result.output.count("\n") == 1
