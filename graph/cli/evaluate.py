"""``wujing-kg evaluate``: score the extractor against the gold sets.

Examples
--------
.. code-block:: bash

    wujing-kg evaluate                                # recall and precision on the gold sets
    wujing-kg evaluate --split dev --errors           # what the dev half misses
    wujing-kg evaluate --timelines                    # project timelines across years, per district
    wujing-kg evaluate --gold a.gold.json --gold b.gold.json   # your own gold files, scored together
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.build import build as build_graph
from graph.errors import UsageError
from graph.evaluate import (
    SecretErrors,
    by_split,
    evaluate_sets,
    evaluate_timelines,
    format_summary,
    format_table,
    format_timelines,
    load_gold_file,
    load_gold_sets,
    load_timelines,
)
from graph.evaluate import errors as list_errors
from graph.extract.pipeline import DEFAULT_MODEL

__all__ = ["evaluate", "score_timelines"]


@click.command()
@click.option("--split", "splits", type=click.Choice(["dev", "test", "bundled"]), multiple=True,
              help="Score only these halves (repeatable; default: dev, test and the bundled report).")
@click.option("--report", "slug", default=None, metavar="SLUG",
              help="Score one gold set only (e.g. shenzhen-nanshan-2023, wujing-2026).")
@click.option("--gold", "gold_files", type=click.Path(exists=True, dir_okay=False, path_type=Path), multiple=True,
              help="Score this gold file (it names its report) instead of the gold sets; repeatable: the "
                   "files are scored together, each in the half its \"split\" names.")
@click.option("--lexicon/--no-lexicon", "lexicon", default=None,
              help="Score only with (or only without) the curated lexicon; default: both.")
@click.option("--details", is_flag=True, help="Also print the table per class and per property of each half.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List what was missed and what was spurious (dev sets and the bundled report only).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people; json (the headline figures per half) for programs.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for extracting the reports (0: one per CPU).")
@click.option("--oracle-entities", "oracle", is_flag=True,
              help="Give the relation and milestone rules the gold entities (found where the text names them): "
                   "scores relations and milestones apart from entity recall.")
@click.option("--model", type=click.Choice(["rules", "model", "both"]), default=DEFAULT_MODEL, show_default=True,
              help="Where names come from: the rules, the trained model (graph/extract/model/), or both.")
@click.option("--timelines", is_flag=True,
              help="Score project timelines across years instead (tests/data/gold/timelines/): each district's "
                   "reports built into one graph; --report NAME scores one (e.g. shenzhen-dapeng).")
def evaluate(splits: tuple[str, ...], slug: str | None, gold_files: tuple[Path, ...], lexicon: bool | None, details: bool,
             show_errors: bool, fmt: str, jobs: int, model: str, oracle: bool = False, timelines: bool = False) -> None:
    """Score the extractor against the gold sets of tests/data/gold/ (dev and test halves) and the
    bundled report: entity recall, typed recall, precision, relations, milestones, park industries."""
    if timelines:
        score_timelines(slug, lexicon is not False, jobs, fmt, show_errors)
        return
    sets = [load_gold_file(path) for path in gold_files] if gold_files else load_gold_sets()
    if slug is not None:
        sets = [s for s in sets if s.slug == slug]
        if not sets:
            raise UsageError(f"no gold set {slug!r}; sets: {', '.join(s.slug for s in load_gold_sets())}")
    if splits:
        sets = [s for s in sets if s.split in splits]
    if show_errors and any(s.split == "test" for s in sets):
        raise SecretErrors("the errors of the test half are never shown: add --split dev (or --split bundled, "
                           "or --report with a dev set)")
    results = {}
    for use in ([lexicon] if lexicon is not None and not oracle else [True] if oracle else [True, False]):
        scores = evaluate_sets(sets, use_lexicon=use, jobs=jobs, oracle=oracle, model=model)
        halves = by_split(sets, scores)
        name = "with the gold entities (oracle)" if oracle else "with the lexicon" if use else "without the lexicon"
        results[name] = {half: ev.summary() for half, ev in halves.items()}
        if fmt == "json":
            continue
        click.echo(f"== {name} ==")
        click.echo(format_summary(halves))
        if details:
            for half, ev in halves.items():
                click.echo()
                click.echo(format_table(ev, title=f"-- {half} ({ev.reports} reports) --"))
        if show_errors:
            for s in sets:
                click.echo(f"\n-- errors of {s.slug}, {name} --")
                click.echo(list_errors(scores[s.slug], s.split))
        click.echo()
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))


def score_timelines(name: str | None, use_lexicon: bool, jobs: int, fmt: str, show_errors: bool) -> None:
    """``evaluate --timelines``: each timeline gold set against one graph of its reports (graph.evaluate)."""
    timelines = load_timelines()
    if name is not None:
        if name not in timelines:
            raise UsageError(f"no timeline {name!r}; timelines: {', '.join(timelines)}")
        timelines = {name: timelines[name]}
    scores = evaluate_timelines(timelines, lambda paths: build_graph(
        paths, out_dir=None, use_lexicon=use_lexicon, store="oxigraph", jobs=jobs).backend)
    if fmt == "json":
        click.echo(json.dumps({n: s.summary() for n, s in scores.items()}, ensure_ascii=False, indent=2))
        return
    click.echo(format_timelines(scores))
    if show_errors:  # the timelines are development data (tests/data/gold/SPLIT.tsv holds none of them out)
        for n, s in scores.items():
            click.echo(f"\n-- {n}: missed --\n" + "\n".join(s.milestones.missed))
            click.echo(f"-- {n}: spurious --\n" + "\n".join(s.milestones.spurious))
