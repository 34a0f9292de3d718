"""``jurisdiction_parks_by_year``: each year's parks and clusters of one jurisdiction, worked out
independently from the quads (which sentence graph says what, which report each sentence comes
from), on two years of a Shenzhen district and the bundled report in one graph, the same row for
row with rdflib and with Oxigraph."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import RDF, RDFS, Dataset
from rdflib.namespace import PROV

from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.namespaces import WJ
from graph.store.queries import run_query

from queries_helpers import bag

QUERY = "jurisdiction_parks_by_year"
KINDS = (WJ.Park, WJ.IndustryCluster)


@pytest.fixture(scope="module")
def ds(district_years) -> Dataset:
    d = Dataset()
    d.parse(district_years / "wujing.trig", format="trig")
    return d


def expected_rows(ds: Dataset) -> set[tuple]:
    """(jurisdiction, year, class, entity, partner or None, members or None, direct or None, first year)."""
    prov = ds.graph(PROVENANCE_GRAPH)
    report_of = {str(s): o for s, o in prov.subject_objects(PROV.wasDerivedFrom)}
    place = {r: (str(prov.value(r, WJ.jurisdiction)), str(prov.value(r, WJ.year))) for r in set(report_of.values())}
    named, direct = defaultdict(set), set()
    located, in_cluster = defaultdict(set), defaultdict(set)  # (member, park | cluster) -> reports
    for g in ds.graphs():
        report = report_of.get(str(g.identifier))
        if report is None:
            continue
        classes = {s: o for s, o in g.subject_objects(RDF.type) if o in KINDS}
        for entity, cls in classes.items():
            named[place[report]].add((cls, entity))
        for s, o in g.subject_objects(WJ.locatedIn):
            located[(s, o)].add(report)
        for s, o in g.subject_objects(WJ.inCluster):
            in_cluster[(s, o)].add(report)
    union_class = {s: o for g in ds.graphs() for s, o in g.subject_objects(RDF.type) if o in KINDS}
    links: dict[tuple, dict] = defaultdict(lambda: {"members": set(), "direct": 0})
    for (s, cluster), reports in in_cluster.items():
        if union_class.get(cluster) != WJ.IndustryCluster:
            continue
        if union_class.get(s) == WJ.Park:
            for r in reports:
                links[(place[r], s, cluster)]["direct"] = 1
        for (member, park), placed in located.items():
            if member == s and union_class.get(park) == WJ.Park:
                for r in reports & placed:
                    links[(place[r], park, cluster)]["members"].add(member)
    first = {}
    for (jurisdiction, year), entities in named.items():
        for _cls, entity in entities:
            first[(jurisdiction, entity)] = min(year, first.get((jurisdiction, entity), year))
    rows = {(*where, cls, e, None, None, None, first[(where[0], e)]) for where, es in named.items() for cls, e in es}
    for (where, park, cluster), link in links.items():
        n, d = len(link["members"]), link["direct"]
        rows.add((*where, WJ.Park, park, cluster, n, d, first[(where[0], park)]))
        rows.add((*where, WJ.IndustryCluster, cluster, park, n, d, first[(where[0], cluster)]))
    return {tuple(None if v is None else str(v) for v in row) for row in rows}


def rows_of(answer) -> set[tuple]:
    cols = ("jurisdiction", "year", "class", "entity", "partner", "members", "direct", "firstYear")
    return {tuple(None if r[c] is None else str(r[c]) for c in cols) for r in answer}


@pytest.fixture(scope="module")
def on_both(district_years):
    """The answer to the query with ``params`` from Oxigraph (the build's store), asserted to be the
    same bag of rows as rdflib's (the build's TriG)."""
    def ask(**params):
        answers = {target: run_query(QUERY, graph=target, terms=True, **params)
                   for target in (district_years / "wujing.trig", district_years)}
        rdflib_rows, oxigraph_rows = answers.values()
        assert bag(rdflib_rows, rdflib_rows.vars) == bag(oxigraph_rows, rdflib_rows.vars), params
        return oxigraph_rows
    return ask


def test_every_years_parks_clusters_and_links_are_those_its_report_states(ds, on_both):
    expected = expected_rows(ds)
    assert rows_of(on_both()) == expected
    assert {row[0] for row in expected} == {"龙岗区", "吴泾镇"}
    assert any(row[4] is not None for row in expected if row[0] == "龙岗区")  # the district has links


def test_a_jurisdiction_and_a_year_select_that_reports_rows(ds, on_both):
    expected = {row for row in expected_rows(ds) if row[:2] == ("龙岗区", "2025")}
    rows = on_both(jurisdiction="龙岗区", year="2025")
    assert rows_of(rows) == expected and expected
    assert {str(r["year"]) for r in rows} == {"2025"}
    assert all(r["entityLabel"] for r in rows) and all(r["partnerLabel"] for r in rows if r["partner"])


def test_first_year_says_which_parks_the_later_report_named_first(on_both):
    rows = on_both(jurisdiction="龙岗区")
    named = defaultdict(set)
    for r in rows:
        named[str(r["year"])].add(r["entity"])
    assert named["2024"] & named["2025"] and named["2025"] - named["2024"]  # both kinds in this district
    for r in rows:
        assert str(r["firstYear"]) == ("2024" if r["entity"] in named["2024"] else str(r["year"]))


def test_the_row_without_a_partner_has_no_counts(on_both):
    rows = on_both(jurisdiction="吴泾镇", year="2026")
    alone = [r for r in rows if r["partner"] is None]
    assert alone and all(r["members"] is None and r["direct"] is None and r["partnerLabel"] is None for r in alone)
    assert {r["entity"] for r in rows if r["partner"] is not None} <= {r["entity"] for r in alone}
