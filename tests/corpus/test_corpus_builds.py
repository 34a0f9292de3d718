"""Every real report of corpus/reports/ builds, alone and all together, and its graph conforms.

A process pool builds each of the 156 reports on its own (extraction, resolution, RDF, SHACL
validation, with rdflib; no files written), then one build takes them all together, with Oxigraph.  For each report: the build
succeeds, it finds entities, and the year it reads from the text (title, date line, headings; the
file name only as a last resort) is the year of ``corpus/reports/MANIFEST.csv``.  The manifest is
not an input of the build: this test is the only reader.

What the build cannot place (a figure without a period…) is left out and listed, never a failed
build: a violation of the shapes here is a bug in the code.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.build import build
from graph.corpus.batch import parallel_imap
from graph.errors import WujingError
from graph.extract.figures import NO_PERIOD
from graph.text.metadata import describe, read_report

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "reports"
MANIFEST = {row["file"]: row for row in csv.DictReader((CORPUS / "MANIFEST.csv").open(encoding="utf-8"))}

#: Files whose text is of another year than the manifest says, with what the text says.
#: shenzhen-dapeng-2015.txt reviews 2013 (一、2013年工作回顾) and plans 2014 (二、2014年工作): it is the
#: 2014 report (its source file is 大鹏新区管委会2014年工作报告_2015.txt).
TEXT_YEAR = {"shenzhen-dapeng-2015.txt": "2014"}


def _build_alone(job: tuple[str, str]) -> dict:
    """One report built on its own, without output files: what the test checks, or the error."""
    path, cache = job
    try:
        result = build([Path(path)], out_dir=None, jobs=1, cache_dir=Path(cache))
    except WujingError as exc:
        return {"file": Path(path).name, "error": str(exc)}
    (ex,) = result.extractions
    return {
        "file": Path(path).name,
        "error": None,
        "year": ex.report.year,
        "entities": len(ex.entities),
        "undated": sum(1 for i in result.unplaced if i.reason == NO_PERIOD),
    }


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One extraction cache for the builds alone and the build of all together."""
    return tmp_path_factory.mktemp("corpus-cache")


@pytest.fixture(scope="module")
def alone(cache) -> dict[str, dict]:
    paths = sorted(str(p) for p in CORPUS.glob("*.txt"))
    jobs = [(p, str(cache)) for p in paths]
    return {r["file"]: r for _, r in parallel_imap(_build_alone, jobs, jobs=2)}


def test_the_manifest_lists_every_report_of_the_corpus():
    assert sorted(MANIFEST) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(MANIFEST) == 156


def test_every_report_builds_alone_and_conforms(alone):
    failed = {name: r["error"] for name, r in alone.items() if r["error"]}
    assert not failed


def test_every_report_has_entities(alone):
    empty = sorted(name for name, r in alone.items() if not r["error"] and r["entities"] == 0)
    assert not empty


def test_every_report_has_the_year_of_the_manifest(alone):
    wrong = {
        name: (r.get("year"), TEXT_YEAR.get(name, MANIFEST[name]["year"]))
        for name, r in alone.items()
        if r.get("year") != TEXT_YEAR.get(name, MANIFEST[name]["year"])
    }
    assert not wrong


def test_the_known_manifest_mistake_is_still_one(alone):
    """If the manifest is corrected, TEXT_YEAR should go: the test says so."""
    for name, year in TEXT_YEAR.items():
        assert MANIFEST[name]["year"] != year


def test_a_report_whose_text_names_no_place_gets_the_manifests():
    """Texts without their title lines (shenzhen-dapeng-2023.txt begins in the review; 11 others only say
    我代表区人民政府) name no place: the MANIFEST.csv beside them says which, so that resolution compares
    their names with the other reports of the place."""
    placeless = [p for p in sorted(CORPUS.glob("*.txt")) if not read_report(p).jurisdiction]
    assert len(placeless) >= 10
    for path in placeless:
        _, meta = describe(read_report(path), path)
        row = MANIFEST[path.name]
        assert meta.jurisdiction and row["place"].endswith(meta.jurisdiction) and meta.level == row["level"], path.name


def test_all_reports_build_together_and_conform(alone, cache):
    """Together, in the other store (the builds alone used rdflib): the graph of all 156 conforms."""
    result = build(sorted(CORPUS.glob("*.txt")), out_dir=None, jobs=2, cache_dir=cache, store="oxigraph")
    summary = result.summary()
    assert summary["reports"] == 156
    assert sum(summary["entities"].values()) > 156
    assert summary["triples"] > 100_000
    # what has no period alone has none together (a class settled across reports may leave out more)
    undated = sum(1 for i in result.unplaced if i.reason == NO_PERIOD)
    assert undated == sum(r["undated"] for r in alone.values() if not r["error"])
