"""``wujing-kg build`` and ``wujing-kg evaluate``: build the graph; score the extractor.

Examples
--------
.. code-block:: bash

    wujing-kg build                                   # the bundled report -> out/
    wujing-kg build corpus/reports/ --out out/corpus  # every report of a folder
    wujing-kg evaluate --errors                       # precision and recall against the gold sets
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.build import build as build_graph
from graph.cli.main import debug_option
from graph.errors import WujingError
from graph.evaluate import DEFAULT_GOLD, format_table, load_gold
from graph.evaluate import errors as list_errors
from graph.evaluate import evaluate as score
from graph.extract.pipeline import extract
from graph.resources import DEFAULT_OUT, DEFAULT_REPORT
from graph.text.metadata import parse_meta_options, read_report

__all__ = ["build", "evaluate", "print_summary"]


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


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Directory for the built files.")
@click.option("--no-lexicon", is_flag=True, help="Extract with patterns only, without the curated lexicon.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of .txt/.html inputs (e.g. utf-8, gb18030, big5); default: detect it.")
@debug_option
@click.option("--store", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib", show_default=True,
              help="Keep the graph in rdflib (small corpora) or in an Oxigraph store, also saved as OUT/oxigraph/.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for extracting many reports (0: one per CPU).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse extractions of unchanged reports from OUT/.cache/.")
@click.option("--meta", "meta", multiple=True, metavar="KEY=VALUE",
              help="Report metadata for every input (jurisdiction, level, year, title, date, issuer, source); "
                   "overrides each input's NAME.meta.yaml. Repeatable.")
def build(inputs: tuple[Path, ...], out_dir: Path, no_lexicon: bool, encoding: str | None, store: str, jobs: int,
          cache: bool, meta: tuple[str, ...]) -> None:
    """Build the graph from INPUTS: .txt, .docx, .pdf, .html files or folders of them (default: the
    bundled report corpus/wujing-2026.txt)."""
    result = build_graph(list(inputs) or None, out_dir=out_dir, use_lexicon=not no_lexicon, encoding=encoding,
                         store=store, jobs=jobs, cache_dir=out_dir / ".cache" if cache else None,
                         meta=parse_meta_options(meta) or None)
    print_summary(result.summary(), out_dir)


@click.command()
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Annotated evaluation set (default: tests/data/wujing-2026.gold.json).")
@click.option("--report", "report_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The report the set annotates (default: the bundled report).")
@click.option("--lexicon/--no-lexicon", "lexicon", default=None,
              help="Score only with (or only without) the curated lexicon; default: both.")
@click.option("--errors", is_flag=True, help="Also list what was missed and what was spurious.")
def evaluate(gold: Path | None, report_path: Path | None, lexicon: bool | None, errors: bool) -> None:
    """Print precision and recall per class and per property against the annotated set."""
    report = read_report(report_path or DEFAULT_REPORT)
    try:
        annotation = load_gold(gold or DEFAULT_GOLD)
    except OSError as exc:
        raise WujingError(f"{gold or DEFAULT_GOLD}: cannot read the gold set: {exc.strerror or exc}") from None
    for use in ([lexicon] if lexicon is not None else [True, False]):
        ev = score(extract(report, use_lexicon=use), annotation)
        click.echo(format_table(ev, title=f"== {'with' if use else 'without'} the lexicon =="))
        if errors:
            click.echo(list_errors(ev))
        click.echo()
