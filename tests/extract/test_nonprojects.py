"""What is no project, even with a stage: a water body kept up, housing, a land parcel
(graph/extract/nonprojects.tsv, NONPROJECTS.md; GUIDE.md "Not projects, even with a stage").

The synthetic sentences use names no lexicon lists (澜川河, 汀浦浜 …), written the way the corpus's
reports write rivers, estates and parcels.
"""

from pathlib import Path

import pytest

from graph.extract.nonprojects import (
    KINDS, NONPROJECTS_PATH, REASONS, NonProjectsError, load_nonprojects,
)
from graph.extract.pipeline import extract
from graph.extract.unplaced import leave_out, summary_line
from graph.model import Report
from graph.text.clean import clean

ROOT = Path(__file__).resolve().parents[2]


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def left_out(ex) -> dict[str, str]:
    return {name: reason for name, reason, _ in ex.left_out}


# -- the bundled report --------------------------------------------------------------------------

#: The bundled report's rivers under 治理, its estates of 万科青藤…等高品质住宅竣工 and its land sale.
BUNDLED_NONPROJECTS = {
    "乐道浜": "water", "家西河": "water", "江川河": "water",
    "万科青藤": "housing", "光合上城": "housing", "兰香湖贰号": "housing", "花厅安置房": "housing",
    "兰香湖商品住宅及高品质酒店地块": "parcel",
}


def test_the_bundled_reports_rivers_estates_and_land_sale_are_no_projects(extraction):
    assert not set(BUNDLED_NONPROJECTS) & set(extraction.entities)
    assert not {m.project for m in extraction.milestones} & set(BUNDLED_NONPROJECTS)
    assert {r.subject for r in extraction.relations} | {r.object for r in extraction.relations} <= set(extraction.entities)
    assert {name: reason for name, reason in left_out(extraction).items() if name in BUNDLED_NONPROJECTS} == {
        name: REASONS[kind] for name, kind in BUNDLED_NONPROJECTS.items()}


def test_the_bundled_reports_nonprojects_are_listed_unplaced_with_their_sentence(extraction):
    _, items = leave_out([extraction])
    rows = {i.text: i for i in items if i.kind == "entity"}
    for name, kind in BUNDLED_NONPROJECTS.items():
        assert rows[name].reason == REASONS[kind]
        assert name in rows[name].sentence_text, rows[name]
    assert "江川河等2条河道治理" in rows["江川河"].sentence_text
    assert "等高品质住宅竣工" in rows["万科青藤"].sentence_text
    assert "3 entities (no project: a water body kept up)" in summary_line(items)


def test_the_bundled_reports_works_and_what_is_built_on_a_parcel_stay_projects(extraction):
    for name in ("俞塘泵闸", "六磊塘泵闸", "黄浦江防汛墙（二期）提标改造", "紫竹科学园区09A-08A地块幼儿园",
                 "09A-09A地块小学", "虹台地块AI科技农业项目", "兰香湖南路"):
        assert extraction.entities[name].cls == "Project", name


# -- water bodies --------------------------------------------------------------------------------

# fmt: off
@pytest.mark.parametrize(
    "sentence, river",
    [
        ("加快澜川河、汀浦浜治理进度。", "澜川河"),                 # bare, in a clause of upkeep
        ("加快澜川河、汀浦浜治理进度。", "汀浦浜"),
        ("基本完成澜川河等2条河道治理。", "澜川河"),
        ("扎实做好澜川河、汀浦河等35条河流综合整治。", "汀浦河"),
        ("推进澜川河综合整治。", "澜川河综合整治"),                # the upkeep in the name's tail
        ("推进汀浦河综合治理。", "汀浦河综合治理"),
        ("推进澜川河、汀浦河清淤。", "澜川河"),
        ("开工澜江池州段河道治理、淠史杭灌区现代化改造等工程。", "澜江池州段河道治理"),  # in a list of works too
        ("推动澜川河、汀浦河水质达标建设。", "汀浦河"),
    ],
)
# fmt: on
def test_a_water_body_kept_up_is_no_project_and_is_listed(sentence, river):
    ex = run(sentence)
    assert river not in ex.entities
    assert left_out(ex).get(river) == REASONS["water"], (sorted(ex.entities), ex.left_out)


# fmt: off
@pytest.mark.parametrize(
    "sentence, works",
    [
        ("推进澜川河治理二期工程建设。", "澜川河治理二期"),        # a works head (the phase names the works)
        ("开工建设澜川河治理四期工程，加强河道保护。", "澜川河治理四期"),
        ("推进澜川河综合整治工程。", "澜川河综合整治工程"),        # no 澜川河 project: a river is no facility
        ("推进澜川河碧道建设和水质提升。", "澜川河碧道"),
        ("加快汀浦水库建设，推进汀浦河清淤。", "汀浦水库"),
        ("加快汀浦海堤建设，推进近岸海域综合整治。", "汀浦海堤"),
    ],
)
# fmt: on
def test_a_works_named_with_a_works_head_stays_a_project(sentence, works):
    ex = run(sentence)
    assert ex.entities[works].cls == "Project", (sorted(ex.entities), ex.left_out)
    assert works not in left_out(ex)


