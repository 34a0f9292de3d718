"""Milestones as real prose states them (GUIDE.md, "Milestones"), with the names given; the stage
words file; the evaluation with the gold entities given (``--oracle-entities``)."""

import json

import pytest
from click.testing import CliRunner

from graph.cli.main import main
from graph.extract.milestones import ROLES, STAGES_PATH, StageWordsError, load_stage_words, stage_words_in
from graph.extract.oracle import extract_given
from graph.model import STAGES, Report

REVIEW, PLAN = "一、2025年工作回顾", "二、2026年工作安排"


def milestones(sentence: str, names: dict[str, str], heading: str = REVIEW) -> set[tuple[str, str, str]]:
    """(project, stage, year) of ``sentence`` in the section of ``heading``, ``names`` given (name -> class)."""
    text = f"{heading}\n{sentence}\n"
    ex = extract_given(Report(slug="t", text=text, year="2026"), [(n, c, []) for n, c in names.items()])
    return {(m.project, m.stage, m.year) for m in ex.milestones}


# --- the stage words file ---------------------------------------------------------------------


def test_every_stage_word_has_known_stages_and_role_and_an_example_that_uses_it():
    words = load_stage_words()
    assert len(words) >= 100
    for line in STAGES_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, stages, role, example = line.split("\t")
            assert role in ROLES, line
            assert stages == "-" or set(stages.split(",")) <= set(STAGES), line
            assert word in example.replace("…", ""), line


def test_every_role_of_the_stage_words_is_documented():
    doc = (STAGES_PATH.parent / "STAGES.md").read_text(encoding="utf-8")
    for role in ROLES:
        assert f"`{role}`" in doc, role


def test_a_malformed_stage_words_line_is_a_one_line_error_naming_it(tmp_path):
    bad = tmp_path / "stages.tsv"
    bad.write_text("开工\tStarted\tstage\t开工\n竣工\tFinished\tstage\t竣工\n", encoding="utf-8")
    with pytest.raises(StageWordsError, match=r"stages.tsv:2: stages must be") as info:
        load_stage_words(bad)
    assert "\n" not in str(info.value)


def test_stage_words_are_read_longest_first():
    assert [w.word for _, _, w in stage_words_in("南坪快速三期开工建设，东部过境建成通车")] == ["开工建设", "建成通车"]


# --- the stage a clause states ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, heading, expected",
    [
        ("合新高铁安徽段、合肥西站建成运营。", REVIEW,
         {("合新高铁安徽段", "Completed", "2025"), ("合新高铁安徽段", "InUse", "2025"),
          ("合肥西站", "Completed", "2025"), ("合肥西站", "InUse", "2025")}),
        ("开工建设合新高铁安徽段、合肥西站。", PLAN,
         {("合新高铁安徽段", "Started", "2026"), ("合肥西站", "Started", "2026")}),
        ("加快合新高铁安徽段、合肥西站建设。", PLAN,
         {("合新高铁安徽段", "UnderConstruction", "2026"), ("合肥西站", "UnderConstruction", "2026")}),
        ("推进合新高铁安徽段、合肥西站建设等前期工作。", PLAN,
         {("合新高铁安徽段", "Planned", "2026"), ("合肥西站", "Planned", "2026")}),
        ("启动合新高铁安徽段综合改造。", PLAN, {("合新高铁安徽段", "Started", "2026")}),
        ("合肥西站主体结构完工。", REVIEW, {("合肥西站", "ToppedOut", "2025")}),
        ("完成合肥西站改造。", REVIEW, {("合肥西站", "Completed", "2025")}),
    ],
)
def test_the_stage_words_of_a_clause_give_its_projects_their_stage(sentence, heading, expected):
    assert milestones(sentence, {"合新高铁安徽段": "Project", "合肥西站": "Project"}, heading) == expected


def test_a_stage_word_beats_the_verb_that_opens_the_clause():
    assert milestones("完成兰香湖酒店地块出让。", {"兰香湖酒店地块": "Project"}) == {("兰香湖酒店地块", "Planned", "2025")}


