"""graph.baselines: which figure each target is compared with (wji:baseline).

The rule on plain strings: a handful of figures and reports.  The links of real builds (rdflib and
Oxigraph, two towns and two years) are tested in test_queries_indicators_towns.py.
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS

from graph.rdf.baselines import baselines
from graph.rdf.cube import QB, WJI
from graph.rdf.namespaces import WJ
from graph.rdf.namespaces import WJ as WJR

TARGET, STRETCH, ACTUAL, ESTIMATE = (str(WJI[k]) for k in ("Target", "StretchTarget", "Actual", "Estimate"))


def _figure(iri, kind, period, dataset, indicator="rev", area="town", cluster="none", unit="亿元"):
    return {"iri": iri, "kind": kind, "period": period, "dataset": dataset, "indicator": indicator,
            "area": area, "cluster": cluster, "unit": unit}


def _links(figures, reports=(), stocks=()):
    """baselines() of figures (dicts), reports ((dataset, jurisdiction, year), ...) and stocks."""
    facts: dict[str, list] = {}

    def add(p, s, o):
        if o is not None:
            facts.setdefault(str(p), []).append((s, o))

    for f in figures:
        for p, key in ((WJI.kind, "kind"), (WJI.indicator, "indicator"), (WJI.refArea, "area"),
                       (WJI.cluster, "cluster"), (WJI.unit, "unit"), (WJI.refPeriod, "period"),
                       (QB.dataSet, "dataset")):
            add(p, f["iri"], f[key])
    for dataset, place, year in reports:
        add(DCTERMS.source, dataset, f"report-{dataset}")
        add(WJR.jurisdiction, f"report-{dataset}", place)
        add(WJ.year, f"report-{dataset}", year)
    for indicator, stock in stocks:
        add(WJI.incrementOf, indicator, stock)
    return dict(baselines(lambda p: facts.get(p, [])))


def test_a_target_is_compared_with_the_latest_one_year_figure_of_its_own_report():
    links = _links([_figure("t", TARGET, "2030", "d"), _figure("a24", ACTUAL, "2024", "d"),
                    _figure("e25", ESTIMATE, "2025", "d"), _figure("span", ACTUAL, "2021-2025", "d")])
    assert links == {"t": "e25"}


def test_an_actual_wins_over_an_estimate_of_the_same_year():
    links = _links([_figure("t", STRETCH, "2030", "d"), _figure("e", ESTIMATE, "2025", "d"),
                    _figure("a", ACTUAL, "2025", "d")])
    assert links == {"t": "a"}


def test_only_figures_of_the_same_area_cluster_and_unit_are_candidates():
    links = _links([_figure("t", TARGET, "2030", "d"), _figure("other-area", ACTUAL, "2025", "d", area="level"),
                    _figure("other-cluster", ACTUAL, "2025", "d", cluster="ai"),
                    _figure("other-unit", ACTUAL, "2025", "d", unit="%"), _figure("other-indicator", ACTUAL, "2025", "d", indicator="x")])
    assert links == {}


def test_a_target_of_additions_is_compared_with_the_stock_it_adds_to():
    links = _links([_figure("t", TARGET, "2026-2030", "d", indicator="new"), _figure("s", ACTUAL, "2025", "d", indicator="stock")],
                   stocks=[("new", "stock")])
    assert links == {"t": "s"}


def test_an_earlier_report_of_the_same_town_counts_and_a_later_one_or_another_town_does_not():
    figures = [_figure("t", TARGET, "2030", "w27"), _figure("w26-2025", ESTIMATE, "2025", "w26"),
               _figure("w28-2027", ACTUAL, "2027", "w28"), _figure("m26-2026", ACTUAL, "2026", "m26")]
    reports = [("w26", "吴泾镇", "2026"), ("w27", "吴泾镇", "2027"), ("w28", "吴泾镇", "2028"), ("m26", "马桥镇", "2026")]
    assert _links(figures, reports) == {"t": "w26-2025"}


def test_among_figures_of_the_same_year_the_latest_reports_wins():
    figures = [_figure("t", TARGET, "2030", "w27"), _figure("w26", ESTIMATE, "2025", "w26"),
               _figure("w27", ESTIMATE, "2025", "w27"), _figure("w25", ACTUAL, "2025", "w25")]
    reports = [("w25", "吴泾镇", "2025"), ("w26", "吴泾镇", "2026"), ("w27", "吴泾镇", "2027")]
    assert _links(figures, reports) == {"t": "w27"}


def test_a_report_without_jurisdiction_or_year_takes_its_baselines_from_itself_only():
    figures = [_figure("t", TARGET, "2030", "x"), _figure("other", ACTUAL, "2025", "y")]
    assert _links(figures, [("y", "吴泾镇", "2026")]) == {}
