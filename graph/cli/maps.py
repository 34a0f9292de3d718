"""``wujing-kg map``: export the neighbourhood of one entity, or the parks and clusters of one
jurisdiction's reports year by year, as a self-contained HTML map.

Examples
--------
.. code-block:: bash

    wujing-kg map --focus 华东师大 --depth 2 -o hdsd.html
    wujing-kg map --focus huadongshifandaxue --classes University,Enterprise -o hdsd.html
    wujing-kg map --jurisdiction 龙岗区 -g out/corpus -o longgang.html
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli.options import graph_option
from graph.errors import UsageError
from graph.maps.render import export_focus_map, export_jurisdiction_map


@click.command("map")
@click.option("--focus", metavar="NAME",
              help="The entity at the centre: its Chinese name, an alias (华东师大) or pinyin (huadongshifandaxue).")
@click.option("--jurisdiction", metavar="NAME",
              help="Instead of --focus: the park-cluster map of this jurisdiction's reports only (as they name "
                   "it: 龙岗区, 深圳市), with a year slider over their years.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="How many links away from the focus to go.")
@click.option("--classes", multiple=True, metavar="CLASS[,CLASS...]",
              help="Show only these classes (e.g. University,Enterprise or 高校); a class includes its "
                   "subclasses. Repeat or separate with commas. Default: all.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The HTML file to write.")
@graph_option
def map_command(focus: str | None, jurisdiction: str | None, depth: int, classes: tuple[str, ...], output: Path,
                graph_path: Path) -> None:
    """Export the neighbourhood of one entity, or one jurisdiction's parks and clusters over the
    years, as an interactive HTML map that works offline."""
    if (focus is None) == (jurisdiction is None):
        raise UsageError("give one of --focus NAME (an entity's neighbourhood) or --jurisdiction NAME "
                         "(a jurisdiction's parks and clusters)")
    if jurisdiction is not None:
        path = export_jurisdiction_map(graph_path, jurisdiction, output)
    else:
        path = export_focus_map(graph_path, focus, output, depth=depth, classes=list(classes) or None)
    click.echo(f"written: {path}")
