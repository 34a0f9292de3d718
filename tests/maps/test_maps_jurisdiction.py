"""``wujing-kg map --jurisdiction NAME``: the park-cluster map of one jurisdiction's reports, on a
graph of two years of a Shenzhen district and the bundled report (the browser test of its year
slider is in ``test_maps_browser.py``)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rdflib.namespace import PROV

from graph.cli import main
from graph.maps.jurisdiction import jurisdiction_dataset, jurisdictions
from graph.maps.views import MapError
from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.namespaces import WJ
from graph.store.backend import open_graph
from graph.store.queries import run_query


@pytest.fixture(scope="module")
def backend(district_years):
    """The build's store as ``open_graph`` keeps it for every reader (so not closed here)."""
    return open_graph(district_years)


@pytest.fixture(scope="module")
def district_map(district_years, tmp_path_factory):
    path = tmp_path_factory.mktemp("jurisdiction-map") / "longgang.html"
    result = CliRunner().invoke(main, ["map", "--jurisdiction", "龙岗区", "-g", str(district_years), "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"written: {path}\n"
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="wj-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    return html, data


def test_the_graph_lists_the_jurisdictions_its_reports_name(backend):
    assert jurisdictions(backend) == ["吴泾镇", "龙岗区"]


def test_a_jurisdictions_part_holds_only_its_reports_sentences(backend):
    part = jurisdiction_dataset(backend, "龙岗区")
    prov = part.graph(PROVENANCE_GRAPH)
    reports = set(prov.subjects(WJ.jurisdiction, None))
    assert {str(prov.value(r, WJ.year)) for r in reports} == {"2024", "2025"}
    assert {str(prov.value(r, WJ.jurisdiction)) for r in reports} == {"龙岗区"}
    named = [g.identifier for g in part.graphs() if len(g) and g.identifier != PROVENANCE_GRAPH]
    assert named and all(prov.value(g, PROV.wasDerivedFrom) in reports for g in named)
    whole = sum(1 for _ in backend.quads((None, PROV.wasDerivedFrom, None, PROVENANCE_GRAPH)))
    assert len(named) < whole  # the bundled report's sentences are left out


def test_the_map_shows_the_parks_and_clusters_the_query_lists_for_the_jurisdiction(district_map, district_years):
    html, data = district_map
    assert "<h1>园区与产业集群关系图：龙岗区</h1>" in html
    assert data["years"] == ["2024", "2025"]  # the year slider runs over the district's reports
    rows = run_query("jurisdiction_parks_by_year", graph=district_years, jurisdiction="龙岗区")
    listed = {r["entity"] for r in rows}
    drawn = {n["id"] for n in data["nodes"]}
    assert drawn and drawn <= listed
    links = {(r["entity"], r["partner"]) for r in rows if r["partner"] and r["class"] == str(WJ.Park)}
    assert {(e["from"], e["to"]) for e in data["edges"] if e["prop"] in ("members", "stated")} == links
    wujing = {r["entity"] for r in run_query("jurisdiction_parks_by_year", graph=district_years, jurisdiction="吴泾镇")}
    assert not (drawn & wujing) - listed  # nothing only the bundled report names


def test_an_unknown_jurisdiction_is_one_line_naming_those_there_are(district_years, tmp_path):
    result = CliRunner().invoke(main, ["map", "--jurisdiction", "龙岗", "-g", str(district_years),
                                       "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert result.output == ("wujing-kg: error: no report of jurisdiction '龙岗' in the graph; its reports are of: "
                             "吴泾镇, 龙岗区\n")
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(MapError, match="吴泾镇, 龙岗区"):
        jurisdiction_dataset(open_graph(district_years / "wujing.trig"), "南山区")


@pytest.mark.parametrize("args", [[], ["--focus", "华东师大", "--jurisdiction", "吴泾镇"]], ids=["neither", "both"])
def test_the_map_wants_one_of_focus_and_jurisdiction(district_years, tmp_path, args):
    result = CliRunner().invoke(main, ["map", *args, "-g", str(district_years), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "--focus NAME" in result.output and "--jurisdiction NAME" in result.output
