"""``wujing-kg map``: export the neighbourhood of one entity as a self-contained HTML map.

Examples
--------
.. code-block:: bash

    wujing-kg map --focus 华东师大 --depth 2 -o hdsd.html
    wujing-kg map --focus huadongshifandaxue --classes University,Enterprise -o hdsd.html
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli.options import graph_option
from graph.maps.render import export_focus_map


@click.command("map")
@click.option("--focus", required=True, metavar="NAME",
              help="The entity at the centre: its Chinese name, an alias (华东师大) or pinyin (huadongshifandaxue).")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="How many links away from the focus to go.")
@click.option("--classes", multiple=True, metavar="CLASS[,CLASS...]",
              help="Show only these classes (e.g. University,Enterprise or 高校); a class includes its "
                   "subclasses. Repeat or separate with commas. Default: all.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The HTML file to write.")
@graph_option
def map_command(focus: str, depth: int, classes: tuple[str, ...], output: Path,
                graph_path: Path) -> None:
    """Export the neighbourhood of one entity as an interactive HTML map that works offline."""
    path = export_focus_map(graph_path, focus, output, depth=depth, classes=list(classes) or None)
    click.echo(f"written: {path}")
