"""Score the extractor against hand-annotated gold sets (``tests/data/gold/*.gold.json``).

Each gold set annotates one report as sets (see ``tests/data/gold/GUIDE.md``): its entities (a
label, a class, the report's other names for it), relations and project milestones.  An extracted
entity *matches* a gold entity when one of its names (canonical name or alias) is one of the gold
entity's names, compared without quotes and spaces; each gold entity is matched at most once, exact
canonical names first.  Then, per report:

* **entity recall**: gold entities matched by an extracted entity of any class;
* **typed recall**: ... matched by one of the same top-level class (a ``ListedCompany`` is an
  ``Enterprise``);
* **precision**: extracted entities that match a gold entity (``typed precision``: of its class);
* **relations**: a relation is right when both ends match and the property is the same
  (``cooperatesWith`` either way); a **milestone** when the project matches and stage and year
  agree (a multi-year period has no year); **park industries** are the ``inCluster`` links of a
  gold ``Park``.

Scores of several reports are summed before dividing (micro-average).  ``tests/data/gold/SPLIT.tsv``
puts each gold set in the ``dev`` half, whose errors may be studied, or the ``test`` half, of which
only totals are ever shown: :func:`errors` refuses to list a test set's errors.

Examples
--------
>>> p, r, f = prf(tp=9, predicted=10, gold=12)
>>> round(p, 2), round(r, 2)
(0.9, 0.75)
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from rdflib import RDFS, SKOS
from rdflib.namespace import PROV

from graph.corpus.batch import parallel_map
from graph.errors import WujingError
from graph.extract.oracle import extract_given
from graph.extract.pipeline import DEFAULT_MODEL, extract, warm_up
from graph.model import Extraction, label_of, sense_key, top_class
from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.iri import report_iri
from graph.rdf.namespaces import WJ
from graph.store.backend import Backend
from graph.text.metadata import read_report

__all__ = [
    "DEFAULT_GOLD",
    "GOLD_DIR",
    "Evaluation",
    "GoldSet",
    "Score",
    "SecretErrors",
    "TIMELINE_DIR",
    "TimelineScore",
    "errors",
    "evaluate",
    "evaluate_sets",
    "evaluate_timeline",
    "evaluate_timelines",
    "format_summary",
    "format_table",
    "format_timelines",
    "load_gold",
    "load_gold_file",
    "load_gold_sets",
    "load_timelines",
    "prf",
    "timeline_reports",
]

ROOT = Path(__file__).resolve().parent.parent
#: The gold set of the bundled report.
DEFAULT_GOLD = ROOT / "tests" / "data" / "wujing-2026.gold.json"
#: The gold sets of real reports, with ``SPLIT.tsv`` and the annotation guide.
GOLD_DIR = ROOT / "tests" / "data" / "gold"
#: Project timelines across several years' reports of one jurisdiction (GUIDE.md, last section).
TIMELINE_DIR = GOLD_DIR / "timelines"
#: Where the reports a timeline names (by file stem) are.
REPORTS_DIR = ROOT / "corpus" / "reports"
#: The halves of :data:`GOLD_DIR`, and the bundled report's set.
SPLITS = ("dev", "test", "bundled")
RELATION_KINDS = ("locatedIn", "inCluster", "cooperatesWith", "affiliatedWith")

_NORM = re.compile(r"[\s“”\"'‘’《》「」]")


class SecretErrors(WujingError):
    """The errors of a test-half gold set were asked for: only its totals are ever shown."""

    exit_code = 2


def _norm(name: str) -> str:
    return _NORM.sub("", name).replace("(", "（").replace(")", "）")


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Score:
    """Counts for one row of the evaluation table.

    ``tp`` counts right answers (for entities: matched *and* of the right class), ``found`` the
    gold items matched whatever their class (entities only; equal to ``tp`` otherwise).
    """

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0
    matched: int = 0  # predicted items that match a gold item, whatever their class
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[2]

    @property
    def untyped_recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def untyped_precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold,
                     self.found + other.found, self.matched + other.matched,
                     self.missed + other.missed, self.spurious + other.spurious)


@dataclass
class Evaluation:
    """Scores per class (``entities``) and per property (``relations``; ``hasMilestone`` for milestones)."""

    entities: dict[str, Score]
    relations: dict[str, Score]
    park_industries: Score = field(default_factory=Score)
    reports: int = 1

    def table(self) -> list[tuple[str, str, int, int, int, float, float, float]]:
        """Rows (kind, name, tp, predicted, gold, precision, recall, f1), totals last."""
        rows = []
        for kind, scores in (("entity", self.entities), ("relation", self.relations)):
            for name in sorted(k for k in scores if k != "ALL"):
                s = scores[name]
                rows.append((kind, name, s.tp, s.predicted, s.gold, s.precision, s.recall, s.f1))
            s = scores["ALL"]
            rows.append((kind, "ALL", s.tp, s.predicted, s.gold, s.precision, s.recall, s.f1))
        return rows

    @property
    def facts(self) -> Score:
        """The four relation properties together (milestones apart)."""
        return sum((self.relations.get(p, Score()) for p in RELATION_KINDS), Score())

    @property
    def milestones(self) -> Score:
        return self.relations.get("hasMilestone", Score())

    def __add__(self, other: "Evaluation") -> "Evaluation":
        def add(a: dict[str, Score], b: dict[str, Score]) -> dict[str, Score]:
            return {k: a.get(k, Score()) + b.get(k, Score()) for k in sorted(set(a) | set(b))}

        return Evaluation(add(self.entities, other.entities), add(self.relations, other.relations),
                          self.park_industries + other.park_industries, self.reports + other.reports)

    def summary(self) -> dict[str, float | int]:
        """The headline figures (what the issue's targets are stated in), rounded to 3 places."""
        e, f, m, k = self.entities["ALL"], self.facts, self.milestones, self.park_industries
        figures = {
            "reports": self.reports,
            "gold entities": e.gold,
            "entity recall": e.untyped_recall,
            "typed recall": e.recall,
            "precision": e.untyped_precision,
            "typed precision": e.precision,
            "relation recall": f.recall,
            "relation precision": f.precision,
            "milestone recall": m.recall,
            "milestone precision": m.precision,
            "park industries recall": k.recall,
        }
        return {key: round(v, 3) if isinstance(v, float) else v for key, v in figures.items()}


def load_gold(path: Path | str = DEFAULT_GOLD) -> dict:
    """One gold set as a dict (``report``, ``entities``, ``relations``, ``milestones``…)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class GoldSet:
    """A gold set and where it belongs: ``split`` is ``dev``, ``test`` or ``bundled``."""

    slug: str
    split: str
    report: Path
    gold: dict = field(compare=False, repr=False)


def load_gold_file(path: Path | str) -> GoldSet:
    """The gold set of one gold file, as ``wujing-kg evaluate --gold`` scores it: its slug is the file's
    name without ``.gold.json``, its half the file's ``split`` (dev when it names none), its report the
    file's ``report`` (relative to the checkout).

    Examples
    --------
    >>> load_gold_file(DEFAULT_GOLD).slug, load_gold_file(DEFAULT_GOLD).report.name
    ('wujing-2026', 'wujing-2026.txt')
    """
    gold = load_gold(path)
    return GoldSet(Path(path).name.removesuffix(".json").removesuffix(".gold"), gold.get("split", "dev"),
                   ROOT / gold["report"], gold)


def load_gold_sets(folder: Path | str = GOLD_DIR, bundled: bool = True) -> list[GoldSet]:
    """The gold sets of ``folder`` in the order of its ``SPLIT.tsv``, then the bundled report's.

    Examples
    --------
    >>> sets = load_gold_sets()
    >>> sorted({s.split for s in sets}) == ["bundled", "dev", "test"]
    True
    """
    folder = Path(folder)
    out = []
    with (folder / "SPLIT.tsv").open(encoding="utf-8") as f:
        for row in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t"):
            slug, split = row[0], row[1]
            gold = load_gold(folder / f"{slug}.gold.json")
            out.append(GoldSet(slug, split, ROOT / gold["report"], gold))
    if bundled:
        gold = load_gold(DEFAULT_GOLD)
        out.append(GoldSet("wujing-2026", "bundled", ROOT / gold["report"], gold))
    return out


def gold_keys(gold: dict) -> list[tuple[str, dict]]:
    """(key, entry) of each gold entity: its label, or for the second entry of a label (the name's
    second sense, GUIDE.md) :func:`~graph.model.sense_key` of label and class, as relations name it.

    Examples
    --------
    >>> [k for k, _ in gold_keys({"entities": [{"label": "森马", "class": "Enterprise"},
    ...                                        {"label": "森马", "class": "Park"}]})]
    ['森马', '森马@Park']
    """
    seen: set[str] = set()
    out = []
    for g in gold["entities"]:
        out.append((sense_key(g["label"], g["class"]) if g["label"] in seen else g["label"], g))
        seen.add(g["label"])
    return out


def _match_entities(ex: Extraction, gold: dict) -> dict[str, str]:
    """Extracted entity key -> gold key, one to one, exact names first; of a name's two senses,
    the one of the same top class."""
    gold_names: dict[str, list[str]] = {}
    gold_cls: dict[str, str] = {}
    for key, g in gold_keys(gold):
        gold_cls[key] = top_class(g["class"])
        for n in [g["label"], *g.get("aliases", [])]:
            keys = gold_names.setdefault(_norm(n), [])
            if not keys or label_of(keys[0]) == g["label"]:
                keys.append(key)
    matched: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for name in sorted(ex.entities):
            if name in matched:
                continue
            e = ex.entities[name]
            names = [e.label] if exact else sorted(e.aliases)
            for n in names:
                free = [k for k in gold_names.get(_norm(n), ()) if k not in used]
                if free:
                    key = next((k for k in free if gold_cls[k] == top_class(e.cls)), free[0])
                    matched[name] = key
                    used.add(key)
                    break
    return matched


def evaluate(ex: Extraction, gold: dict) -> Evaluation:
    """Score one extraction against one gold set."""
    gold_cls = {key: top_class(g["class"]) for key, g in gold_keys(gold)}
    matched = _match_entities(ex, gold)

    entities: dict[str, Score] = {cls: Score() for cls in sorted(set(gold_cls.values()) | {top_class(e.cls) for e in ex.entities.values()})}
    total = Score()
    for name, e in sorted(ex.entities.items()):
        cls = top_class(e.cls)
        label = matched.get(name)
        for s in (entities[cls], total):
            s.predicted += 1
            s.matched += label is not None
            if label and gold_cls[label] == cls:
                s.tp += 1
        if not (label and gold_cls[label] == cls):
            entities[cls].spurious.append(name if not label else f"{name} (gold: {gold_cls[label]})")
    hit = {matched[n] for n, e in ex.entities.items() if n in matched and gold_cls[matched[n]] == top_class(e.cls)}
    found = set(matched.values())
    for label, cls in gold_cls.items():
        for s in (entities[cls], total):
            s.gold += 1
            s.found += label in found
        if label not in hit:
            entities[cls].missed.append(label)
    entities["ALL"] = total

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        if p == "cooperatesWith" and o < s:
            s, o = o, s
        return (s, p, o)

    gold_rel = {key(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    gold_rel |= {(m["project"], "hasMilestone", f'{m["stage"]}@{m["year"]}') for m in gold["milestones"]}
    predicted = {
        key(matched.get(r.subject, "?" + r.subject), r.predicate, matched.get(r.object, "?" + r.object))
        for r in ex.relations
    }
    predicted |= {
        (matched.get(m.project, "?" + m.project), "hasMilestone", f"{m.stage}@{m.year}") for m in ex.milestones
    }
    relations: dict[str, Score] = {}
    for p in sorted({t[1] for t in gold_rel | predicted} | set(RELATION_KINDS) | {"hasMilestone"}):
        g = {t for t in gold_rel if t[1] == p}
        pr = {t for t in predicted if t[1] == p}
        relations[p] = Score(tp=len(g & pr), predicted=len(pr), gold=len(g), found=len(g & pr), matched=len(g & pr),
                             missed=sorted(" ".join(t) for t in g - pr), spurious=sorted(" ".join(t) for t in pr - g))
    relations["ALL"] = Score(tp=len(gold_rel & predicted), predicted=len(predicted), gold=len(gold_rel),
                             found=len(gold_rel & predicted), matched=len(gold_rel & predicted))
    parks = {t for t in gold_rel if t[1] == "inCluster" and gold_cls.get(t[0]) == "Park"}
    park_industries = Score(tp=len(parks & predicted), predicted=0, gold=len(parks), found=len(parks & predicted),
                            missed=sorted(" ".join(t) for t in parks - predicted))
    return Evaluation(entities, relations, park_industries)


def _extract_set(job: tuple) -> Extraction:
    path, use_lexicon, *model = job
    return extract(read_report(path), use_lexicon=use_lexicon, model=model[0] if model else DEFAULT_MODEL)


def _oracle_set(job: tuple[Path, dict]) -> Extraction:
    """The relation and milestone rules run on the gold entities (``--oracle-entities``).

    The gold set's ``year`` stands in for the report's when its metadata gives none.
    """
    path, gold = job
    report = read_report(path)
    if not report.year and gold.get("year"):
        report = replace(report, year=str(gold["year"]))
    # the oracle cannot tell a name's two senses apart in the text: it is given the first
    names = [(g["label"], g["class"], g.get("aliases", [])) for key, g in gold_keys(gold)
             if not g.get("constructed") and key == g["label"]]
    return extract_given(report, names)


def evaluate_sets(
    sets: Iterable[GoldSet],
    use_lexicon: bool = True,
    jobs: int = 1,
    extractor: Callable[[tuple[Path, bool]], Extraction] = _extract_set,
    oracle: bool = False,
    model: str = DEFAULT_MODEL,
) -> dict[str, Evaluation]:
    """Extract each set's report (with the report's own metadata) and score it; per report slug.

    ``extractor`` turns ``(report path, use_lexicon)`` into an extraction (it must be a module-level
    function when ``jobs`` > 1); ``model`` chooses the names' source: ``rules``, ``model`` (the trained
    component) or ``both``.  ``oracle`` gives the rules the gold entities instead (see
    :func:`graph.extract.oracle.extract_given`): relations and milestones scored apart from names.
    """
    sets = list(sets)
    if oracle:
        extractions = parallel_map(_oracle_set, [(s.report, s.gold) for s in sets], jobs=jobs, desc="evaluating")
        return {s.slug: evaluate(ex, s.gold) for s, ex in zip(sets, extractions)}
    extractions = parallel_map(extractor, [(s.report, use_lexicon, model) for s in sets], jobs=jobs,
                               desc="evaluating", warm_up=partial(warm_up, use_lexicon, model))
    return {s.slug: evaluate(ex, s.gold) for s, ex in zip(sets, extractions)}


def by_split(sets: Iterable[GoldSet], scores: dict[str, Evaluation]) -> dict[str, Evaluation]:
    """The scores of the sets summed per split, in the order of :data:`SPLITS`."""
    out: dict[str, Evaluation] = {}
    for s in sets:
        if s.slug in scores:
            out[s.split] = out[s.split] + scores[s.slug] if s.split in out else scores[s.slug]
    return {k: out[k] for k in SPLITS if k in out}


def format_table(ev: Evaluation, title: str = "") -> str:
    """Per class and per property: tp, predicted, gold, precision, recall, F1, and untyped recall."""
    lines = [title] if title else []
    lines.append(f"{'kind':<9}{'class/property':<20}{'tp':>5}{'pred':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'R any':>7}")
    for kind, scores in (("entity", ev.entities), ("relation", ev.relations)):
        for name in [k for k in sorted(scores) if k != "ALL"] + ["ALL"]:
            s = scores[name]
            untyped = f"{s.untyped_recall:>7.2f}" if kind == "entity" else ""
            lines.append(f"{kind:<9}{name:<20}{s.tp:>5}{s.predicted:>6}{s.gold:>6}{s.precision:>7.2f}{s.recall:>7.2f}"
                         f"{s.f1:>7.2f}{untyped}")
    k = ev.park_industries
    lines.append(f"{'relation':<9}{'park industries':<20}{k.tp:>5}{'':>6}{k.gold:>6}{'':>7}{k.recall:>7.2f}")
    return "\n".join(lines)


def format_summary(halves: dict[str, Evaluation]) -> str:
    """The headline figures of each half side by side (one column per split)."""
    names = list(halves)
    keys = list(next(iter(halves.values())).summary()) if halves else []
    lines = [f"{'':<24}" + "".join(f"{n:>10}" for n in names)]
    for key in keys:
        cells = []
        for n in names:
            v = halves[n].summary()[key]
            cells.append(f"{v:>10.3f}" if isinstance(v, float) else f"{v:>10}")
        lines.append(f"{key:<24}" + "".join(cells))
    return "\n".join(lines)


def errors(ev: Evaluation, split: str = "dev") -> str:
    """What was missed and what was spurious, per class and property (dev and bundled sets only)."""
    if split == "test":
        raise SecretErrors("the errors of the test half are never shown (tests/data/gold/GUIDE.md): "
                           "evaluate a dev set or the bundled report")
    out = []
    for kind, scores in (("entity", ev.entities), ("relation", ev.relations)):
        for name, s in sorted(scores.items()):
            if name == "ALL":
                continue
            if s.missed:
                out.append(f"{kind} {name} missed: " + "; ".join(s.missed))
            if s.spurious:
                out.append(f"{kind} {name} spurious: " + "; ".join(s.spurious))
    if ev.park_industries.missed:
        out.append("relation park industries missed: " + "; ".join(ev.park_industries.missed))
    return "\n".join(out)


# ---------------------------------------------------------------- project timelines across years


@dataclass
class TimelineScore:
    """A timeline gold set against a graph of its reports.

    ``milestones`` counts (project, stage, year) triples, each once however many reports state it
    (a multi-year period has no year).  ``multi_report`` gold projects have milestones in two or more
    reports; ``joined`` of them are matched to one entity that has milestones from two or more of
    those reports: the years' reports accumulate on one node.
    """

    milestones: Score = field(default_factory=Score)
    projects: int = 0
    matched: int = 0
    multi_report: int = 0
    joined: int = 0
    reports: int = 0

    def __add__(self, other: "TimelineScore") -> "TimelineScore":
        return TimelineScore(self.milestones + other.milestones, self.projects + other.projects,
                             self.matched + other.matched, self.multi_report + other.multi_report,
                             self.joined + other.joined, self.reports + other.reports)

    def summary(self) -> dict[str, float | int]:
        m = self.milestones
        return {"reports": self.reports, "gold projects": self.projects, "matched": self.matched,
                "gold milestones": m.gold, "timeline recall": round(m.recall, 3),
                "timeline precision": round(m.precision, 3), "in two or more reports": self.multi_report,
                "one entity": self.joined}


def load_timelines(folder: Path | str = TIMELINE_DIR) -> dict[str, dict]:
    """The timeline gold sets of ``folder`` by name (``shenzhen-dapeng``), in name order."""
    return {p.name.removesuffix(".timeline.json"): load_gold(p) for p in sorted(Path(folder).glob("*.timeline.json"))}


def timeline_reports(gold: dict, folder: Path | str = REPORTS_DIR) -> list[Path]:
    """The report files a timeline follows (its ``reports``, file stems in ``folder``)."""
    return [Path(folder) / f"{slug}.txt" for slug in gold["reports"]]


def _graph_milestones(backend: Backend) -> dict:
    """Entity IRI -> {"names": its zh label and aliases, "milestones": {(stage, year)}, "reports": {slug}}."""
    prefix = str(report_iri(""))
    report_of = {g: str(r).removeprefix(prefix)
                 for g, _, r, _ in backend.quads((None, PROV.wasDerivedFrom, None, PROVENANCE_GRAPH))}
    found: dict = {}
    for e, _, m, g in backend.quads((None, WJ.hasMilestone, None, None)):
        entry = found.setdefault(e, {"milestones": set(), "reports": set()})
        stage = next((str(o).rsplit("#", 1)[-1] for _, _, o in backend.triples((m, WJ.stage, None))), "")
        year = next((str(o) for _, _, o in backend.triples((m, WJ.year, None))), None)
        entry["milestones"].add((stage, year))
        entry["reports"].add(report_of.get(g, ""))
    for e, entry in found.items():
        label = [str(o) for _, _, o in backend.triples((e, RDFS.label, None)) if getattr(o, "language", "") == "zh"]
        entry["label"] = label[0] if label else ""
        entry["aliases"] = sorted(str(o) for _, _, o in backend.triples((e, SKOS.altLabel, None)))
    return found


def evaluate_timeline(backend: Backend, gold: dict) -> TimelineScore:
    """Score a graph of a timeline's reports (built together) against the timeline gold set.

    Gold projects are matched to the graph's entities that have milestones one to one by name (an
    entity's Chinese label or an alias equal to a project's label or alias, without quotes and
    spaces), as the assignment that finds the most gold milestones (:func:`_match_projects`).  A gold
    (project, stage, year) is found when the matched entity has a milestone of that stage and year;
    every other (entity, stage, year) of the graph is spurious.
    """
    entities = _graph_milestones(backend)
    projects = gold["projects"]
    matched = _match_projects(entities, projects)
    gold_items = {(i, m["stage"], m["year"]) for i, p in enumerate(projects) for m in p["milestones"]}
    predicted = {(matched.get(e, str(e)), stage, year) for e, entry in entities.items()
                 for stage, year in entry["milestones"]}
    hits = gold_items & predicted
    label_of = {str(e): entry["label"] for e, entry in entities.items()}

    def said(item) -> str:
        i, stage, year = item
        return f"{projects[i]['label'] if isinstance(i, int) else label_of[i]} {stage}@{year}"

    score = Score(tp=len(hits), predicted=len(predicted), gold=len(gold_items), found=len(hits), matched=len(hits),
                  missed=sorted(map(said, gold_items - hits)), spurious=sorted(map(said, predicted - hits)))
    by_project = {i: e for e, i in matched.items()}
    multi = [i for i, p in enumerate(projects) if len({m["report"] for m in p["milestones"]}) > 1]
    joined = sum(1 for i in multi if i in by_project and len(
        entities[by_project[i]]["reports"] & {m["report"] for m in projects[i]["milestones"]}) > 1)
    return TimelineScore(score, len(projects), len(matched), len(multi), joined, len(gold["reports"]))


def _match_projects(entities: dict, projects: list[dict]) -> dict:
    """Entity IRI -> gold project index: a one-to-one matching by name that finds the most milestones.

    An entity and a project are a candidate pair when a name of one is a name of the other.  Among
    the one-to-one matchings of candidate pairs, the one with the most gold milestones found is
    chosen (networkx's maximum-weight matching); between equals, more pairs, then pairs whose labels
    are equal.  A first-come matching in label order gave a project to whichever of two split
    entities sorted first, even when the other one carried its milestones.

    >>> ents = {"a": {"label": "X工程", "aliases": ["X"], "milestones": {("Started", "2020")}},
    ...         "b": {"label": "X", "aliases": [], "milestones": {("Completed", "2022")}}}
    >>> gold = [{"label": "X", "aliases": ["X工程"], "milestones": [
    ...     {"stage": "Started", "year": "2020"}, {"stage": "Completed", "year": "2022"}]},
    ...         {"label": "Y", "milestones": []}]
    >>> _match_projects(ents, gold)
    {'b': 0}
    """
    import networkx as nx  # the matching only: evaluate is not on the build's import path

    names: dict[str, set[int]] = {}
    for i, p in enumerate(projects):
        for n in [p["label"], *p.get("aliases", [])]:
            names.setdefault(_norm(n), set()).add(i)
    # weights ordered lexicographically: a hit outweighs any number of pairs, a pair any number of equal labels
    by_pair = len(projects) + 1
    by_hit = (by_pair + 1) * by_pair
    pairs = nx.Graph()
    for e in sorted(entities, key=str):
        entry = entities[e]
        for i in sorted(set().union(*(names.get(_norm(n), set()) for n in [entry["label"], *entry["aliases"]]))):
            gold_milestones = {(m["stage"], m["year"]) for m in projects[i]["milestones"]}
            hits = len(gold_milestones & entry["milestones"])
            same_label = _norm(entry["label"]) == _norm(projects[i]["label"])
            pairs.add_edge(("entity", str(e)), ("project", i), weight=hits * by_hit + by_pair + same_label, entity=e)
    return {pairs.edges[u, v]["entity"]: max(u, v)[1] for u, v in nx.max_weight_matching(pairs)}


def evaluate_timelines(timelines: dict[str, dict], build: Callable[[list[Path]], Backend],
                       folder: Path | str = REPORTS_DIR) -> dict[str, TimelineScore]:
    """Score each timeline gold set against one graph of all its reports.

    Parameters
    ----------
    timelines
        Name -> timeline gold set (:func:`load_timelines`).
    build
        Builds one graph of the report files it is given and returns its backend (the CLI passes
        :func:`graph.build.build`; this layer cannot import it).
    folder
        Where the reports a timeline names are.

    Examples
    --------
    >>> from graph.build import build
    >>> scores = evaluate_timelines(load_timelines(), lambda paths: build(paths, out_dir=None).backend)  # doctest: +SKIP
    >>> print(format_timelines(scores))  # doctest: +SKIP
    """
    scores = {}
    for name, gold in timelines.items():
        backend = build(timeline_reports(gold, folder))
        try:
            scores[name] = evaluate_timeline(backend, gold)
        finally:
            backend.close()
    return scores


def format_timelines(scores: dict[str, TimelineScore]) -> str:
    """The figures of each timeline and their total side by side (one column each)."""
    if not scores:
        return ""
    columns = {**scores, "total": sum(scores.values(), TimelineScore())}
    keys = list(TimelineScore().summary())
    width = max(10, *(len(n) + 2 for n in columns))
    lines = [f"{'':<24}" + "".join(f"{n:>{width}}" for n in columns)]
    for key in keys:
        cells = [columns[n].summary()[key] for n in columns]
        lines.append(f"{key:<24}" + "".join(f"{v:>{width}.3f}" if isinstance(v, float) else f"{v:>{width}}"
                                            for v in cells))
    return "\n".join(lines)
