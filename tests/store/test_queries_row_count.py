"""A count of rows reads as English: "1 row", "2 rows", in the table footer and in "written: ..."."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.store.tables import count_rows, format_table


@pytest.mark.parametrize("n, words", [(0, "0 rows"), (1, "1 row"), (2, "2 rows")])
def test_count_rows_says_row_for_one(n, words):
    assert count_rows(n) == words
    assert format_table([{"x": i} for i in range(n)], ["x"]).splitlines()[-1] == f"({words})"


def test_writing_one_row_to_a_file_says_1_row(built_trig, tmp_path):
    out = tmp_path / "one.csv"
    result = CliRunner().invoke(main, ["query", "-e", "SELECT ?u WHERE { ?u a wj:University } LIMIT 1",
                                          "--graph", str(built_trig), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"written: {out} (1 row)" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
