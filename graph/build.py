"""Build the knowledge graph: read reports, extract, convert to RDF, validate, write ``out/``.

Examples
--------
>>> result = build([DEFAULT_REPORT], out_dir=None)   # doctest: +SKIP
>>> result.summary()["triples"] > 1000                # doctest: +SKIP
True
"""

from __future__ import annotations

import csv
import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from .model import Extraction, Report, top_class
from .output import write_files
from .text import read_metadata

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT / "corpus" / "wujing-2026.txt"
DEFAULT_OUT = ROOT / "out"


class BuildError(Exception):
    """A problem the user can fix: bad input, invalid graph, unwritable output."""


@dataclass
class BuildResult:
    extractions: list[Extraction]
    dataset: Dataset
    union: Graph
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    def summary(self) -> dict:
        entities = Counter(top_class(e.cls) for ex in self.extractions for e in ex.entities.values())
        distinct = {(r.subject, r.predicate, r.object) for ex in self.extractions for r in ex.relations}
        relations = Counter(p for _, p, _ in distinct)
        relations["hasMilestone"] = len(
            {(m.project, m.stage, m.period) for ex in self.extractions for m in ex.milestones}
        )
        return {
            "reports": len(self.extractions),
            "entities": dict(sorted(entities.items())),
            "relations": dict(sorted(relations.items())),
            "triples": len(self.union),
            "graphs": sum(1 for g in self.dataset.graphs() if len(g)),
            "seconds": round(self.seconds, 2),
        }


def report_slug(path: Path) -> str:
    """The name of a report in IRIs, from its file name: ``corpus/wujing-2026.txt`` -> ``wujing-2026``."""
    stem = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff-]+", "-", path.stem).strip("-").lower()
    return stem or "report"


def read_report(path: Path, encoding: str | None = None) -> Report:
    """Read a report (.txt in any Chinese encoding, .docx, .pdf, .html; see :mod:`graph.readers`) and its metadata."""
    from .readers import ReadError, read_text

    path = Path(path)
    try:
        text = read_text(path, encoding=encoding)
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    meta = read_metadata(text)
    return Report(slug=report_slug(path), text=text, source=path.name, **meta)


def shacl_summary(text: str) -> str:
    """The first violation of a pyshacl report, on one line: its focus node and message."""
    focus = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if "Focus Node:" in ln), "?")
    message = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if "Message:" in ln), "?")
    count = re.search(r"Results \((\d+)\)", text)
    return f"{count.group(1) if count else '?'} violation(s), first: {focus}: {message}"


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs, as one Graph (what ``out/wujing.ttl`` holds)."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g