def test_the_names_of_a_long_list_all_take_the_stage_word_after_it():
    names = {n: "Project" for n in ("瑞金医院闵行院区", "华东师大两重工程", "江川路结建区", "紫月兰香输变电站")}
    found = milestones("推动瑞金医院闵行院区、华东师大两重工程、江川路结建区、紫月兰香输变电站等项目开工。", names)
    assert found == {(n, "Started", "2025") for n in names}


def test_a_year_written_in_the_clause_wins_over_the_section():
    assert milestones("争取2027年建成合肥西站。", {"合肥西站": "Project"}, PLAN) == {("合肥西站", "Completed", "2027")}


def test_a_clause_that_goes_on_about_the_project_before_it_takes_its_stage_too():
    found = milestones("继续推进居然之家二期项目建设，争取年内投入运营。", {"居然之家二期项目": "Project"}, PLAN)
    assert found == {("居然之家二期项目", "UnderConstruction", "2026"), ("居然之家二期项目", "InUse", "2026")}


def test_a_clause_with_its_own_subject_does_not_go_on_about_the_clause_before():
    found = milestones("改扩建同乐主力学校，确保年内7所学校开学。", {"同乐主力学校": "Project"}, PLAN)
    assert found == {("同乐主力学校", "UnderConstruction", "2026")}


@pytest.mark.parametrize(
    "sentence",
    ["推动纳鸿微球项目落地。", "完成外环高速等重大项目征地拆迁硬任务。", "成立光合上城居委会筹备组。", "积极融入大零号湾建设。"],
)
def test_words_that_are_no_stage_give_no_milestone(sentence):
    names = {"纳鸿微球项目": "Project", "外环高速": "Project", "光合上城": "Project", "大零号湾": "Park"}
    assert milestones(sentence, names) == set()


def test_a_stage_word_inside_a_name_is_no_stage():
    names = {"国家流程制造智能调控技术创新中心": "Platform", "工业智能操作系统平台建设项目": "Project"}
    assert milestones("国家流程制造智能调控技术创新中心成功申报“工业智能操作系统平台建设项目”。", names) == {
        ("工业智能操作系统平台建设项目", "Planned", "2025")
    }


def test_the_place_a_platform_is_built_on_is_not_what_is_built():
    found = milestones("依托深圳大学建设射频集成实验室。", {"深圳大学": "University", "射频集成实验室": "Laboratory"}, PLAN)
    assert found == {("射频集成实验室", "UnderConstruction", "2026")}


def test_a_firm_takes_a_milestone_only_where_the_clause_makes_it_a_project():
    names = {"中芯国际": "Enterprise", "深超光电": "Enterprise"}
    assert milestones("加快中芯国际、深超光电等项目建设步伐。", names, PLAN) == {
        ("中芯国际", "UnderConstruction", "2026"), ("深超光电", "UnderConstruction", "2026")
    }
    assert milestones("推进中芯国际、深超光电发展。", names, PLAN) == set()


def test_a_push_alone_makes_a_milestone_of_a_project_but_not_of_a_park():
    assert milestones("推进南山智园二期污废改造项目。", {"南山智园二期污废改造项目": "Project"}, PLAN) == {
        ("南山智园二期污废改造项目", "UnderConstruction", "2026")
    }
    assert milestones("推进前海合作区。", {"前海合作区": "Park"}, PLAN) == set()


# fmt: off
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the main works done is the structure topped out, not the building completed
        ("推动泰衡诺移动终端运营中心等项目主体完工。", {("泰衡诺移动终端运营中心", "ToppedOut", "2026")}),
        # a line in a construction plan is planned; starting it is a stage of its own
        ("力争18号线等纳入市五期建设规划并开工建设。", {("18号线", "Planned", "2026"), ("18号线", "Started", "2026")}),
        ("轨道32号线一期建设规划落地。", {("32号线一期", "Planned", "2026")}),
        # a design, a design tender, a plan's drafting, an approval: nothing is built yet
        ("全球征集深圳金融文化中心设计方案。", {("深圳金融文化中心", "Planned", "2026")}),
        ("南澳码头工程启动国际设计招标程序。", {("南澳码头工程", "Planned", "2026")}),
        ("完成石凹第二工业区项目概念设计。", {("石凹第二工业区项目", "Planned", "2026")}),
        ("深化龙华会展中心规划方案。", {("龙华会展中心", "Planned", "2026")}),
        ("研究推动中央山山体公园规划编制。", {("中央山山体公园", "Planned", "2026")}),
        ("深惠城际大鹏支线获国家发改委批复。", {("深惠城际大鹏支线", "Planned", "2026")}),
        # opening to the public, opening a street, feeding the grid: in use
        ("北站中心公园正式开放。", {("北站中心公园", "InUse", "2026")}),
        ("港澳特色街区正式开街。", {("港澳特色街区", "InUse", "2026")}),
        ("塔县光伏发电厂顺利并网发电。", {("塔县光伏发电厂", "InUse", "2026")}),
    ],
)
# fmt: on
def test_stage_words_of_planning_topping_out_and_opening_give_their_stage(sentence, expected):
    names = {project: "Project" for project, _, _ in expected}
    assert milestones(sentence, names, PLAN) == expected


