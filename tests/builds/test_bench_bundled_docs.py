"""``benchmarks/bench_bundled.py --docs`` rewrites the rows it has results for and keeps the rest
of the table in ``docs/benchmarks.md`` (rows typed in by hand, with no JSON behind them)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_bundled.py"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec = importlib.util.spec_from_file_location("bench_bundled", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return module


def _result(wall: float) -> dict:
    medians = {k: {"wall_s": wall, "cpu_s": wall} for k in ("imports", "cold", "warm")}
    ratios = {f"{k}/imports {m}": 1.0 for k in ("cold", "warm") for m in ("wall_s", "cpu_s")}
    return {"medians": medians, "ratios": ratios, "runs": {"cold": [{"load": 0.5}]}}


def _doc(tmp_path: Path, bench, rows: list[str]) -> Path:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"{bench.HEADING}\n\nProse.\n\n{bench.HEADER}\n|---|---:|---:|---:|---:|---:|---:|\n"
                   + "\n".join(rows) + "\n\nAfter the table.\n", encoding="utf-8")
    return doc


def test_docs_keep_a_hand_typed_row_and_rewrite_the_kept_one_in_place(bench, tmp_path):
    doc = _doc(tmp_path, bench, ["| typed by hand | 1 | 2 | 3 | 4 | 5 | 6 |", "| measured | old |"])
    bench.write_docs({"measured": _result(9.0)}, doc)
    text = doc.read_text(encoding="utf-8")
    labels = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert labels == ["", "typed by hand", "measured"]
    assert "| measured | 9.00 / 9.00 |" in text and "| old |" not in text
    assert text.startswith(bench.HEADING + "\n\nProse.") and text.endswith("After the table.\n")


def test_docs_add_a_new_label_under_the_rows_already_there(bench, tmp_path):
    doc = _doc(tmp_path, bench, ["| typed by hand | 1 | 2 | 3 | 4 | 5 | 6 |"])
    bench.write_docs({"new": _result(2.0)}, doc)
    rows = [line for line in doc.read_text(encoding="utf-8").splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split("|")[1].strip() for r in rows] == ["", "typed by hand", "new"]


def test_the_kept_json_has_a_row_in_the_docs_table_for_every_label(bench):
    kept = json.loads(bench.KEPT.read_text(encoding="utf-8"))
    table = bench.DOC.read_text(encoding="utf-8").split(bench.HEADING)[1].split("\n\n")[2]
    assert all(f"| {label} |" in table for label in kept)
