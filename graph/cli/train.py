"""``wujing-kg train``: retrain the entity-name model from the gold and the rules' silver, and install it.

Examples
--------
.. code-block:: bash

    wujing-kg train                                 # the shipped model, reproduced (tens of minutes)
    wujing-kg train --work /tmp/train --no-install  # try it out, leave the shipped model alone
    wujing-kg train --set training.max_steps=2000 --no-silver
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.cli.main import debug_option
from graph.errors import UsageError
from graph.extract.training import HELDOUT, SHIPPED, plan_training, read_heldout
from graph.extract.training import train as run_training

__all__ = ["train"]

_ROOT = Path(__file__).resolve().parents[2]  # the checkout: tests/data/gold and corpus/reports
_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _settings(pairs: tuple[str, ...]) -> dict:
    """``--set KEY=VALUE`` -> spaCy overrides; a VALUE that reads as JSON (2000, 0.1, true) is that value."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set {pair!r}: expected KEY=VALUE, e.g. training.max_steps=2000")
        try:
            out[key.strip()] = json.loads(value)
        except ValueError:
            out[key.strip()] = value
    return out


@click.command("train")
@click.option("--gold-dir", type=_DIR, default=_ROOT / "tests" / "data" / "gold", show_default=True,
              help="The gold files (SLUG.gold.json); only the dev half of --split is read.")
@click.option("--split", "split_file", type=_FILE, default=_ROOT / "tests" / "data" / "gold" / "SPLIT.tsv",
              show_default=True, help="Which gold reports are dev and which test (test: never read).")
@click.option("--reports", "reports_dir", type=_DIR, default=_ROOT / "corpus" / "reports", show_default=True,
              help="The corpus: gold reports are read from here, the others give silver.")
@click.option("--heldout", type=_FILE, default=HELDOUT, show_default=True,
              help="Dev reports held out for spaCy's evaluation during training.")
@click.option("--extra", nargs=2, multiple=True, type=_FILE, metavar="REPORT GOLD",
              default=[(_ROOT / "corpus" / "wujing-2026.txt", _ROOT / "tests" / "data" / "wujing-2026.gold.json")],
              help="Another annotated report to train on (default: the bundled report and its gold). Repeatable.")
@click.option("--silver/--no-silver", default=True, show_default=True,
              help="Add what the rules find in the unannotated reports.")
@click.option("--gold-copies", type=click.IntRange(min=1), default=3, show_default=True,
              help="Put each gold sentence this many times in the training data (against the larger silver).")
@click.option("--work", "work_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out/train"),
              show_default=True, help="Where the corpora and spaCy's output go.")
@click.option("--install/--no-install", default=True, show_default=True,
              help="Copy the best pipeline into the package (graph/extract/model/names), replacing the shipped one.")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Override a setting of the training config, e.g. training.max_steps=2000. Repeatable.")
@debug_option
def train(gold_dir: Path, split_file: Path, reports_dir: Path, heldout: Path, extra: tuple, silver: bool,
          gold_copies: int, work_dir: Path, install: bool, settings: tuple[str, ...]) -> None:
    """Train the entity-name model (spaCy ner, CPU) on the dev gold plus the rules' silver, and install it."""
    plan = plan_training(gold_dir, split_file, reports_dir, read_heldout(heldout), extra=tuple(extra))
    click.echo(f"gold: {len(plan.train_gold)} reports, held out: {len(plan.dev_gold)}, silver: "
               f"{len(plan.silver) if silver else 0}, never read (test half): {len(plan.excluded)}")
    result = run_training(plan, work_dir, silver=silver, overrides=_settings(settings),
                          install_to=SHIPPED if install else None, gold_copies=gold_copies)
    click.echo(f"trained on {result.counts['train']} sentences, evaluated on {result.counts['dev']}")
    click.echo(f"best pipeline: {result.best}")
    if result.installed:
        click.echo(f"installed: {result.installed} ({result.size / 1e6:.1f} MB)")
