"""indicators_targets_vs_actuals on a graph of two towns and two years.

Four short reports made from the bundled report's own sentences (its 2025 review of the fiscal
revenue, 财政总收入…142亿元, and its 2030 targets, 180亿元 and 力争200亿元), each described by a sidecar
(wj:jurisdiction):

* 吴泾 2026: the 2025 estimate (142) and the 2030 targets;
* 吴泾 2027: the 2030 targets only, without the current value;
* 马桥 2026: the 2025 estimate (150, another town's figure) and the 2030 targets;
* 马桥 2027: the 2026 estimate (170), the latest figure of the whole corpus, and no targets.

A target's base is the latest figure of its own town known when its report was written: 142 for
both 吴泾 reports (the 2027 one takes it from the 2026 report), 150 for 马桥 2026, never 170 (a later
report) nor the other town's figure.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal

from graph.build import build
from graph.resources import DEFAULT_REPORT
from graph.rdf.cube import INDICATOR, INDICATORS_GRAPH, WJI

ROOT = Path(__file__).resolve().parents[2]
QUERY = ROOT / "queries" / "indicators_targets_vs_actuals.rq"
FISCAL = INDICATOR["fiscal-revenue"]


def _line(text: str, start: str) -> str:
    (line,) = [ln for ln in text.splitlines() if ln.startswith(start)]
    return line


def _report(town: str, year: int, review: str | None, plan: str | None) -> str:
    """A report in the bundled report's layout: title, issuer and date, then its sections."""
    parts = [f"{town}镇人民政府{year}年工作报告", "", f"闵行区{town}镇人民政府", f"{year}年1月13日", ""]
    if review is not None:
        parts += [f"一、{year - 1}年工作回顾", "（一）经济发展", review]
    if plan is not None:
        parts += ["二、关于“十五五”规划纲要（草案）的说明", "（一）“十五五”时期经济社会发展的奋斗目标", plan]
    return "\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def towns(tmp_path_factory):
    text = DEFAULT_REPORT.read_text(encoding="utf-8")
    review = _line(text, "1.经济指标稳步增长。预计全年完成财政总收入142亿元")
    plan = _line(text, "“十五五”期间，吴泾将立足服务")
    assert "财政总收入达到180亿元以上（力争迈上200亿元新台阶）" in plan
    src = tmp_path_factory.mktemp("towns")
    reports = {
        "wujing-2026": ("吴泾", 2026, review, plan),
        "wujing-2027": ("吴泾", 2027, None, plan),
        "maqiao-2026": ("马桥", 2026, review.replace("142亿元", "150亿元"), plan.replace("吴泾", "马桥")),
        "maqiao-2027": ("马桥", 2027, review.replace("142亿元", "170亿元"), None),
    }
    inputs = []
    for slug, (town, year, rev, pln) in reports.items():
        path = src / f"{slug}.txt"
        path.write_text(_report(town, year, rev, pln), encoding="utf-8")
        (src / f"{slug}.meta.yaml").write_text(f"jurisdiction: {town}镇\nlevel: town\n", encoding="utf-8")
        inputs.append(path)
    out = tmp_path_factory.mktemp("towns-out")
    result = build(inputs, out_dir=out)
    result.out_dir = out
    result.inputs = inputs
    return result


def _fiscal_rows(rows) -> dict:
    """{report slug: [(target value, base value, base year), ...]} of the fiscal revenue targets."""
    found: dict = {}
    for r in rows:
        if str(r["indicator"]) != str(FISCAL):
            continue
        slug = str(r["target"]).split("/report/")[1].split("/")[0]
        base = None if r["baseValue"] is None else Decimal(str(r["baseValue"]))
        year = None if r["baseYear"] is None else int(r["baseYear"])
        found.setdefault(slug, []).append((Decimal(str(r["targetValue"])), base, year))
    return {k: sorted(v) for k, v in found.items()}


def _rdflib(towns, **bindings) -> list[dict]:
    result = towns.union.query(QUERY.read_text(encoding="utf-8"), initBindings=bindings)
    return [{str(v): row[v] for v in result.vars} for row in result]


