"""The ``wujing-kg`` command line.  Commands are thin: each calls one library function.

Every command turns a :class:`~graph.build.BuildError` (or another error the user can fix) into one
line on stderr and a non-zero exit status; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .build import DEFAULT_OUT, BuildError, build as build_graph
from .ontology import OntologyError


class UserError(click.ClickException):
    """One line for the user, exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"wujing-kg: error: {self.format_message()}", err=True)


def fail(message: str, code: int = 1) -> None:
    err = UserError(message)
    err.exit_code = code
    raise err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """wujing-kg: a knowledge graph of the Wujing Town work report (and others like it)."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def print_summary(summary: dict, out_dir: Path | None) -> None:
    """Print a build summary: entities per class, relations per property, triples, time."""
    click.echo(f"reports: {summary['reports']}")
    click.echo("entities: " + ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
               + f" (total {sum(summary['entities'].values())})")
    click.echo("relations: " + ", ".join(f"{k} {v}" for k, v in summary["relations"].items()))
    click.echo(f"triples: {summary['triples']} in {summary['graphs']} graphs")
    if out_dir is not None:
        click.echo(f"written to: {out_dir}")
    click.echo(f"time: {summary['seconds']:.2f} s")


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Directory for the built files.")
@click.option("--no-lexicon", is_flag=True, help="Extract with patterns only, without the curated lexicon.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of .txt/.html inputs (e.g. utf-8, gb18030, big5); default: detect it.")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails (as wujing-kg --debug).")
@click.option("--store", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib", show_default=True,
              help="Keep the graph in rdflib (small corpora) or in an Oxigraph store, also saved as OUT/oxigraph/.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for extracting many reports (0: one per CPU).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse extractions of unchanged reports from OUT/.cache/.")
@click.option("--meta", "meta", multiple=True, metavar="KEY=VALUE",
              help="Report metadata for every input (jurisdiction, level, year, title, date, issuer, source); "
                   "overrides each input's NAME.meta.yaml. Repeatable.")
@click.pass_context
def build(ctx: click.Context, inputs: tuple[Path, ...], out_dir: Path, no_lexicon: bool, encoding: str | None,
          debug: bool, store: str, jobs: int, cache: bool, meta: tuple[str, ...]) -> None:
    """Build the graph from INPUTS: .txt, .docx, .pdf, .html files or folders of them (default: the
    bundled report corpus/wujing-2026.txt)."""
    ctx.obj["debug"] = ctx.obj.get("debug") or debug
    try:
        from .reports import parse_meta_options

        result = build_graph(list(inputs) or None, out_dir=out_dir, use_lexicon=not no_lexicon, encoding=encoding,
                             store=store, jobs=jobs, cache_dir=out_dir / ".cache" if cache else None,
                             meta=parse_meta_options(meta) or None)
    except (BuildError, OntologyError) as exc:  # OntologyError: a malformed ontology or shapes file
        if ctx.obj.get("debug"):
            raise
        fail(str(exc))
    print_summary(result.summary(), out_dir)


@main.command()
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Annotated evaluation set (default: tests/data/wujing-2026.gold.json).")
@click.option("--report", "report_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The report the set annotates (default: the bundled report).")
@click.option("--lexicon/--no-lexicon", "lexicon", default=None,
              help="Score only with (or only without) the curated lexicon; default: both.")
@click.option("--errors", is_flag=True, help="Also list what was missed and what was spurious.")
def evaluate(gold: Path | None, report_path: Path | None, lexicon: bool | None, errors: bool) -> None:
    """Print precision and recall per class and per property against the annotated set."""
    from .build import DEFAULT_REPORT, read_report
    from .evaluate import DEFAULT_GOLD, errors as list_errors, evaluate as score, format_table, load_gold
    from .extract.pipeline import extract

    try:
        report = read_report(report_path or DEFAULT_REPORT)
    except BuildError as exc:
        fail(str(exc))
    annotation = load_gold(gold or DEFAULT_GOLD)
    for use in ([lexicon] if lexicon is not None else [True, False]):
        ev = score(extract(report, use_lexicon=use), annotation)
        click.echo(format_table(ev, title=f"== {'with' if use else 'without'} the lexicon =="))
        if errors:
            click.echo(list_errors(ev))
        click.echo()


def run() -> None:
    """Entry point that also turns Ctrl-C into a short message."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("wujing-kg: interrupted", err=True)
        sys.exit(130)

from .analytics_cli import analyze, export, matrix, path  # noqa: E402  (issue 5)
for _command in (analyze, path, matrix, export):
    main.add_command(_command)

from .map_cli import map_command  # noqa: E402  (issue 4)
main.add_command(map_command)

from .push_cli import push  # noqa: E402  (issue 7)
main.add_command(push)

from .indicators_cli import indicators  # noqa: E402  (issue 8)
main.add_command(indicators)

from .query_cli import query, serve  # noqa: E402  (issue 3)
main.add_command(query)
main.add_command(serve)
