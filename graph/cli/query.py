"""``wujing-kg query`` and ``wujing-kg serve``: SPARQL from the command line and over HTTP.

Examples
--------
.. code-block:: bash

    wujing-kg query --list
    wujing-kg query university_cooperation --param university=华东师范大学
    wujing-kg query projects_by_stage --param stage=wj:Completed --param period=2025 --format csv
    wujing-kg query funds --format csv --excel -o funds.csv   # double-click: Chinese intact in Excel
    wujing-kg query indicators_for_year --columns indicatorLabel,period,kind,value,unit
    wujing-kg query -e 'SELECT ?u WHERE { ?u a wj:University }'
    wujing-kg query --file my.rq --format json -o answer.json
    wujing-kg serve --port 7878
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from graph.cli.options import graph_option
from graph.errors import UsageError, WujingError
from graph.output import write_text
from graph.store.endpoint import serve as serve_graph
from graph.store.queries import answer
from graph.store.tables import FORMATS, count_rows, display_width, render


def _params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip().lstrip("?$"):
            raise UsageError(f"--param {item!r}: write NAME=VALUE, e.g. --param year=2025")
        params[key.strip().lstrip("?$")] = value
    return params


def _terminal_width() -> int:
    """The columns a table printed on a terminal must fit (``COLUMNS`` or the terminal's); 0 when the
    output goes to a pipe or a file, which keeps every cell whatever ``COLUMNS`` the shell exports."""
    return shutil.get_terminal_size((0, 0)).columns if click.get_text_stream("stdout").isatty() else 0


def _columns(chosen: str | None, available: list[str]) -> list[str]:
    """The columns ``--columns`` names, in its order, each one of the result's; all of them without it."""
    if chosen is None:
        return list(available)
    names = [c.strip().lstrip("?$") for c in chosen.split(",") if c.strip()]
    unknown = [c for c in names if c not in available]
    if unknown or not names:
        raise UsageError(f"--columns {chosen!r}: no column {', '.join(map(repr, unknown)) or 'given'}; "
                         f"the result's columns: {', '.join(available)}")
    return names


@click.command("query")
@click.argument("name", required=False)
@click.option("-p", "--param", "param_values", multiple=True, metavar="NAME=VALUE",
              help="Bind the query variable ?NAME to VALUE (repeatable). An entity can be given by its IRI, "
                   "a prefixed name (id:..., wj:Completed) or its Chinese name; a typed literal as "
                   "\"2025\"^^xsd:gYear.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format: a terminal table, or CSV, TSV or JSON with full IRIs.")
@click.option("--excel", is_flag=True,
              help="With --format csv: begin with a UTF-8 byte-order mark, so that Excel (Windows) opens the "
                   "file with its Chinese intact.")
@graph_option
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Run the SPARQL query in this .rq file instead of a named one.")
@click.option("-e", "--execute", "text", metavar="SPARQL",
              help="Run this SPARQL text (the prefixes wj:, id:, rdfs:, skos:, prov:, ... are predeclared).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with what each answers.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the result to this file (atomically) instead of the terminal.")
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True,
              help="Table format: cut cells wider than this many terminal columns (0: never cut). "
                   "On a terminal the widest text columns are narrowed further until the table fits.")
@click.option("--width", type=click.IntRange(min=0), default=None,
              help="Table format: fit the table to this many terminal columns (0: any width). "
                   "[default: the terminal's width when printing to one, else any width]")
@click.option("--columns", metavar="A,B,...", default=None,
              help="Only these result columns, in this order (comma-separated), in any format.")
def query(name: str | None, param_values: tuple[str, ...], fmt: str, excel: bool, graph_path: Path,
          query_file: Path | None, text: str | None, list_queries: bool, output: Path | None,
          max_width: int, width: int | None, columns: str | None) -> None:
    """Run the named query NAME from queries/ (see --list), a .rq file (--file) or a SPARQL text (-e)
    on the built graph (either store), with parameters bound as RDF terms."""
    chosen = [x for x in (name, query_file, text) if x is not None] + ([True] if list_queries else [])
    if len(chosen) != 1:
        raise UsageError("give exactly one of: a query NAME, --file PATH, -e SPARQL or --list")
    if excel and fmt != "csv":
        raise UsageError(f"--excel is for --format csv, not --format {fmt}")
    rows = answer(name=name, path=query_file, text=text, list_only=list_queries,
                  params=_params(param_values), graph=graph_path)
    if width is None:
        width = _terminal_width() if output is None else 0
    shown = _columns(columns, rows.vars)
    result = render(rows, shown, fmt, max_width, bom=excel, width=width)
    if fmt == "table" and width and max(map(display_width, result.splitlines()), default=0) > width:
        click.echo(f"{len(shown)} columns are wider than the terminal's {width}: choose some with "
                   f"--columns (e.g. --columns {','.join(shown[:3])}) or use --format csv", err=True)
    if output is None:
        click.echo(result, nl=False)
    else:
        try:
            write_text(output, result)
        except OSError as exc:
            raise WujingError(f"{output}: cannot write: {exc.strerror or exc}") from None
        click.echo(f"written: {output} ({count_rows(len(rows))})", err=True)


@click.command("serve")
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default accepts connections from this machine only; "
                   "--host 0.0.0.0 opens the endpoint to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the Oxigraph store made from a graph file, rebuilt only when the file changes. "
                   "Default: endpoint/ beside the file (out/endpoint/). A --store oxigraph build is served "
                   "from its own store.")
@click.option("--timeout", type=click.IntRange(min=1), default=30, show_default=True,
              help="Stop a query after this many seconds.")
@click.option("--cors", is_flag=True, help="Allow web pages from other origins (e.g. an online YASGUI) to query.")
def serve(graph_path: Path, host: str, port: int, store_dir: Path | None,
          timeout: int, cors: bool) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (Oxigraph) until Ctrl-C."""
    serve_graph(graph_path, host=host, port=port, store_dir=store_dir, timeout=timeout, cors=cors, echo=click.echo)