def _oxigraph(towns) -> list[dict]:
    store = ox.Store()
    store.load(path=str(towns.out_dir / "wujing.trig"), format=ox.RdfFormat.TRIG)
    result = store.query(QUERY.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    names = [v.value for v in result.variables]

    def term(value):
        return None if value is None else Literal(value.value) if isinstance(value, ox.Literal) else value.value

    return [{n: term(row[n]) for n in names} for row in result]


def test_the_four_reports_state_the_figures_the_test_relies_on(towns):
    """The corpus is what the module docstring says (so that the assertions below mean something)."""
    q = """PREFIX wji: <https://w3id.org/wujing-kg/ontology/indicators#>
    SELECT ?obs ?period ?kind ?value WHERE {
      ?obs wji:indicator <https://w3id.org/wujing-kg/id/indicator/fiscal-revenue> ; wji:refArea wji:Whole ;
           wji:refPeriod ?period ; wji:kind ?kind ; wji:value ?value }"""
    figures = {
        (str(r.obs).split("/report/")[1].split("/")[0], str(r.period), str(r.kind).rsplit("#")[1], int(r.value))
        for r in towns.union.query(q)
    }
    assert figures == {
        ("wujing-2026", "2025", "Estimate", 142), ("wujing-2026", "2030", "Target", 180),
        ("wujing-2026", "2030", "StretchTarget", 200),
        ("wujing-2027", "2030", "Target", 180), ("wujing-2027", "2030", "StretchTarget", 200),
        ("maqiao-2026", "2025", "Estimate", 150), ("maqiao-2026", "2030", "Target", 180),
        ("maqiao-2026", "2030", "StretchTarget", 200),
        ("maqiao-2027", "2026", "Estimate", 170),
    }


def test_each_target_is_compared_with_its_own_towns_latest_figure_known_when_it_was_set(towns):
    rows = _rdflib(towns)
    assert _fiscal_rows(rows) == {
        # the town's own 2025 estimate, not 马桥's 150 nor the later 170
        "wujing-2026": [(Decimal(180), Decimal(142), 2025), (Decimal(200), Decimal(142), 2025)],
        # no figure in the report itself: the latest the town published before (its 2026 report)
        "wujing-2027": [(Decimal(180), Decimal(142), 2025), (Decimal(200), Decimal(142), 2025)],
        # 马桥's own 2025 figure; its 2027 report (170) came later
        "maqiao-2026": [(Decimal(180), Decimal(150), 2025), (Decimal(200), Decimal(150), 2025)],
    }


def test_one_row_per_target_with_the_growth_worked_out_from_its_own_base(towns):
    rows = _rdflib(towns)
    assert len(rows) == len({str(r["target"]) for r in rows})
    (row,) = [r for r in rows if str(r["target"]).split("/report/")[1].startswith("maqiao-2026/")
              and r["kind"] == WJI.Target and str(r["indicator"]) == str(FISCAL)]
    exact = (math.pow(180 / 150, 1 / 5) - 1) * 100
    assert abs(float(row["growthNeededPct"]) - exact) <= 0.0051
    assert (int(row["years"]), Decimal(str(row["perYear"]))) == (5, Decimal("6"))


def test_the_answer_can_be_asked_for_one_indicator(towns):
    rows = _rdflib(towns, indicator=FISCAL)
    assert {str(r["indicator"]) for r in rows} == {str(FISCAL)}
    assert _fiscal_rows(rows) == _fiscal_rows(_rdflib(towns))


def test_oxigraph_gives_the_same_bases(towns):
    assert _fiscal_rows(_oxigraph(towns)) == _fiscal_rows(_rdflib(towns))
    assert len(_oxigraph(towns)) == len(_rdflib(towns))


# ---------------------------------------------------------------- the links the build makes (graph.baselines)


def _trig_links(path) -> set[tuple[str, str]]:
    ds = Dataset()
    ds.parse(path, format="trig")
    return {(str(s), str(o)) for s, _, o in ds.graph(INDICATORS_GRAPH).triples((None, WJI.baseline, None))}


def test_the_rdflib_and_the_oxigraph_build_link_the_same_targets(towns, tmp_path):
    rdflib_links = _trig_links(towns.out_dir / "wujing.trig")
    assert rdflib_links, "the four-report corpus has targets with baselines"
    out = tmp_path / "ox"
    build(towns.inputs, out_dir=out, store="oxigraph")
    assert _trig_links(out / "wujing.trig") == rdflib_links
    store = ox.Store.read_only(str(out / "oxigraph"))
    in_store = {(q.subject.value, q.object.value)
                for q in store.quads_for_pattern(None, ox.NamedNode(str(WJI.baseline)), None, ox.DefaultGraph())}
    assert in_store == rdflib_links


def test_each_fiscal_target_is_linked_to_its_towns_figure(towns):
    links = _trig_links(towns.out_dir / "wujing.trig")
    by_report = {t.split("/report/")[1].split("/")[0]: b.split("/report/")[1].split("/")[0]
                 for t, b in links if "/fiscal-revenue/" in t}
    assert by_report == {"wujing-2026": "wujing-2026", "wujing-2027": "wujing-2026", "maqiao-2026": "maqiao-2026"}
