"""Options that several commands share: ``-g/--graph``, the built graph a command reads.

Every command that reads a built graph (``query``, ``serve``, ``map``, ``analyze``, ``path``,
``matrix``, ``export``, ``indicators``, ``push``) takes it as ``-g/--graph PATH``: a build folder
(``out/`` by default: its Oxigraph store if the build used ``--store oxigraph``, else its
``wujing.trig``) or a graph file.  The names the commands used before (``--data``, ``--from``) still
work for one release, hidden from ``--help``, with a warning.

Examples
--------
>>> import click
>>> from click.testing import CliRunner
>>> @click.command()
... @graph_option
... def show(graph_path):
...     click.echo(graph_path)
>>> CliRunner().invoke(show, ["-g", "build/"]).output
'build\\n'
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.resources import DEFAULT_OUT

__all__ = ["DEPRECATED_GRAPH_OPTIONS", "graph_option"]

#: Old spellings of ``--graph``, accepted (and warned about) until the next release.
DEPRECATED_GRAPH_OPTIONS = ("--data", "--from")

_ALIAS = "wujing_kg_graph_alias"


def _remember_alias(ctx: click.Context, param: click.Parameter, value):
    if value is not None:
        name = param.opts[0]
        click.echo(f"wujing-kg: warning: {name} is deprecated and will go in the next release; use --graph",
                   err=True)
        ctx.meta[_ALIAS] = value
    return value


def _graph_value(ctx: click.Context, param: click.Parameter, value):
    # options given on the command line are processed before defaults: an old spelling is known here
    if ctx.get_parameter_source(param.name) is click.core.ParameterSource.DEFAULT and _ALIAS in ctx.meta:
        return ctx.meta[_ALIAS]
    return value


def graph_option(command):
    """``-g/--graph PATH`` (default ``out/``) as the parameter ``graph_path``, and its old spellings."""
    for old in reversed(DEPRECATED_GRAPH_OPTIONS):
        command = click.option(old, type=click.Path(path_type=Path), hidden=True, expose_value=False,
                               callback=_remember_alias, help="Deprecated: use --graph.")(command)
    return click.option(
        "-g", "--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
        callback=_graph_value,
        help="The built graph: a build folder (its Oxigraph store if built with --store oxigraph, else its "
             "wujing.trig) or a graph file (TriG, Turtle, N-Quads...).")(command)
