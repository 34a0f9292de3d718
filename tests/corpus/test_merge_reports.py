"""Report metadata: from the text, from a NAME.meta.yaml sidecar, from ``build --meta``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS

from graph.errors import BuildError
from graph.text.metadata import read_report
from graph.cli import main
from graph.rdf.iri import report_iri
from graph.model import Report
from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.namespaces import WJ as WJR
from graph.rdf.reports import add_descriptions
from graph.rdf.reports import LEVEL_CONCEPTS
from graph.text.metadata import ReportMeta, check_meta, describe, infer_jurisdiction, parse_meta_options, read_sidecar, sidecar_path

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "reports.ttl"
WJNS = str(WJR._NS)

TEXT = "闵行区吴泾镇人民政府\n2026年1月13日\n吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n推动航电基地一期项目开工。\n"


@pytest.mark.parametrize(
    "issuer, expected",
    [
        ("闵行区吴泾镇人民政府", ("吴泾镇", "town")),
        ("上海市闵行区人民政府", ("闵行区", "district")),
        ("闵行区江川路街道办事处", ("江川路街道", "subdistrict")),
        ("上海市人民政府", ("上海市", "province")),  # a municipality of graph/text/divisions.tsv
        ("深圳市人民政府", ("深圳市", "city")),
        ("2026年广西壮族自治区政府工作报告", ("广西壮族自治区", "province")),
        ("贵州省", ("贵州省", "province")),
        ("大鹏新区管理委员会", ("大鹏新区", "district")),
        ("国务院", ("国务院", "national")),
        ("吴泾镇人民政府2026年工作报告", ("吴泾镇", "town")),
        ("工作报告", ("", "")),
    ],
)
def test_the_jurisdiction_is_the_last_administrative_unit_before_the_government(issuer, expected):
    assert infer_jurisdiction(issuer) == expected


def test_metadata_values_are_normalised():
    import datetime

    got = check_meta({"year": 2025, "date": datetime.date(2025, 1, 10), "level": "街道", "title": " 报告 "}, "x")
    assert got == {"year": "2025", "date": "2025-01-10", "level": "subdistrict", "title": "报告"}
    assert check_meta({"date": "2025年1月10日"}, "x") == {"date": "2025-01-10"}


@pytest.mark.parametrize(
    "values, message",
    [
        ({"yaer": "2025"}, "unknown key 'yaer'; known keys: jurisdiction, level"),
        ({"year": "25"}, "year '25' is not a four-digit year"),
        ({"date": "2025-02-30"}, "date '2025-02-30' does not exist"),
        ({"date": "soon"}, "date 'soon' is not a date like 2026-01-13"),
        ({"level": "galaxy"}, "level 'galaxy' is not one of town, subdistrict, district, city, province, national"),
    ],
)
def test_bad_metadata_gets_a_one_line_error_naming_where_it_is(values, message):
    with pytest.raises(BuildError, match="^side.meta.yaml: ") as info:
        check_meta(values, "side.meta.yaml")
    assert message in str(info.value) and "\n" not in str(info.value)


def test_the_sidecar_sits_beside_the_input_with_the_same_stem():
    assert sidecar_path(Path("corpus/wujing-2025.txt")) == Path("corpus/wujing-2025.meta.yaml")
    assert sidecar_path(Path("a/minhang-2024.docx")).name == "minhang-2024.meta.yaml"


@pytest.mark.parametrize(
    "content, message",
    [
        ("year: [2025\n", "not valid YAML: line"),
        ("- 2025\n- 2026\n", "expected key: value lines"),
        ("jurisdiction: 吴泾镇\nlevle: town\n", "unknown key 'levle'"),
    ],
)
def test_a_broken_sidecar_is_a_one_line_error(tmp_path, content, message):
    side = tmp_path / "r.meta.yaml"
    side.write_text(content, encoding="utf-8")
    with pytest.raises(BuildError, match=message) as info:
        read_sidecar(side)
    assert str(side) in str(info.value) and "\n" not in str(info.value)


def test_an_empty_sidecar_describes_the_report_from_its_text(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.meta.yaml").write_text("# nothing to add\n", encoding="utf-8")
    report, meta = describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt", {})
    assert meta.described is False  # an empty sidecar adds nothing
    report, meta = describe(report, tmp_path / "r.txt", {"source": "https://example.org/r"})
    assert meta.described and (meta.jurisdiction, meta.level) == ("吴泾镇", "town")
    assert report.source == "https://example.org/r" and report.year == "2026"


def test_command_line_metadata_overrides_the_sidecar_which_overrides_the_text(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.meta.yaml").write_text("year: 2027\njurisdiction: 闵行区\ntitle: 侧车标题\n", encoding="utf-8")
    report = read_report(tmp_path / "r.txt")
    assert report.year == "2026"
    report, meta = describe(report, tmp_path / "r.txt", parse_meta_options(["title=命令行标题"]))
    assert (report.year, report.title) == ("2027", "命令行标题")
    assert (meta.jurisdiction, meta.level) == ("闵行区", "district")


PLACELESS = "现在，我代表区人民政府向大会作工作报告。\n一、2025年工作回顾\n推动航电基地一期项目开工。\n"
MANIFEST = "file,place,level,year\nr.txt,深圳市大鹏新区,district,2026\nplaced.txt,上海市闵行区,district,2026\n"


def test_a_manifest_beside_a_report_gives_the_place_its_text_does_not_name(tmp_path):
    (tmp_path / "r.txt").write_text(PLACELESS, encoding="utf-8")
    (tmp_path / "MANIFEST.csv").write_text(MANIFEST, encoding="utf-8")
    assert read_report(tmp_path / "r.txt").jurisdiction == ""
    _, meta = describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt")
    assert (meta.jurisdiction, meta.level) == ("大鹏新区", "district")


def test_the_texts_place_and_the_sidecar_win_over_the_manifest(tmp_path):
    (tmp_path / "placed.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.txt").write_text(PLACELESS, encoding="utf-8")
    (tmp_path / "r.meta.yaml").write_text("jurisdiction: 南山区\n", encoding="utf-8")
    (tmp_path / "MANIFEST.csv").write_text(MANIFEST, encoding="utf-8")
    assert describe(read_report(tmp_path / "placed.txt"), tmp_path / "placed.txt")[1].jurisdiction == "吴泾镇"
    assert describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt")[1].jurisdiction == "南山区"


def test_a_manifest_without_a_place_column_says_nothing(tmp_path):
    (tmp_path / "r.txt").write_text(PLACELESS, encoding="utf-8")
    (tmp_path / "MANIFEST.csv").write_text("name,where\nr.txt,深圳市\n", encoding="utf-8")
    assert describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt")[1].jurisdiction == ""


def test_the_sidecar_year_decides_the_period_of_the_sentences(tmp_path):
    from graph.extract.pipeline import extract

    text = "吴泾镇人民政府工作报告\n三、主要任务\n推动航电基地一期项目开工。\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yaml").write_text("year: 2027\n", encoding="utf-8")
    report, _ = describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt")
    assert {m.period for m in extract(report).milestones} == {"2027"}


def test_a_report_without_sidecar_or_options_is_left_unchanged():
    report = Report(slug="x", text=TEXT, title="t", year="2026")
    again, meta = describe(report, Path("/nonexistent/x.txt"), None)
    assert again is report and meta.described is False
    ds = Dataset()
    add_descriptions(ds, [meta])
    assert len(ds) == 0 and sum(len(g) for g in ds.graphs()) == 0


def test_a_described_report_gets_jurisdiction_and_level_in_the_provenance_graph():
    ds = Dataset()
    add_descriptions(ds, [ReportMeta(slug="minhang-2025", jurisdiction="闵行区", level="district", described=True)])
    prov = ds.graph(PROVENANCE_GRAPH)
    assert set(prov) == {
        (report_iri("minhang-2025"), WJR.jurisdiction, Literal("闵行区", lang="zh")),
        (report_iri("minhang-2025"), WJR.level, WJR.District),
    }


def test_build_meta_option_describes_every_input(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(src), "--out", str(out), "--no-cache", "--meta", "jurisdiction=吴泾镇",
               "--meta", "source=https://example.org/wujing-2026"]
    )
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out / "wujing.trig", format="trig")
    node = report_iri("r")
    assert (node, WJR.jurisdiction, Literal("吴泾镇", lang="zh"), PROVENANCE_GRAPH) in ds
    assert (node, WJR.level, WJR.Town, PROVENANCE_GRAPH) in ds
    assert (node, DCTERMS.source, Literal("https://example.org/wujing-2026"), PROVENANCE_GRAPH) in ds


def test_a_bad_meta_option_is_a_one_line_error_and_exit_status_1(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--meta", "jurisdiction"])
    assert result.exit_code == 1
    assert result.output.strip() == "wujing-kg: error: --meta 'jurisdiction': expected KEY=VALUE, e.g. jurisdiction=吴泾镇"


# ---------------------------------------------------------------- ontology/reports.ttl


def declared() -> set[str]:
    g = Graph().parse(ONTOLOGY, format="turtle")
    return {str(s)[len(WJNS):] for s in g.subjects() if str(s).startswith(WJNS)}


def test_the_namespace_class_lists_every_term_of_reports_ttl():
    assert declared() <= set(WJR.__annotations__)


def test_every_level_is_a_concept_of_the_scheme():
    from rdflib import RDF
    from rdflib.namespace import SKOS

    g = Graph().parse(ONTOLOGY, format="turtle")
    for name, concept in LEVEL_CONCEPTS.items():
        assert (concept, RDF.type, WJR.AdministrativeLevel) in g
        assert (concept, SKOS.notation, Literal(name)) in g
        assert (WJR.AdministrativeLevels, SKOS.hasTopConcept, concept) in g


def test_every_level_a_report_can_be_of_has_its_concept():
    from graph.text.metadata import LEVELS

    assert set(LEVEL_CONCEPTS) == set(LEVELS) == {"town", "subdistrict", "district", "city", "province", "national"}


def test_a_report_read_from_its_text_gets_the_jurisdiction_and_level_it_names(tmp_path):
    (tmp_path / "r.txt").write_text("2026年安徽省政府工作报告\n一、2025年工作回顾\n推动A项目开工。\n", encoding="utf-8")
    report, meta = describe(read_report(tmp_path / "r.txt"), tmp_path / "r.txt")
    assert (report.year, meta.jurisdiction, meta.level, meta.described) == ("2026", "安徽省", "province", False)
    ds = Dataset()
    add_descriptions(ds, [meta])
    node = report_iri("r")
    assert (node, WJR.jurisdiction, Literal("安徽省", lang="zh"), PROVENANCE_GRAPH) in ds
    assert (node, WJR.level, WJR.Province, PROVENANCE_GRAPH) in ds
