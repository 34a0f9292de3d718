"""Figures of any report: areas, clusters and periods come from the report's text, never from constants.

Small texts written in the forms of real reports (district, city and provincial reports of other
years); the bundled report's own answers are pinned by tests/extract/test_indicators_report.py.
"""

from __future__ import annotations

import ast
import csv
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Dataset
from rdflib.namespace import SKOS

from graph.extract import figures
from graph.extract.figures import LEADING, NO_PERIOD, area_of, cluster_names, extract_indicators
from graph.model import Entity, Extraction, Mention, Report
from graph.rdf import cube
from graph.rdf.cube import WJI, add_observations, area_iri, cube_graph, indicators_graph, INDICATORS_GRAPH
from graph.rdf.iri import entity_iri
from graph.text.sentences import split_sentences
from graph.validate.cube import validate_indicators

ROOT = Path(__file__).resolve().parents[2]


def _extraction(text: str, year: str, clusters: dict[str, set[str]] | None = None) -> Extraction:
    """A report with the given industry clusters (name -> aliases) as its only entities."""
    report = Report(slug="r", text=text, year=year)
    entities = {}
    for name, aliases in (clusters or {}).items():
        start = text.find(name)
        mentions = [Mention(name, start, start + len(name), "IndustryCluster", "test", 0, name)] if start >= 0 else []
        entities[name] = Entity(name, "IndustryCluster", set(aliases), mentions)
    return Extraction(report, split_sentences(text, year), entities, [], [])


def _read(text: str, year: str, clusters: dict[str, set[str]] | None = None):
    ex = _extraction(text, year, clusters)
    return extract_indicators(ex.report, clusters=cluster_names(ex)), ex


# fmt: off
@pytest.mark.parametrize("lead, area", [
    ("其中镇本级完成", "OwnLevel"),
    ("区本级完成", "OwnLevel"),
    ("市本级财政完成", "OwnLevel"),
    ("中央本级支出安排", "OwnLevel"),
    ("全镇（含紫竹）规上工业总产值完成", "全镇（含紫竹）"),
    ("全区(含前海合作区)完成", "全区（含前海合作区）"),
    ("全区完成", "Whole"),
    ("全省完成", "Whole"),
    ("", "Whole"),
])
# fmt: on
def test_the_area_of_a_figure_is_what_its_clause_says(lead, area):
    assert area_of(lead) == area


def test_a_district_reports_own_level_is_its_own_level():
    result, _ = _read("一、2022年工作回顾\n全区完成财政总收入300亿元，其中区本级完成财政总收入80亿元。\n", "2023")
    assert [(str(o.value), o.area, o.period, o.kind) for o in result.observations] == [
        ("300", "Whole", "2022", "Actual"), ("80", "OwnLevel", "2022", "Actual"),
    ]  # fmt: skip


def test_this_years_plan_is_a_target_whatever_the_year():
    result, _ = _read("一、2024年工作回顾\n完成财政总收入142亿元。\n二、2025年工作安排\n财政总收入达到150亿元。\n", "2025")
    assert [(str(o.value), o.period, o.kind) for o in result.observations] == [
        ("142", "2024", "Actual"), ("150", "2025", "Target"),
    ]  # fmt: skip


TARGETS = "二、“十五五”时期主要目标任务\n到2030年，主导产业规模达到500亿元，其中集成电路300亿元，生物医药（新药）200亿元。\n"


def test_a_figures_cluster_is_one_of_the_reports_own_clusters():
    result, _ = _read(TARGETS, "2026", {"集成电路": set(), "生物医药": {"生物医药（新药）"}})
    got = [(str(o.value), o.period, o.cluster) for o in result.observations]
    assert got == [("500", "2030", LEADING), ("300", "2030", "集成电路"), ("200", "2030", "生物医药")]
    assert result.leading == {"集成电路", "生物医药"}


def test_a_name_that_is_no_cluster_of_the_report_gives_no_cluster():
    result, _ = _read(TARGETS, "2026", {"集成电路": set()})
    assert {o.cluster for o in result.observations} <= {LEADING, "集成电路"}
    assert result.leading == {"集成电路"}


def test_a_cluster_inside_a_broader_one_counts_as_the_broader():
    ex = _extraction("二、2026年工作安排\n推动民用航空机载装备产业集群发展。\n", "2026",
                     {"民用航空": set(), "民用航空机载装备产业集群": set()})
    ex.facts.append(("民用航空机载装备产业集群", "broader", "民用航空", 1))
    assert cluster_names(ex)["民用航空机载装备产业集群"] == "民用航空"


def test_a_figure_of_a_glossary_or_the_preamble_is_left_out_for_want_of_a_period():
    text = "全年财政总收入142亿元。\n一、2024年工作回顾\n完成财政总收入150亿元。\n名词解释\n1.财政总收入2015年为100亿元。\n"
    result, _ = _read(text, "2025")
    assert [str(o.value) for o in result.observations] == ["150"]
    assert [(f.text, f.reason) for f in result.unplaced] == [("142亿元", NO_PERIOD), ("100亿元", NO_PERIOD)]


def test_the_cube_of_another_report_conforms_and_declares_the_codes_it_uses():
    text = "一、2025年工作回顾\n全区（含前海）完成财政总收入300亿元。\n" + TARGETS
    result, ex = _read(text, "2026", {"集成电路": set(), "生物医药": {"生物医药（新药）"}})
    ds = Dataset()
    for triple in indicators_graph():
        ds.graph(INDICATORS_GRAPH).add(triple)
    add_observations(ds, result, ex)
    for name in ("集成电路", "生物医药"):  # the entities the RDF of the extraction would type
        ds.graph(INDICATORS_GRAPH).add((entity_iri(name), RDF.type, cube.WJ.IndustryCluster))
    meta = ds.graph(INDICATORS_GRAPH)
    area = area_iri("全区（含前海）")
    assert (area, SKOS.inScheme, WJI.Areas) in meta
    assert (WJI.LeadingClusters, SKOS.narrower, entity_iri("集成电路")) in meta
    assert (entity_iri("集成电路"), SKOS.inScheme, WJI.Clusters) in meta
    report = validate_indicators(cube_graph(ds))
    assert report.conforms, str(report)


def _string_constants(path: Path) -> list[str]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
        and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docstrings]


@pytest.mark.parametrize("module", [figures, cube], ids=["figures", "cube"])
def test_no_name_of_the_bundled_report_is_a_constant_of_the_indicator_code(module):
    with (ROOT / "graph" / "extract" / "lexicon.tsv").open(encoding="utf-8") as fh:
        names = {row[0] for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")}
    names |= {"吴泾", "紫竹", "闵行", "镇本级"}
    found = {(name, s) for s in _string_constants(Path(module.__file__)) for name in names if name and name in s}
    assert not found
    assert not any(c in s for s in _string_constants(Path(module.__file__)) for c in ("2025", "2026", "2030"))


def test_values_of_money_keep_their_yuan():
    result, _ = _read("一、2022年工作回顾\n全区完成财政总收入300亿元。\n", "2023")
    assert result.observations[0].cny == Decimal(300) * 10**8
