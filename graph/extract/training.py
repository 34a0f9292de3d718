"""Train the entity-name model: gold and silver mentions -> spaCy ``DocBin`` -> ``spacy train`` -> the package.

The gold (``tests/data/gold/*.gold.json``, see its ``GUIDE.md``) is entity-level: each entity once per
report, with its aliases.  :func:`project_gold` turns it into mention spans by finding every label
and alias in the text (longest first, no overlaps); a *constructed* label has no surface form, only
its aliases are looked for.  Silver mentions are what the rules (:func:`graph.extract.pipeline.extract`
with ``model="rules"``) find in the reports nobody annotated, so that retraining after the rules
improve is one command (``wujing-kg train``).

What may be trained on is decided in one place, :func:`plan_training`: the dev half of
``SPLIT.tsv`` minus the reports held out for spaCy's own evaluation, never a report of the test half
(not even as silver, and its gold file is never opened).

Examples
--------
>>> project_gold("华东师范大学与华东师大合作", {"华东师范大学": "University", "华东师大": "University"})
[(0, 6, 'University'), (7, 11, 'University')]
"""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from graph.errors import InputError, UsageError
from graph.extract.pipeline import extract, is_alias_mention
from graph.model import Extraction, Report, top_class
from graph.text.metadata import read_report
from graph.text.sentences import split_sentences

__all__ = [
    "Annotated",
    "TrainingPlan",
    "TrainingResult",
    "gold_examples",
    "install_model",
    "plan_training",
    "project_gold",
    "read_heldout",
    "read_split",
    "silver_examples",
    "to_docbin",
    "train",
    "train_model",
    "write_corpora",
]

#: The folder of the training config, the held-out list and the shipped pipeline.
MODEL_FOLDER = Path(__file__).resolve().parent / "model"
#: The spaCy training config in the repository.
CONFIG = MODEL_FOLDER / "config.cfg"
#: The dev reports held out from training for spaCy's own evaluation (one slug a line, with why).
HELDOUT = MODEL_FOLDER / "heldout.tsv"
#: Where the trained pipeline is installed in the package (what :mod:`graph.extract.trained` loads).
SHIPPED = MODEL_FOLDER / "names"


@dataclass(frozen=True)
class Annotated:
    """One sentence with its entity spans (character offsets, top-level class as label).

    ``complete`` says whether every other character is known not to be in a name (gold), or just
    unknown (silver: the rules miss names, and the model should not learn to miss them too).
    """
    text: str
    spans: tuple[tuple[int, int, str], ...]
    complete: bool = True


@dataclass(frozen=True)
class TrainingPlan:
    """Which reports feed training, as (report file, gold file) pairs or plain report files."""
    train_gold: tuple[tuple[Path, Path], ...]
    dev_gold: tuple[tuple[Path, Path], ...]
    silver: tuple[Path, ...]
    excluded: tuple[str, ...]  # slugs of the test half: never read


def read_split(path: Path) -> dict[str, str]:
    """``SPLIT.tsv``: report slug -> ``dev`` or ``test`` (comment lines start with ``#``)."""
    split: dict[str, str] = {}
    for line_no, line in enumerate(_lines(path), 1):
        fields = line.split("\t")
        if len(fields) < 2 or fields[1] not in ("dev", "test"):
            raise InputError(f"{path}:{line_no}: expected 'report<TAB>dev|test<TAB>why', got {line!r}")
        split[fields[0]] = fields[1]
    return split


def read_heldout(path: Path = HELDOUT) -> list[str]:
    """The slugs of ``heldout.tsv`` (first column), in file order."""
    return [line.split("\t")[0] for line in _lines(path)]


def _lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def plan_training(
    gold_dir: Path,
    split_file: Path,
    reports_dir: Path,
    heldout: list[str],
    extra: tuple[tuple[Path, Path], ...] = (),
) -> TrainingPlan:
    """Decide what is trained on, what is held out, and what is never touched.

    Parameters
    ----------
    gold_dir
        The folder of ``SLUG.gold.json`` files; a gold file's report is ``reports_dir/SLUG.txt``.
    split_file
        ``SPLIT.tsv``: every gold file must be in it; the ``test`` ones are left out entirely.
    reports_dir
        The corpus: every ``.txt`` that has no gold file and is not in the split gives silver.
    heldout
        Dev slugs for spaCy's evaluation during training (not trained on, neither gold nor silver).
    extra
        More (report, gold) pairs to train on, e.g. the bundled report and its gold.
    """
    split = read_split(split_file)
    for slug in heldout:
        if split.get(slug) != "dev":
            raise UsageError(f"held-out report {slug!r} is not a dev report of {split_file}")
    train, dev = [], []
    for gold in sorted(Path(gold_dir).glob("*.gold.json")):
        slug = gold.name[: -len(".gold.json")]
        if slug not in split:
            raise InputError(f"{gold}: not in {split_file}: put it in the dev or the test half")
        if split[slug] == "dev":
            (dev if slug in heldout else train).append((Path(reports_dir) / f"{slug}.txt", gold))
    for pair in extra:
        train.append((Path(pair[0]), Path(pair[1])))
    annotated = set(split) | {p[0].stem for p in extra}
    silver = tuple(p for p in sorted(Path(reports_dir).glob("*.txt")) if p.stem not in annotated)
    excluded = tuple(sorted(s for s, half in split.items() if half == "test"))
    return TrainingPlan(tuple(train), tuple(dev), silver, excluded)