def test_a_plan_that_only_names_a_road_is_no_milestone_of_it():
    # 规划和爱路 is the planned road 和爱路: 规划 alone is no stage word (it would make 启动… Planned)
    assert milestones("启动规划和爱路道路整修。", {"和爱路": "Project"}, PLAN) == {("和爱路", "Started", "2026")}


def test_a_stage_word_after_its_project_goes_on_with_and_another_stage():
    assert milestones("潭头小学扩建工程完工并投入使用。", {"潭头小学扩建工程": "Project"}) == {
        ("潭头小学扩建工程", "Completed", "2025"), ("潭头小学扩建工程", "InUse", "2025")
    }


# fmt: off
@pytest.mark.parametrize(
    "sentence, names",
    [
        # the land made ready for a project: nothing is built yet, whatever the verb before it says
        ("完成滨江医院、城西学校等项目土地整备任务。", ("滨江医院", "城西学校")),
        ("高效完成科技馆新馆土地清理。", ("科技馆新馆",)),
        ("开展东湖水厂二期等项目用地清理。", ("东湖水厂二期",)),
        ("做好南山体育中心房屋征收工作。", ("南山体育中心",)),
        ("提前完成北环快速路拆迁补偿。", ("北环快速路",)),
        ("完成白沙湾码头土地补偿。", ("白沙湾码头",)),
        ("强化白沙湾码头等重大项目用地保障。", ("白沙湾码头",)),
        # a plan's approval, and what it came to after it
        ("北湖公园、东湖水厂二期规划审批取得重大进展。", ("北湖公园", "东湖水厂二期")),
        ("滨海文化公园总体规划通过专家评审。", ("滨海文化公园",)),
    ],
)
# fmt: on
def test_making_the_land_ready_and_approving_the_plan_are_planned(sentence, names):
    assert milestones(sentence, {n: "Project" for n in names}) == {(n, "Planned", "2025") for n in names}


def test_a_stage_word_after_the_next_list_is_that_lists_not_the_first_ones():
    names = {n: "Project" for n in ("滨江医院", "城西学校", "东湖水厂二期")}
    assert milestones("加快滨江医院、城西学校等项目建设和东湖水厂二期等项目竣工。", names) == {
        ("滨江医院", "UnderConstruction", "2025"), ("城西学校", "UnderConstruction", "2025"),
        ("东湖水厂二期", "Completed", "2025"),
    }


def test_a_stage_word_that_ends_the_name_before_it_opens_no_names_after_the_conjunction():
    names = {n: "Project" for n in ("12号线", "东湖城际", "西湖城际")}
    assert milestones("推进12号线开工和东湖城际、西湖城际建设。", names, PLAN) == {
        ("12号线", "Started", "2026"), ("东湖城际", "UnderConstruction", "2026"), ("西湖城际", "UnderConstruction", "2026"),
    }


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stages",
    [
        # approved, explored, studied: nothing is built yet
        ("东湖医院项目核准获市发改委通过。", "东湖医院项目", {"Planned"}),
        ("探索建设西岭青年公园。", "西岭青年公园", {"Planned"}),
        ("开展北湾枢纽片区综合开发研究。", "北湾枢纽片区", {"Planned"}),
        # building it and running it, fitting it out, a stage of the works done, the site cleared
        ("支持西岭数据中心建设运营。", "西岭数据中心", {"UnderConstruction"}),
        ("东湖医院开展装修施工。", "东湖医院", {"UnderConstruction"}),
        ("东湖医院完成地下结构施工。", "东湖医院", {"UnderConstruction"}),
        ("北湾连廊一期整改工程阶段性完成。", "北湾连廊一期整改工程", {"UnderConstruction"}),
        ("南岭村棚改项目基本完成拆除工作。", "南岭村棚改项目", {"UnderConstruction"}),
        # done, and opened
        ("推动西岭培训基地完成改造并对外运营。", "西岭培训基地", {"Completed", "InUse"}),
        ("西岭高等研究院开办招生。", "西岭高等研究院", {"InUse"}),
    ],
)
# fmt: on
def test_approving_building_clearing_and_opening_words_give_their_stage(sentence, name, stages):
    assert milestones(sentence, {name: "Project"}) == {(name, s, "2025") for s in stages}


