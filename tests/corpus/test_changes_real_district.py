"""``changes_between_years`` on two real reports of one district in consecutive years (corpus/reports/).

Whatever the extractor finds in them, the query must list forward changes that join the two
reports: a stage one report gives a project in the earlier year, a later stage the next year's
report gives it, each with a sentence of its own report that names the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery

from graph.build import build
from graph.model import STAGES
from graph.rdf.iri import report_iri
from graph.resources import QUERY_DIR

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
EARLIER, LATER = "shenzhen-longhua-2024", "shenzhen-longhua-2025"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return build([REPORTS / f"{EARLIER}.txt", REPORTS / f"{LATER}.txt"], out_dir=None,
                 cache_dir=tmp_path_factory.mktemp("cache"))


def test_changes_between_years_lists_forward_changes_across_a_districts_two_reports(district):
    q = prepareQuery((QUERY_DIR / "changes_between_years.rq").read_text(encoding="utf-8"))
    union = Dataset(store=district.dataset.store, default_union=True)
    years = {"yearA": Literal("2024", datatype=XSD.gYear), "yearB": Literal("2025", datatype=XSD.gYear)}
    rows = list(union.query(q, initBindings=years))
    across = [r for r in rows if r.changed.toPython() and r.reportA != r.reportB]
    assert across, "no forward change joins the two reports"
    for r in across:
        assert (r.reportA, r.reportB) == (report_iri(EARLIER), report_iri(LATER))
        assert str(r.move) == "forward"
        stage_a, stage_b = (str(s).rsplit("#", 1)[-1] for s in (r.stageA, r.stageB))
        assert STAGES.index(stage_a) < STAGES.index(stage_b)
        names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in union.objects(r.project, p)}
        assert any(n in str(r.textA) for n in names) and any(n in str(r.textB) for n in names), r.projectLabel
