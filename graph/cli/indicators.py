"""``wujing-kg indicators``: the figures of the built graph as a table to paste into Excel.

Examples
--------
.. code-block:: bash

    wujing-kg indicators                      # tab-separated: select, copy, paste into Excel
    wujing-kg indicators --format csv > indicators.csv
    wujing-kg indicators --format csv --excel -o indicators.csv   # double-click: Chinese intact in Excel
    wujing-kg indicators --format xlsx -o indicators.xlsx
    wujing-kg indicators --period 2030 --graph out/
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli.options import graph_option
from graph.errors import InputError, UsageError
from graph.exports.indicators_table import FORMATS, indicators_table
from graph.output import write_bytes


@click.command("indicators")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: tab-separated columns that paste into Excel cells; csv: comma-separated (RFC 4180); "
                   "xlsx: an Excel workbook (give -o FILE.xlsx).")
@click.option("--excel", is_flag=True,
              help="With --format csv: begin with a UTF-8 byte-order mark, so that Excel (Windows) opens the "
                   "file with its Chinese intact.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write to this file (atomically) instead of the terminal.")
@graph_option
@click.option("--period", metavar="PERIOD", default=None,
              help="Only the figures of this period as the graph has it: 2025, 2021-2025, 2026, 2030, 2026-2030.")
def indicators(fmt: str, excel: bool, output: Path | None, graph_path: Path, period: str | None) -> None:
    """Print every figure of the report (results, estimates, targets) with its indicator, area,
    period, kind, value, unit, growth rate and source sentence: one row per figure."""
    if excel and fmt != "csv":
        raise UsageError(f"--excel is for --format csv (an Excel workbook: --format xlsx), not --format {fmt}")
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx writes a binary workbook: give the file to write, -o indicators.xlsx")
    data = indicators_table(graph_path, fmt, period=period, bom=excel)
    if output is None:
        click.echo(data, nl=False)
        return
    try:
        write_bytes(output, data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"written: {output}", err=True)