def entities_csv(extractions: list[Extraction]) -> str:
    """One row per entity: IRI, class, Chinese label, pinyin, aliases, number of mentions."""
    from .iri import entity_iri, pinyin

    rows: dict[str, list] = {}
    for ex in extractions:
        for name, e in ex.entities.items():
            row = rows.setdefault(name, [str(entity_iri(name)), e.cls, name, pinyin(name), set(), 0])
            row[4] |= set(e.aliases)
            row[5] += len(e.mentions)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iri", "class", "label", "pinyin", "aliases", "mentions"])
    for name in sorted(rows):
        iri, cls, label, py, aliases, n = rows[name]
        w.writerow([iri, cls, spreadsheet_safe(label), spreadsheet_safe(py),
                    spreadsheet_safe("|".join(sorted(aliases))), n])
    return buf.getvalue()


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that Excel will not run as a formula (``+1科技`` -> ``'+1科技``).

    Examples
    --------
    >>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("华东师大")
    ("'=SUM(A1)", '华东师大')
    """
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def serialize(ds: Dataset, union: Graph) -> tuple[str, str]:
    """TriG and Turtle text, byte-identical for the same input.

    One ``@prefix`` block (the prefixes used), then each non-empty named graph in order of graph
    IRI; subjects, predicates and objects sorted as rdflib's Turtle writer sorts them.  Written by
    :mod:`graph.turtle` (rdflib's writer, called once per graph, took most of the time of a build).

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from .namespaces import WJ
    >>> ds = Dataset()
    >>> ds.bind("wj", str(WJ._NS))
    >>> s0001 = ds.graph(URIRef("https://w3id.org/wujing-kg/id/report/r/s0001"))
    >>> s0001.add((WJ.Park, WJ.year, Literal("2025", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> trig, ttl = serialize(ds, union_graph(ds))
    >>> print(trig, end="")
    @prefix wj: <https://w3id.org/wujing-kg/ontology#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <BLANKLINE>
    <https://w3id.org/wujing-kg/id/report/r/s0001> {
        wj:Park wj:year "2025"^^xsd:gYear .
    }
    """
    from .turtle import to_trig, to_turtle

    return to_trig(ds), to_turtle(union)


def build(
    inputs: list[Path] | None = None,
    out_dir: Path | None = DEFAULT_OUT,
    use_lexicon: bool = True,
    validate_shapes: bool = True,
    encoding: str | None = None,
    store: str = "rdflib",
    cache_dir: Path | None = None,
    jobs: int = 1,
    meta: dict | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled report) and write it to ``out_dir``.

    A folder in ``inputs`` stands for every supported file in it; ``encoding`` forces the encoding
    of text and HTML inputs.  The files of ``out_dir`` are replaced only once all are written.
    Raises :class:`BuildError` with a one-line message for anything the user can fix.

    Many reports (see the README's "Many reports"): ``meta`` (key -> value, as ``--meta``) and each
    input's sidecar ``NAME.meta.yaml`` describe the reports (:mod:`graph.reports`); extractions are
    cached under ``cache_dir`` by content hash (:mod:`graph.cache`) and the rest run in ``jobs``
    processes (:mod:`graph.batch`); entities are resolved across reports (:mod:`graph.resolve`,
    written to ``resolution.csv``); ``store="oxigraph"`` keeps the graph in Oxigraph (:mod:`graph.store`).
    """
    from .batch import extract_reports
    from .ontology import OntologyError
    from .rdf import to_rdf
    from .readers import ReadError, expand_inputs

    t0 = time.perf_counter()
    try:
        paths = expand_inputs([Path(p) for p in (inputs or [DEFAULT_REPORT])])
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    if store not in ("rdflib", "oxigraph"):
        raise BuildError(f"unknown store {store!r}: use rdflib or oxigraph")
    from .reports import add_descriptions, describe
    from .resolve import resolve

    described = [describe(read_report(p, encoding), p, meta) for p in paths]
    reports = [r for r, _ in described]
    metas = {m.slug: m for _, m in described}
    slugs = Counter(r.slug for r in reports)
    dupes = [s for s, n in slugs.items() if n > 1]
    if dupes:
        raise BuildError(f"two inputs have the same name {dupes[0]!r}: rename one")
    reports.sort(key=lambda r: r.slug)  # the order of the inputs never changes the output
    extractions, _ = extract_reports(reports, use_lexicon=use_lexicon, jobs=jobs, cache_dir=cache_dir)
    resolution = resolve(extractions, use_lexicon=use_lexicon)
    extractions = resolution.extractions
    if store == "oxigraph":
        from .store import build_with_oxigraph

        result = build_with_oxigraph(extractions, metas, out_dir, validate_shapes, jobs,
                                     {"resolution.csv": resolution.to_csv()}, cache_dir)
        result.seconds = time.perf_counter() - t0
        return result
    ds = to_rdf(extractions)
    add_descriptions(ds, list(metas.values()))
    from .indicators import IndicatorError, add_indicators  # figures as RDF Data Cube observations (issue 8)

    try:
        add_indicators(ds, extractions, validate=False)
    except IndicatorError as exc:  # e.g. a malformed ontology/indicators.tsv: one line, no traceback
        raise BuildError(str(exc)) from exc
    from .baselines import add_to_dataset

    add_to_dataset(ds)  # each target's baseline, read across reports
    union = union_graph(ds)
    if validate_shapes:  # ontology/shapes.ttl and ontology/indicator-shapes.ttl
        from .conformance import problem

        try:
            found = problem(union)
        except OntologyError as exc:
            raise BuildError(str(exc)) from exc
        if found:
            raise BuildError(found)
    result = BuildResult(extractions, ds, union)
    if out_dir is not None:
        trig, ttl = serialize(ds, union)
        out_dir = Path(out_dir)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            files = {
                out_dir / "wujing.trig": trig,
                out_dir / "wujing.ttl": ttl,
                out_dir / "entities.csv": entities_csv(extractions),
                out_dir / "resolution.csv": resolution.to_csv(),
            }
            write_files(files)  # all or nothing: a failed or killed build leaves the previous files
            from .exports import write_exports  # GraphML, GEXF, JSON-LD, Neo4j CSV, measures (issue 5)

            from .network import to_networkx

            G = to_networkx(ds)  # one networkx graph for the exports and the maps
            exported = write_exports(ds, out_dir / "exports", G=G, union=union)
            from .maps import write_maps  # park_cluster.html and network.html (issue 4)

            exported += write_maps(ds, out_dir / "maps", G=G)
        except OSError as exc:
            raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
        result.files = list(files) + exported
    result.seconds = time.perf_counter() - t0
    return result