def project_gold(text: str, surfaces: dict[str, str]) -> list[tuple[int, int, str]]:
    """Every occurrence of every surface form in ``text``, longest first, never overlapping.

    Parameters
    ----------
    text
        One sentence.
    surfaces
        Surface form -> label.

    Returns
    -------
    list of (start, end, label)
        In text order.
    """
    found = []
    for surface, label in surfaces.items():
        if len(surface) < 2:
            continue
        at = text.find(surface)
        while at >= 0:
            found.append((at, at + len(surface), label))
            at = text.find(surface, at + 1)
    taken: set[int] = set()
    chosen = []
    for start, end, label in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            chosen.append((start, end, label))
    return sorted(chosen)


def _surfaces(gold: dict) -> dict[str, str]:
    """Surface form -> top-level class, for the names of a gold file that the text writes."""
    out: dict[str, str] = {}
    for e in gold["entities"]:
        names = list(e.get("aliases", [])) + ([] if e.get("constructed") else [e["label"]])
        for name in names:
            out[name.strip("“”\"")] = top_class(e["class"])
    return out


def gold_examples(report: Report, gold: dict) -> list[Annotated]:
    """The report's sentences with the gold names projected onto them (every sentence, complete)."""
    surfaces = _surfaces(gold)
    return [
        Annotated(s.text, tuple(project_gold(s.text, surfaces)), True)
        for s in split_sentences(report.text, report.year)
    ]


def silver_examples(ex: Extraction, complete: bool = True) -> list[Annotated]:
    """The sentences in which the rules found names, with those names (longest, not overlapping).

    A mention takes its entity's class (the vote over all its mentions); a part of a composed name
    (华东师大 in 华东师大、莲谷等孵化器) is not a name of its own and is left out.  ``complete``: the
    rest of the sentence is taken as no name (else as unknown; see :class:`Annotated`).
    """
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for entity in ex.entities.values():
        for m in entity.mentions:
            if is_alias_mention(m):
                by_sentence.setdefault(m.sentence, []).append((m.start, m.end, top_class(entity.cls)))
    out = []
    for sent in ex.sentences:
        found = by_sentence.get(sent.index)
        if not found:
            continue
        taken: set[int] = set()
        spans = []
        for start, end, label in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
            if taken.isdisjoint(range(start, end)) and sent.start <= start and end <= sent.end:
                taken.update(range(start, end))
                spans.append((start - sent.start, end - sent.start, label))
        out.append(Annotated(sent.text, tuple(sorted(spans)), complete))
    return out


def to_docbin(examples: list[Annotated]) -> DocBin:
    """spaCy training docs: one per sentence, tokens = characters (``spacy.blank("zh")``).

    Outside a complete example's spans every token is ``O``; outside an incomplete one it is
    missing, so spaCy's loss ignores it.
    """
    nlp = spacy.blank("zh")
    db = DocBin(store_user_data=False)
    for ex in examples:
        doc = nlp.make_doc(ex.text)
        spans = [doc.char_span(s, e, label=label, alignment_mode="contract") for s, e, label in ex.spans]
        doc.set_ents([s for s in spans if s is not None and len(s)],
                     default="outside" if ex.complete else "missing")
        db.add(doc)
    return db


def _read_pair(report_path: Path, gold_path: Path) -> tuple[Report, dict]:
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{gold_path}: cannot read the gold file: {exc}") from None
    return read_report(report_path), gold


