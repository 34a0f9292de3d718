"""``wujing-kg build``: build the graph.

Examples
--------
.. code-block:: bash

    wujing-kg build                                   # the bundled report -> out/
    wujing-kg build corpus/reports/ --out out/corpus  # every report of a folder

The build's libraries are imported inside the command, after a build of one report has forked the
process that extracts it (:mod:`graph.corpus.ahead`): the two cores then import spaCy and rdflib,
networkx, pyvis at once.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from graph.cli.main import debug_option, import_frozen
from graph.corpus.ahead import extract_ahead
from graph.corpus.executors import check_scheduler
from graph.extract.unplaced import summary_line
from graph.resources import DEFAULT_OUT, DEFAULT_REPORT
from graph.text.metadata import parse_meta_options
from graph.text.readers import ReadError, expand_inputs

__all__ = ["build", "print_summary"]


def print_summary(summary: dict, out_dir: Path | None) -> None:
    """Print a build summary: entities per class, relations per property, triples, time."""
    click.echo(f"reports: {summary['reports']}")
    click.echo("entities: " + ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
               + f" (total {sum(summary['entities'].values())})")
    click.echo("relations: " + ", ".join(f"{k} {v}" for k, v in summary["relations"].items()))
    click.echo(f"triples: {summary['triples']} in {summary['graphs']} graphs")
    if out_dir is not None:
        click.echo(f"written to: {out_dir}")
    # the build alone: a user timing the command sees Python start-up and imports on top
    click.echo(f"time: {summary['seconds']:.2f} s (the build; Python start-up and imports not included)")


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
@click.option("--scheduler", default=None, metavar="local|tcp://HOST:8786",
              help="Run the per-report work on Dask distributed: 'local' starts a cluster of --jobs workers "
                   "on this machine; an address uses a running cluster. Default: this machine's process pool.")
@click.option("--meta", "meta", multiple=True, metavar="KEY=VALUE",
              help="Report metadata for every input (jurisdiction, level, year, title, date, issuer, source); "
                   "overrides each input's NAME.meta.yaml. Repeatable.")
def build(inputs: tuple[Path, ...], out_dir: Path, no_lexicon: bool, encoding: str | None, store: str, jobs: int,
          cache: bool, meta: tuple[str, ...], scheduler: str | None = None) -> None:
    """Build the graph from INPUTS: .txt, .docx, .pdf, .html files or folders of them (default: the
    bundled report corpus/wujing-2026.txt)."""
    options = parse_meta_options(meta) or None
    scheduler = check_scheduler(scheduler) if scheduler is not None else None
    cache_dir = out_dir / ".cache" if cache else None
    try:
        paths = expand_inputs(list(inputs) or [DEFAULT_REPORT])
    except ReadError:
        paths = []  # the build says what is wrong with the inputs
    with extract_ahead(paths, use_lexicon=not no_lexicon, encoding=encoding, meta=options, cache_dir=cache_dir,
                       jobs=jobs, scheduler=scheduler) as ahead:
        builder = import_frozen("graph.build")  # while the forked process extracts
        if ahead.pid is not None:
            builder.warm_up()
        waited = time.perf_counter()
        ahead.wait()
        waited = time.perf_counter() - waited
        result = builder.build(list(inputs) or None, out_dir=out_dir, use_lexicon=not no_lexicon, encoding=encoding,
                               store=store, jobs=jobs, cache_dir=cache_dir, meta=options, scheduler=scheduler,
                               extracted=ahead.extracted)
        result.seconds += waited  # the build's time includes what it waited for its extraction
    print_summary(result.summary(), out_dir)
    if left_out := summary_line(result.unplaced, str(out_dir / "unplaced.csv")):
        click.echo(left_out)