def test_a_construction_plan_is_no_stage():
    assert milestones("引导东湖医院优化项目设计和施工安排。", {"东湖医院": "Project"}) == set()


# --- the evaluation with the gold entities given ----------------------------------------------


def test_evaluating_with_the_gold_entities_scores_relations_apart_from_finding_names():
    result = CliRunner().invoke(main, ["evaluate", "--report", "wujing-2026", "--oracle-entities", "--format", "json",
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["with the gold entities (oracle)"]["bundled"]
    assert figures["typed precision"] == 1.0 and figures["entity recall"] >= 0.98
    assert figures["relation recall"] >= 0.9 and figures["milestone recall"] >= 0.9
    assert figures["milestone precision"] >= 0.9


# --- issue 17: project timelines (lists called projects, speeding up, plans, progress figures) ---------


def test_pushing_on_a_list_the_clause_calls_projects_builds_its_parks_too():
    names = {"云溪科技产业园": "Park", "东湖片区": "Park", "三江里": "Park", "桥头": "Park"}
    assert milestones("协调推进云溪科技产业园、东湖片区等重大工程。", names, PLAN) == {
        ("云溪科技产业园", "UnderConstruction", "2026"), ("东湖片区", "UnderConstruction", "2026")
    }
    # a bare place of two characters is where the works are done, not a named project
    assert milestones("推进桥头、三江里等城中村改造项目。", names, PLAN) == {("三江里", "UnderConstruction", "2026")}
    # a firm keeps its own rule: a push alone makes it no project
    assert milestones("推进远帆电子等项目。", {"远帆电子": "Enterprise"}, PLAN) == set()


@pytest.mark.parametrize("sentence", ["加速松岭大道快速化改造。", "提速松岭大道快速化改造。"])
def test_speeding_up_a_project_pushes_it_on(sentence):
    assert milestones(sentence, {"松岭大道快速化改造": "Project"}, PLAN) == {
        ("松岭大道快速化改造", "UnderConstruction", "2026")
    }


@pytest.mark.parametrize("sentence", [
    "编制青溪河生态走廊专项规划。",
    "出台青溪河生态走廊产业与空间规划。",
    "青溪河生态走廊发展规划获区政府审议通过。",
])
def test_the_plan_of_a_project_drafted_or_approved_is_planned(sentence):
    assert milestones(sentence, {"青溪河生态走廊": "Project"}) == {("青溪河生态走廊", "Planned", "2025")}


def test_the_later_names_of_a_list_a_report_blends_into_are_where_not_what():
    names = {"滨江科学城": "Park", "西岸高新区": "Park"}
    assert milestones("主动融入“滨江科学城”、西岸高新区等专项规划布局。", names) == set()
    assert milestones("主动融入滨江科学城、西岸高新区等专项规划布局。", names) == set()
    # a name after a verb that only contains such a word is built (服务保障A、B建设)
    assert milestones("服务保障滨江科学城、西岸高新区联动建设。", names) == {
        ("滨江科学城", "UnderConstruction", "2025"), ("西岸高新区", "UnderConstruction", "2025")
    }


def test_a_figure_of_progress_after_the_stage_word_keeps_it_the_projects():
    assert milestones("城东综合客运枢纽项目主体结构施工80%以上。", {"城东综合客运枢纽": "Project"}) == {
        ("城东综合客运枢纽", "UnderConstruction", "2025")
    }