def write_corpora(plan: TrainingPlan, out_dir: Path, silver: bool = True, silver_complete: bool = True,
                  gold_copies: int = 1) -> dict[str, int]:
    """Write ``train.spacy`` (gold, then silver) and ``dev.spacy`` (the held-out gold) to ``out_dir``.

    The silver comes from running the rules now, so a retraining picks up the current rules
    (``silver_complete``: see :func:`silver_examples`).  ``gold_copies`` puts each gold sentence
    that many times in the training data, to weigh it against the far larger silver.  Also writes
    ``corpora.tsv`` (what went in, sentences and spans per report), and returns the counts.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [("report", "kind", "sentences", "spans")]
    train: list[Annotated] = []
    dev: list[Annotated] = []
    for kind, pairs, into in (("gold", plan.train_gold, train), ("heldout", plan.dev_gold, dev)):
        for report_path, gold_path in pairs:
            examples = gold_examples(*_read_pair(report_path, gold_path))
            rows.append((report_path.stem, kind, len(examples), sum(len(e.spans) for e in examples)))
            into.extend(examples * (gold_copies if kind == "gold" else 1))
    for report_path in plan.silver if silver else ():
        examples = silver_examples(extract(read_report(report_path), model="rules"), complete=silver_complete)
        rows.append((report_path.stem, "silver", len(examples), sum(len(e.spans) for e in examples)))
        train.extend(examples)
    to_docbin(train).to_disk(out_dir / "train.spacy")
    to_docbin(dev).to_disk(out_dir / "dev.spacy")
    with open(out_dir / "corpora.tsv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)
    return {"train": len(train), "dev": len(dev), "reports": len(rows) - 1}


def train_model(corpus_dir: Path, output_dir: Path, config: Path = CONFIG, overrides: dict | None = None) -> Path:
    """Run ``spacy train`` on the corpora of :func:`write_corpora`, CPU only; return the best pipeline.

    ``overrides`` are config settings (``{"training.max_steps": 50}``), as on spaCy's command line.
    """
    from spacy.cli.train import train  # heavy, and only needed here

    corpus_dir, output_dir = Path(corpus_dir), Path(output_dir)
    settings = {"paths.train": str(corpus_dir / "train.spacy"), "paths.dev": str(corpus_dir / "dev.spacy")}
    settings.update(overrides or {})
    train(Path(config), output_dir, use_gpu=-1, overrides=settings)
    return output_dir / "model-best"


def install_model(best: Path, target: Path = SHIPPED) -> Path:
    """Copy a trained pipeline to ``target`` (the package's ``model/names``), replacing what was there.

    The copy's string store keeps only the labels: spaCy saves every string it saw in training
    (here every character bigram, a third of the size), and the model needs none of them, since
    its features are hashes of the text.
    """
    best, target = Path(best), Path(target)
    if not (best / "meta.json").is_file():
        raise InputError(f"{best}: not a trained spaCy pipeline (no meta.json)")
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(best, staging)
    meta = json.loads((staging / "meta.json").read_text(encoding="utf-8"))
    strings = sorted({label for names in meta.get("labels", {}).values() for label in names})
    (staging / "vocab" / "strings.json").write_text(json.dumps(strings, ensure_ascii=False), encoding="utf-8")
    meta.update(name="wujing_names", license="MIT",
                description="Entity names of Chinese government work reports (wujing-kg train; graph/extract/model)")
    (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


@dataclass(frozen=True)
class TrainingResult:
    """What :func:`train` made: the corpora's counts, the best pipeline and where it was installed."""
    counts: dict[str, int]
    best: Path
    installed: Path | None
    size: int  # bytes of the best pipeline's files


def train(
    plan: TrainingPlan,
    work_dir: Path,
    silver: bool = True,
    overrides: dict | None = None,
    install_to: Path | None = SHIPPED,
    config: Path = CONFIG,
    gold_copies: int = 3,
) -> TrainingResult:
    """The whole of ``wujing-kg train``: corpora (silver from the current rules), ``spacy train``, install.

    Parameters
    ----------
    plan
        What to train on (:func:`plan_training`).
    work_dir
        Where the corpora (``corpus/``) and spaCy's output (``output/``) go.
    silver
        Add the rules' names in the unannotated reports to the training data.
    gold_copies
        Each gold sentence this many times (see :func:`write_corpora`): 3 gave a more precise
        model than 1 on the held-out reports (``model/README.md``).
    overrides
        spaCy config settings, e.g. ``{"training.max_steps": 100}``.
    install_to
        Copy the best pipeline there (default: the package's ``model/names``); None to leave it.
    """
    work_dir = Path(work_dir)
    counts = write_corpora(plan, work_dir / "corpus", silver=silver, gold_copies=gold_copies)
    if not counts["train"] or not counts["dev"]:
        raise UsageError("nothing to train on or nothing held out: check the gold folder, the split and heldout.tsv")
    best = train_model(work_dir / "corpus", work_dir / "output", config=config, overrides=overrides)
    installed = install_model(best, install_to) if install_to is not None else None
    size = sum(p.stat().st_size for p in (installed or best).rglob("*") if p.is_file())
    return TrainingResult(counts, best, installed, size)