def test_works_on_a_river_are_named_for_the_works_not_for_the_river():
    ex = run("推进澜川河综合整治工程。")
    assert "澜川河" not in ex.entities and "澜川河" not in left_out(ex)
    assert "澜川河综合整治工程" in ex.entities


def test_a_river_without_upkeep_keeps_the_class_its_stage_gives_it():
    ex = run("平陆运河超时序完成建设任务。")
    assert ex.entities["平陆运河"].cls == "Project"


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, cls",
    [
        ("加快河套深港科技创新合作区建设，推进深圳河治理。", "河套深港科技创新合作区", "Park"),
        ("加快前海湾保税港区建设，推进前海湾水质提升。", "前海湾保税港区", "Park"),
        ("建设松山湖科技产业园，推进松山湖水环境治理。", "松山湖科技产业园", "Park"),
        ("推动江北新区产业园建设，加强长江生态保护。", "江北新区产业园", "Park"),
        ("建设粤港澳大湾区国家技术创新中心，加强海湾生态修复。", "粤港澳大湾区国家技术创新中心", "Platform"),
        ("建成澜川人才住房产业园。", "澜川人才住房产业园", "Park"),
    ],
)
# fmt: on
def test_a_park_or_platform_named_after_water_or_housing_keeps_its_class(sentence, name, cls):
    ex = run(sentence)
    assert ex.entities[name].cls == cls, sorted(ex.entities)
    assert not left_out(ex).keys() & {name}


# -- housing and land parcels --------------------------------------------------------------------

# fmt: off
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("澜川雅苑、汀兰华府、澜川公馆等高品质住宅竣工。", "澜川雅苑"),   # what the list calls them
        ("实现澜川安置房结构封顶。", "澜川安置房"),                     # a housing ending
        ("汀浦人才公寓一期主体封顶。", "汀浦人才公寓一期"),
        ("推进澜川公共住房项目建设。", "澜川公共住房项目"),             # named as a 项目 too
        ("完成澜川老街老旧住房改造。", "澜川老街老旧住房改造"),
        ("加快推动澜川花园、汀浦花园等项目开工。", "澜川花园"),         # an estate
    ],
)
# fmt: on
def test_housing_is_no_project_and_is_listed(sentence, name):
    ex = run(sentence)
    assert name not in ex.entities
    assert left_out(ex).get(name) == REASONS["housing"], (sorted(ex.entities), ex.left_out)


def test_a_garden_listed_among_parks_for_leisure_is_no_housing():
    ex = run("新建澜川公园、汀浦桃花园等6个公园。")
    assert "汀浦桃花园" not in left_out(ex), ex.left_out
    assert ex.entities["汀浦桃花园"].cls == "Project"


def test_a_named_shantytown_renewal_is_urban_renewal_and_stays_a_project():
    ex = run("加快澜川雅苑、汀浦华苑等棚改项目施工建设，汀浦村棚改项目顺利开工。")
    assert {"澜川雅苑棚改项目", "汀浦华苑棚改项目", "汀浦村棚改项目"} <= {n for n, e in ex.entities.items() if e.cls == "Project"}
    assert not ex.left_out


def test_a_land_parcel_is_no_project_but_what_is_built_on_it_or_named_as_works_is():
    ex = run("完成澜川路东侧地块出让，推动澜川科学园09B地块小学、汀浦二期地块项目开工。")
    assert left_out(ex).get("澜川路东侧地块") == REASONS["parcel"]
    assert "澜川路东侧地块" not in ex.entities
    assert ex.entities["澜川科学园09B地块小学"].cls == "Project"
    assert ex.entities["汀浦二期地块"].cls == "Project", sorted(ex.entities)  # 汀浦二期地块项目


def test_a_nonproject_takes_its_milestones_and_relations_with_it():
    ex = run("加快澜川河、汀浦浜治理进度，推进汀浦水库建设。")
    assert {m.project for m in ex.milestones} == {"汀浦水库"}


# -- the word list -------------------------------------------------------------------------------

def test_every_nonproject_word_has_a_kind_and_an_example_that_uses_it():
    rules = load_nonprojects()
    assert set(rules.words) == set(KINDS) and all(rules.of(kind) for kind in KINDS)
    for line in NONPROJECTS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, kind, example = line.split("\t")
            assert kind in KINDS and word in example, line


@pytest.mark.parametrize(
    "content, message",
    [
        ("河\n", "expected word"),
        ("河\triver\t澜川河\n", "kind must be one of"),
        ("河\twater\t澜川河\n河\twater\t汀浦河\n", "listed twice"),
    ],
)
def test_a_malformed_nonprojects_file_names_the_line(tmp_path, content, message):
    path = tmp_path / "nonprojects.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NonProjectsError, match=message):
        load_nonprojects(path)


def test_nonprojects_are_documented():
    doc = (ROOT / "graph" / "extract" / "NONPROJECTS.md").read_text(encoding="utf-8")
    assert "nonprojects.tsv" in doc and "unplaced.csv" in doc
    assert all(f"`{kind}`" in doc for kind in KINDS)
    assert "NONPROJECTS.md" in (ROOT / "graph" / "extract" / "FAMILIES.md").read_text(encoding="utf-8")
