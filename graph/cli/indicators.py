"""``wujing-kg indicators``: the figures of the built graph as a table to paste into Excel.

Examples
--------
.. code-block:: bash

    wujing-kg indicators                      # tab-separated: select, copy, paste into Excel
    wujing-kg indicators --format csv > indicators.csv
    wujing-kg indicators --period 2030 --graph out/wujing.trig
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.exports.indicators_table import indicators_table
from graph.resources import DEFAULT_OUT


@click.command("indicators")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True,
              help="table: tab-separated columns that paste into Excel cells; csv: comma-separated (RFC 4180).")
@click.option("--graph", "graph_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_OUT / "wujing.trig", show_default=True,
              help="The built graph to read (made by `wujing-kg build`).")
@click.option("--period", metavar="PERIOD", default=None,
              help="Only the figures of this period as the graph has it: 2025, 2021-2025, 2026, 2030, 2026-2030.")
def indicators(fmt: str, graph_path: Path, period: str | None) -> None:
    """Print every figure of the report (results, estimates, targets) with its indicator, area,
    period, kind, value, unit, growth rate and source sentence: one row per figure."""
    text = indicators_table(graph_path, fmt, period=period)
    click.echo(text, nl=False)
