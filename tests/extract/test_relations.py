"""Relations as real prose states them (GUIDE.md, "Relations"), with the names given.

The rules of :mod:`graph.extract.relations` run on names given by hand
(:func:`graph.extract.oracle.extract_given`), so each test pins one construction of the prose and
not how well names are found.  The sentences are from real reports of ``corpus/reports/`` (dev
half) or written the way they write.
"""

import pytest

from graph.extract.lexicon import EMPTY
from graph.extract.oracle import extract_given, given_mentions
from graph.extract.pipeline import extract
from graph.extract.relations import find_relations
from graph.model import Entity, Mention, Report
from graph.text.sentences import split_sentences


def run(sentence: str, names: dict[str, str], heading: str = "一、2025年工作回顾"):
    """Extract ``sentence`` (in the section of ``heading``) with ``names`` (name -> class) given."""
    text = f"{heading}\n{sentence}\n"
    return extract_given(Report(slug="t", text=text, year="2026"), [(n, c, []) for n, c in names.items()])


def relations(ex) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in ex.relations}


# --- names inside names ---------------------------------------------------------------------


def test_owner_at_the_start_of_a_name_runs_it():
    ex = run("深圳大学龙岗创新研究院开园。", {"深圳大学龙岗创新研究院": "ResearchInstitute", "深圳大学": "University"})
    assert relations(ex) == {("深圳大学龙岗创新研究院", "affiliatedWith", "深圳大学")}


def test_two_owners_at_the_start_both_run_it():
    ex = run("天津大学佐治亚理工深圳学院开工建设。",
             {"天津大学佐治亚理工深圳学院": "University", "天津大学": "University", "佐治亚理工": "University"})
    assert relations(ex) == {
        ("天津大学佐治亚理工深圳学院", "affiliatedWith", "天津大学"),
        ("天津大学佐治亚理工深圳学院", "affiliatedWith", "佐治亚理工"),
    }


def test_an_enterprise_runs_the_project_named_after_it():
    ex = run("加快推进环旭电子城市更新项目。", {"环旭电子城市更新项目": "Project", "环旭电子": "Enterprise"})
    assert relations(ex) == {("环旭电子城市更新项目", "affiliatedWith", "环旭电子")}


@pytest.mark.parametrize("project, runs", [("深圳大学总医院二期", True), ("深圳大学博士生公寓", False)])
def test_a_university_runs_a_project_named_after_it_only_when_it_is_one_of_its_institutions(project, runs):
    ex = run(f"开工建设{project}。", {project: "Project", "深圳大学": "University"})
    assert ((project, "affiliatedWith", "深圳大学") in relations(ex)) is runs


@pytest.mark.parametrize(
    "name, cls, serves",
    [("粤桂协作生物医药产业园", "Park", True), ("细胞与基因产业基金", "Fund", True), ("国家集成电路测试验证工程中心", "Platform", True),
     ("省生物医药集团", "Enterprise", False), ("生物医药馆", "Project", False)],
)
def test_a_park_platform_or_fund_named_for_an_industry_serves_it_and_a_firm_or_project_does_not(name, cls, serves):
    industry = next(i for i in ("生物医药", "细胞与基因", "集成电路") if i in name)
    ex = run(f"推动{name}发展。", {name: cls, industry: "IndustryCluster"})
    assert ((name, "inCluster", industry) in relations(ex)) is serves


def test_the_industry_in_an_enterprise_project_is_the_enterprise_industry():
    ex = run("世纪晶源化合物半导体等一批高端项目推进顺利。",
             {"世纪晶源化合物半导体": "Project", "世纪晶源": "Enterprise", "化合物半导体": "IndustryCluster"})
    assert relations(ex) == {
        ("世纪晶源化合物半导体", "affiliatedWith", "世纪晶源"),
        ("世纪晶源", "inCluster", "化合物半导体"),
    }


def test_a_firm_that_invests_in_a_project_runs_it_and_is_of_its_industry():
    ex = run("中芯国际在深圳设立南方总部并投资建设12英寸集成电路芯片生产线项目。",
             {"中芯国际": "Enterprise", "12英寸集成电路芯片生产线项目": "Project", "集成电路": "IndustryCluster"})
    assert relations(ex) == {
        ("12英寸集成电路芯片生产线项目", "affiliatedWith", "中芯国际"),
        ("中芯国际", "inCluster", "集成电路"),
        ("12英寸集成电路芯片生产线项目", "inCluster", "集成电路"),
    }


@pytest.mark.parametrize(
    "project, cluster",
    [("航电基地一期", "民用航空"),  # 航电 (hidden label of 航空电子) -> 机载装备 -> 民用航空, the nearest the report names
     ("生物医药产业园二期", "生物医药"), ("新能源汽车零部件生产线", "新能源汽车")],
)
def test_a_project_whose_name_states_an_industry_place_is_of_the_report_cluster_of_that_industry(project, cluster):
    ex = run(f"推进{project}建设，做强{cluster}产业。", {project: "Project", cluster: "IndustryCluster"})
    assert (project, "inCluster", cluster) in relations(ex)


@pytest.mark.parametrize(
    "project, industry",
    [("航电枢纽", "民用航空"),  # a navigation and hydropower works (航运电力)
     ("南山体育中心", "体育产业"), ("生物医药馆", "生物医药"), ("新能源汽车充电站", "新能源汽车")],
)
def test_a_project_named_after_an_industry_but_no_place_or_works_of_it_is_of_no_cluster(project, industry):
    ex = run(f"推进{project}建设，做强{industry}产业。", {project: "Project", industry: "IndustryCluster"})
    assert not {(s, o) for s, p, o in relations(ex) if p == "inCluster" and s == project}


# --- who settles where ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "星河动力、蓝箭航天等企业相继落户浦江智谷产业园。",
        "星河动力、蓝箭航天入驻浦江智谷产业园。",
        "在浦江智谷产业园建设星河动力、蓝箭航天。",
        "依托浦江智谷产业园，引进星河动力、蓝箭航天等5家企业。",
        "浦江智谷产业园引进星河动力、蓝箭航天。",
    ],
)
def test_who_settles_in_a_park(sentence):
    ex = run(sentence, {"浦江智谷产业园": "Park", "星河动力": "Enterprise", "蓝箭航天": "Enterprise"})
    assert relations(ex) == {("星河动力", "locatedIn", "浦江智谷产业园"), ("蓝箭航天", "locatedIn", "浦江智谷产业园")}


def test_settling_is_said_of_the_list_right_before_the_verb_only():
    ex = run("联盟成员包括深圳大学、鹏城实验室以及未来将落户西丽湖国际科教城的高校。",
             {"深圳大学": "University", "鹏城实验室": "Platform", "西丽湖国际科教城": "Park"})
    assert relations(ex) == set()


def test_the_names_before_a_verb_of_settling_settle_in_every_park_after_it():
    ex = run("南方科技大学先进电磁能量转换实验室等62个项目落户生命科学产业园和海洋生物产业园。",
             {"南方科技大学先进电磁能量转换实验室": "Laboratory", "生命科学产业园": "Park", "海洋生物产业园": "Park"})
    assert {(s, o) for s, p, o in relations(ex) if p == "locatedIn"} == {
        ("南方科技大学先进电磁能量转换实验室", "生命科学产业园"), ("南方科技大学先进电磁能量转换实验室", "海洋生物产业园"),
    }


def test_a_park_that_opens_a_clause_takes_in_what_its_verb_names_and_the_clause_after_goes_on():
    ex = run("河套深港科技创新合作区落地26个重大项目，落户粤港澳大湾区（广东）量子科学中心、世界无线局域网应用发展联盟，"
             "建成香港科学园深圳分园。",
             {"河套深港科技创新合作区": "Park", "粤港澳大湾区（广东）量子科学中心": "Platform",
              "世界无线局域网应用发展联盟": "Alliance", "香港科学园深圳分园": "Park"})
    assert {s for s, p, o in relations(ex) if p == "locatedIn"} == {"粤港澳大湾区（广东）量子科学中心", "世界无线局域网应用发展联盟"}


def test_the_names_before_in_a_park_settle_there_when_nothing_follows_the_verb():
    names = {"金砖国家未来网络研究院中方分院": "ResearchInstitute", "合作区": "Park"}
    assert relations(run("金砖国家未来网络研究院中方分院等84个项目在合作区落地。", names)) == {
        ("金砖国家未来网络研究院中方分院", "locatedIn", "合作区")}


@pytest.mark.parametrize("verb", ["开工建设", "建成投产", "注册", "落地"])
def test_the_names_before_in_a_park_are_in_it_when_they_start_or_open_there(verb):
    ex = run(f"华星光电T9项目等5个项目在光明科学城{verb}。", {"华星光电T9项目": "Project", "光明科学城": "Park"})
    assert ("华星光电T9项目", "locatedIn", "光明科学城") in relations(ex)


def test_a_firm_named_in_a_sentence_built_on_a_park_is_in_it_only_when_brought_in():
    ex = run("依托盐田河临港新兴产业集聚区，发挥华大基因等企业的龙头带动作用，引进培育一批瞪羚企业。",
             {"盐田河临港新兴产业集聚区": "Park", "华大基因": "Enterprise"})
    assert relations(ex) == set()


def test_what_a_park_is_built_around_is_in_it():
    ex = run("以深港国际中心、深圳国际博览中心等“城市坐标”为支点，将大运新城打造为深圳东部中心核心区。",
             {"深港国际中心": "Project", "深圳国际博览中心": "Project", "大运新城": "Park"})
    assert relations(ex) == {("深港国际中心", "locatedIn", "大运新城"), ("深圳国际博览中心", "locatedIn", "大运新城")}


def test_the_parts_named_in_a_sentence_about_one_free_trade_zone_are_in_it():
    ex = run("深化自贸试验区提升战略，推动大连片区整合提升，支持沈阳片区扩大保税维修业务。",
             {"自贸试验区": "Park", "大连片区": "Park", "沈阳片区": "Park"})
    assert relations(ex) == {("大连片区", "locatedIn", "自贸试验区"), ("沈阳片区", "locatedIn", "自贸试验区")}


def test_a_phase_named_by_a_short_form_of_a_park_is_in_it():
    ex = run("加快平湖金融与现代服务业基地开发建设，推进平湖金融基地二期。",
             {"平湖金融与现代服务业基地": "Park", "平湖金融基地二期": "Project"})
    assert ("平湖金融基地二期", "locatedIn", "平湖金融与现代服务业基地") in relations(ex)


def test_a_project_named_as_the_works_of_a_park_is_the_park_not_in_it():
    ex = run("推进海拉尔区国际快件电商物流园项目招商进度。",
             {"海拉尔区国际快件电商物流园项目": "Project", "海拉尔区国际快件电商物流园": "Park"})
    assert not {r for r in relations(ex) if r[1] == "locatedIn"}


def test_what_stands_inside_a_park_is_located_in_it():
    ex = run("推进前海合作区内的桂湾风投创投集聚区建设。", {"前海合作区": "Park", "桂湾风投创投集聚区": "Park"})
    assert ("桂湾风投创投集聚区", "locatedIn", "前海合作区") in relations(ex)


def test_a_part_of_a_zone_named_right_after_it_is_located_in_it():
    ex = run("推动中国（广东）自由贸易试验区前海蛇口片区高质量发展。",
             {"中国（广东）自由贸易试验区": "Park", "前海蛇口片区": "Park"})
    assert relations(ex) == {("前海蛇口片区", "locatedIn", "中国（广东）自由贸易试验区")}


@pytest.mark.parametrize(
    "sentence, located",
    [
        ("深圳国家高新区扩容提质，深圳国家高新区龙华园区加快建设。", True),  # the zone's name, then a part of it
        ("加快光明科学城建设，光明科学城装置集聚区加快建设。", False),  # the zone's name, then a park of its own kind
        ("深圳国家高新区龙华园区加快建设。", False),  # the zone is not named alone: no zone of its own
    ],
)
def test_a_park_named_as_a_part_of_a_park_found_by_the_pipeline_is_located_in_it(sentence, located):
    ex = extract(Report(slug="t", text=f"一、2025年工作回顾\n{sentence}\n", year="2026"), use_lexicon=False)
    links = {(r.subject, r.object) for r in ex.relations if r.predicate == "locatedIn"}
    assert bool(links) is located
    assert links <= {("深圳国家高新区龙华园区", "深圳国家高新区")}
    assert ("深圳国家高新区" in ex.entities) is (sentence.count("深圳国家高新区") > 1)


def test_parks_taken_into_a_corridor_are_located_in_it():
    ex = run("坂雪岗科技城、大运新城纳入“广深科技创新走廊”十核多节点规划。",
             {"坂雪岗科技城": "Park", "大运新城": "Park", "广深科技创新走廊": "Park"})
    assert relations(ex) == {("坂雪岗科技城", "locatedIn", "广深科技创新走廊"), ("大运新城", "locatedIn", "广深科技创新走廊")}


def test_a_count_of_projects_before_the_verb_still_settles_the_name_before_it():
    ex = run("中科院金属研究所创新港14个项目落户沈抚科创园。", {"中科院金属研究所创新港": "Platform", "沈抚科创园": "Park"})
    assert relations(ex) == {("中科院金属研究所创新港", "locatedIn", "沈抚科创园")}


def test_what_is_built_under_a_heading_that_builds_a_park_is_in_it():
    ex = run("高标准建设光明科学城。坚持规划引领，加快光明云谷、光明小镇等重大项目建设。推进材料基因组等设施建设，构建设施集群。"
             "高质量推进高新区建设。加快建设鹏城实验室，打造实验室集群。",
             {"光明科学城": "Park", "光明云谷": "Project", "光明小镇": "Project", "材料基因组": "Platform",
              "高新区": "Park", "鹏城实验室": "Laboratory"})
    assert {(s, o) for s, p, o in relations(ex) if p == "locatedIn"} == {
        ("光明云谷", "光明科学城"), ("光明小镇", "光明科学城"), ("材料基因组", "光明科学城"), ("鹏城实验室", "高新区")}


@pytest.mark.parametrize(
    "sentence",
    [
        "高标准建设光明科学城。充分发挥鹏城实验室的优势，汇聚创新资源。",  # nothing built or brought in
        "高标准建设光明科学城。在西丽湖国际科教城建设鹏城实验室，打造实验室集群。",  # another park says where
        "高标准建设光明科学城，推进西丽湖国际科教城建设。加快建设鹏城实验室，打造实验室集群。",  # no heading: a sentence with a comma
    ],
)
def test_a_heading_that_builds_a_park_does_not_place_what_is_not_built_there(sentence):
    ex = run(sentence, {"光明科学城": "Park", "西丽湖国际科教城": "Park", "鹏城实验室": "Laboratory"})
    assert ("鹏城实验室", "locatedIn", "光明科学城") not in relations(ex)


@pytest.mark.parametrize(
    "sentence, located",
    [
        ("加快平湖跨境电商产业园建设，推动纵腾、圆通等项目落地。", {"纵腾", "圆通"}),
        ("平湖跨境电商产业园规划建设全面提速，引进纵腾等重点项目。", {"纵腾"}),
        ("加快平湖跨境电商产业园建设，发挥纵腾、圆通的龙头作用。", set()),  # nothing is brought in
    ],
)
def test_what_a_clause_after_building_a_park_brings_in_settles_there(sentence, located):
    ex = run(sentence, {"平湖跨境电商产业园": "Park", "纵腾": "Enterprise", "圆通": "Enterprise"})
    assert {s for s, p, o in relations(ex) if p == "locatedIn"} == located


@pytest.mark.parametrize(
    "sentence, located",
    [
        ("光明科学城建设迈出新步伐，脑解析与脑模拟设施基本建成，国家超算中心二期开工。", {"脑解析与脑模拟设施", "国家超算中心二期"}),
        ("光明科学城规划建设全面提速，国家超算中心二期开工。", {"国家超算中心二期"}),
        # a verb before the park: the clauses after are other tasks, and only what they bring in is there
        ("加快光明科学城建设，推进脑解析与脑模拟设施建设，国家超算中心二期开工。", set()),
    ],
)
def test_what_a_sentence_that_opens_on_building_a_park_builds_is_in_it(sentence, located):
    ex = run(sentence, {"光明科学城": "Park", "脑解析与脑模拟设施": "Platform", "国家超算中心二期": "Project"})
    assert {s for s, p, o in relations(ex) if p == "locatedIn"} == located


# --- what parks and firms develop -------------------------------------------------------------


def test_the_head_of_an_enumeration_names_its_members_industry():
    ex = run("引导华德牧业、蒙拓机械等机械装备制造企业继续走科技创新道路。",
             {"华德牧业": "Enterprise", "蒙拓机械": "Enterprise", "机械装备制造": "IndustryCluster"})
    assert relations(ex) == {("华德牧业", "inCluster", "机械装备制造"), ("蒙拓机械", "inCluster", "机械装备制造")}


def test_the_firms_a_clause_builds_on_are_of_the_industries_the_next_clause_develops():
    ex = run("发挥华为、兆驰等企业引领辐射作用，发展壮大新一代通信技术、移动终端等产业。",
             {"华为": "Enterprise", "兆驰": "Enterprise", "新一代通信技术": "IndustryCluster", "移动终端": "IndustryCluster"})
    assert relations(ex) == {(f, "inCluster", c) for f in ("华为", "兆驰") for c in ("新一代通信技术", "移动终端")}


@pytest.mark.parametrize(
    "sentence",
    [
        "支持迈瑞、海能达等新锐企业发展，打造生物医药、航空航天等百亿级产业集群。",  # two tasks, not the firms' industries
        "高标准建设深空探测实验室，加强人工智能、生命科学等领域前瞻布局。",  # the lab is built; the next task is another
    ],
)
def test_the_next_clause_is_not_the_industry_of_what_a_task_of_its_own_names(sentence):
    names = {"迈瑞": "Enterprise", "海能达": "Enterprise", "深空探测实验室": "Laboratory", "生物医药": "IndustryCluster",
             "航空航天": "IndustryCluster", "人工智能": "IndustryCluster", "生命科学": "IndustryCluster"}
    assert not {r for r in relations(run(sentence, names)) if r[1] == "inCluster"}


@pytest.mark.parametrize(
    "sentence, industries",
    [
        ("依托迈瑞、海能达等龙头企业，打造生物医药、医疗器械产业集群。", {"生物医药", "医疗器械"}),  # built on: every industry
        ("支持迈瑞、海能达等龙头企业发展壮大，培育生物医药产业集群。", {"生物医药"}),  # a task of its own, one industry
    ],
)
def test_the_next_clause_is_the_industry_of_the_firms_a_clause_builds_on_or_of_its_one_industry(sentence, industries):
    names = {"迈瑞": "Enterprise", "海能达": "Enterprise", "生物医药": "IndustryCluster", "医疗器械": "IndustryCluster"}
    found = {(s, o) for s, p, o in relations(run(sentence, names)) if p == "inCluster"}
    assert found == {(f, c) for f in ("迈瑞", "海能达") for c in industries}


@pytest.mark.parametrize(
    "sentence, industries",
    [
        ("大力发展海洋经济，加快蛇口国际海洋城建设，聚焦海洋电子信息、智慧港口等领域精准发力。",
         {"海洋经济", "海洋电子信息", "智慧港口"}),
        ("依托蛇口国际海洋城，持续招引海洋电子信息企业。", {"海洋电子信息"}),
        ("放大蛇口国际海洋城带动效应，加大海洋电子信息、智慧港口等产业培育力度。", {"海洋电子信息", "智慧港口"}),
        ("推动蛇口国际海洋城以海洋电子信息、智慧港口为主导产业集聚发展。", {"海洋电子信息", "智慧港口"}),
        ("将蛇口国际海洋城打造为海洋电子信息产业高地。", {"海洋电子信息"}),
    ],
)
def test_a_park_develops_the_industries_its_sentence_develops(sentence, industries):
    names = {"蛇口国际海洋城": "Park", "海洋经济": "IndustryCluster", "海洋电子信息": "IndustryCluster", "智慧港口": "IndustryCluster"}
    found = {o for s, p, o in relations(run(sentence, names)) if s == "蛇口国际海洋城" and p == "inCluster"}
    assert found == industries


@pytest.mark.parametrize(
    "sentence",
    ["大力发展工业设计、创意设计，支持万科云设计公社等园区建设。", "万科云设计公社要优化产业空间，开展立体空间综合提升，大力发展工业设计和创意设计。"],
)
def test_a_park_serves_the_industries_its_sentence_develops_before_or_after_it(sentence):
    ex = run(sentence, {"万科云设计公社": "Park", "工业设计": "IndustryCluster", "创意设计": "IndustryCluster"})
    assert relations(ex) == {("万科云设计公社", "inCluster", "工业设计"), ("万科云设计公社", "inCluster", "创意设计")}


@pytest.mark.parametrize(
    "sentence",
    ["大力发展设施农业，推进奋斗农业发展园区提质增效。", "积极推进奋斗农业发展园区建设，完善配套设施，培育设施农业。"],
)
def test_a_park_is_not_of_an_industry_its_sentence_develops_elsewhere(sentence):
    ex = run(sentence, {"奋斗农业发展园区": "Park", "设施农业": "IndustryCluster"})
    assert relations(ex) == set()


@pytest.mark.parametrize(
    "text, linked",
    [
        ("推进奶业振兴。深入推进哈克生态奶源基地建设，引导企业向全产业链发展。", True),
        ("推进奶业振兴。完善奶源标准体系，扶持养殖大户。深入推进哈克生态奶源基地建设，引导企业向全产业链发展。", True),
        ("推进奶业振兴。开展调研。深入推进哈克生态奶源基地建设，引导企业向全产业链发展。", False),  # the next heading
        ("推进奶业振兴。加大哈克生态奶源基地宣传推介力度，引导企业向全产业链发展。", False),  # named, not built
        ("推进奶业振兴。深入推进哈克生态奶源基地建设，发展乳制品深加工。", False),  # the sentence names its own
        ("推进奶业和乳制品深加工振兴。深入推进哈克生态奶源基地建设，引导企业向全产业链发展。", False),  # two industries
        ("推进奶业振兴，深入推进哈克生态奶源基地建设，引导企业向全产业链发展。", False),  # no heading: one sentence
    ],
)
def test_a_park_built_under_a_heading_that_names_one_industry_is_of_it(text, linked):
    ex = run(text, {"奶业": "IndustryCluster", "乳制品深加工": "IndustryCluster", "哈克生态奶源基地": "Park"})
    assert (("哈克生态奶源基地", "inCluster", "奶业") in relations(ex)) is linked


def test_an_industry_the_report_names_on_its_own_is_found_inside_a_park_name_and_serves_it():
    text = "一、2025年工作回顾\n时尚产业增加值增长8%，大浪时尚小镇加快建设。\n"
    ex = extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)
    assert {(r.subject, r.predicate, r.object) for r in ex.relations} == {("大浪时尚小镇", "inCluster", "时尚")}


def test_a_park_named_after_an_industry_the_report_never_names_on_its_own_serves_none():
    text = "一、2025年工作回顾\n大浪时尚小镇加快建设。\n"
    ex = extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)
    assert "大浪时尚小镇" in ex.entities and not ex.relations


def test_a_park_that_builds_a_place_for_an_industry_is_of_it():
    ex = run("支持中关村科学城建设人工智能集聚区。", {"中关村科学城": "Park", "人工智能": "IndustryCluster"})
    assert relations(ex) == {("中关村科学城", "inCluster", "人工智能")}


def test_an_industry_that_opens_a_clause_is_the_industry_of_the_firms_it_builds_on():
    ex = run("信息技术产业依托曙光、海光等头部企业，在服务器领域形成优势。",
             {"信息技术": "IndustryCluster", "曙光": "Enterprise", "海光": "Enterprise"})
    assert relations(ex) == {("曙光", "inCluster", "信息技术"), ("海光", "inCluster", "信息技术")}


def test_a_fund_set_up_for_an_industry_serves_it():
    ex = run("设立总规模10亿元算力设备基金，助力人工智能算力基础设施建设。", {"算力设备基金": "Fund", "人工智能": "IndustryCluster"})
    assert relations(ex) == {("算力设备基金", "inCluster", "人工智能")}


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("紧凑型聚变能实验装置提前进入总装，国际深空探测学会总部落户合肥。",
         {"紧凑型聚变能实验装置": "Project", "深空探测": "IndustryCluster"}),
        ("推动大成基金、华兴银行深圳分行等9家重点持牌金融机构落户。",
         {"大成基金": "Enterprise", "华兴银行深圳分行": "Enterprise", "金融": "IndustryCluster"}),
    ],
)
def test_the_one_industry_named_in_a_sentence_does_not_type_the_other_names_in_it(sentence, names):
    assert relations(run(sentence, names)) == set()


def test_an_industry_that_opens_a_clause_types_the_firms_listed_in_the_clause_before():
    ex = run("中航光电、中广核仿真等一批高能级企业落地，民用航空产业连续三年保持10%以上增长，新增北辰航空等企业3家。",
             {"中航光电": "Enterprise", "中广核仿真": "Enterprise", "北辰航空": "Enterprise", "民用航空": "IndustryCluster"})
    assert {s for s, p, o in relations(ex) if p == "inCluster"} == {"中航光电", "中广核仿真"}


@pytest.mark.parametrize(
    "sentence",
    ["比亚迪汽车研发中心建成启用，哈飞、标致合资项目积极推进，汽车产业集群及相关产业链初步形成。",
     "哈飞、标致等整车企业相继投产，汽车产业集群初步形成。"],
)
def test_an_industry_that_opens_a_clause_types_the_firms_whose_joint_venture_or_list_the_clause_before_names(sentence):
    ex = run(sentence, {"哈飞": "Enterprise", "标致": "Enterprise", "汽车": "IndustryCluster", "比亚迪汽车研发中心": "Platform"})
    assert {(s, o) for s, p, o in relations(ex) if p == "inCluster"} >= {("哈飞", "汽车"), ("标致", "汽车")}


def test_firms_named_before_a_clause_that_does_not_head_them_are_not_typed_by_the_next_industry():
    ex = run("哈飞、标致项目积极推进，汽车产业集群初步形成。", {"哈飞": "Enterprise", "标致": "Enterprise", "汽车": "IndustryCluster"})
    assert {s for s, p, o in relations(ex) if p == "inCluster"} == set()


def test_a_topic_that_is_no_industry_does_not_put_the_paragraph_in_an_industry():
    ex = run("企业方面，引进清科南方总部、巴斯夫等126个项目，总投资1700亿元，推动大成基金等9家金融机构落户。",
             {"清科南方总部": "Enterprise", "巴斯夫": "Enterprise", "大成基金": "Enterprise", "金融": "IndustryCluster"})
    assert not {s for s, p, o in relations(ex) if p == "inCluster"} & {"清科南方总部", "巴斯夫"}


def test_a_park_named_only_inside_a_company_name_takes_no_topic_of_the_sentence():
    # 大零号湾集团 is a company named after the park 大零号湾; the park is not in the sentence
    ex = run("养老科技方面，与大零号湾集团密切合作，推动申康实训基地落地。",
             {"养老科技": "IndustryCluster", "大零号湾": "Park", "大零号湾集团": "Enterprise", "申康实训基地": "Platform"})
    in_cluster = {s for s, p, o in relations(ex) if p == "inCluster"}
    assert "大零号湾" not in in_cluster
    assert {"大零号湾集团", "申康实训基地"} <= in_cluster


# --- cooperation and who runs what ------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["海螺集团与皖维集团启动重组。", "海螺集团和皖维集团签署战略合作协议。"])
def test_two_firms_that_cooperate(sentence):
    ex = run(sentence, {"海螺集团": "Enterprise", "皖维集团": "Enterprise"})
    assert relations(ex) == {("海螺集团", "cooperatesWith", "皖维集团")}


def test_partners_that_cooperate_with_a_third_are_no_pair():
    ex = run("认真做好清华大学、北京大学、哈尔滨工业大学和南开大学等四所高校与我市合作办学工作。",
             {"清华大学": "University", "北京大学": "University", "哈尔滨工业大学": "University", "南开大学": "University"})
    assert relations(ex) == set()


def test_two_names_found_only_as_the_partners_of_a_cooperation_are_no_pair():
    sentence = "深化内地与港澳合作，推动华为与港澳合作。"
    text = f"一、2025年工作回顾\n{sentence}\n"
    report = Report(slug="t", text=text, year="2026")
    sentences = split_sentences(text, "2026")

    def mention(name, occurrence, rule):
        start = text.index(name) if occurrence == 0 else text.index(name, text.index(name) + 1)
        return Mention(name, start, start + len(name), "Enterprise", rule, 1, name)

    mentions = [mention("内地", 0, "context:合作"), mention("港澳", 0, "context:合作"), mention("华为", 0, "lexicon"),
                mention("港澳", 1, "context:合作")]
    entities = {n: Entity(n, "Enterprise", mentions=[m for m in mentions if m.canonical == n]) for n in ("内地", "港澳", "华为")}
    rels, _, _ = find_relations(report, sentences, mentions, entities, EMPTY)
    assert {(r.subject, r.object) for r in rels if r.predicate == "cooperatesWith"} == {("华为", "港澳")}


def test_a_school_named_by_the_short_form_of_its_university_is_run_by_it():
    ex = extract(Report(slug="t", text="一、2025年工作回顾\n支持上海交大材料学院、清丞孵化器设立大材料产业孵化及转化平台。\n", year="2026"))
    assert ("上海交大材料学院", "affiliatedWith", "上海交通大学") in relations(ex)


def test_partners_that_found_a_platform_together_cooperate_and_run_it():
    ex = run("支持上海交大材料学院、清丞孵化器设立大材料产业孵化及转化平台。",
             {"上海交大材料学院": "University", "清丞孵化器": "Incubator", "大材料产业孵化及转化平台": "Platform"})
    assert relations(ex) == {
        ("上海交大材料学院", "cooperatesWith", "清丞孵化器"),
        ("大材料产业孵化及转化平台", "affiliatedWith", "上海交大材料学院"),
    }


def test_who_leads_the_founding_of_a_laboratory_runs_it():
    ex = run("深圳大学15个学科进入ESI前1%，牵头组建射频异质异构集成全国重点实验室。",
             {"深圳大学": "University", "射频异质异构集成全国重点实验室": "Laboratory"})
    assert relations(ex) == {("射频异质异构集成全国重点实验室", "affiliatedWith", "深圳大学")}


def test_a_platform_built_on_a_university_is_run_by_it():
    ex = run("依托华东师大建设石油化工分子转化实验室。", {"华东师大": "University", "石油化工分子转化实验室": "Laboratory"})
    assert ("石油化工分子转化实验室", "affiliatedWith", "华东师大") in relations(ex)


# --- the given names --------------------------------------------------------------------------


def test_given_names_are_found_longest_first_and_names_inside_them_are_nested():
    text = "深圳大学龙岗创新研究院和深圳大学。"
    ms = given_mentions(text, [0], [("深圳大学龙岗创新研究院", "ResearchInstitute", []), ("深圳大学", "University", ["深大"])])
    assert [(m.text, m.rule) for m in ms] == [
        ("深圳大学", "nested:prefix"), ("深圳大学龙岗创新研究院", "given"), ("深圳大学", "given"),
    ]


# --- the bundled report -----------------------------------------------------------------------


def test_the_bundled_report_ties_its_avionics_base_to_civil_aviation_and_not_the_park_of_a_company_to_elderly_care(extraction):
    links = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert ("航电基地", "inCluster", "民用航空") in links
    assert ("航电基地一期", "inCluster", "民用航空") in links
    assert ("大零号湾科技创新策源功能区", "inCluster", "养老科技") not in links
    assert ("大零号湾集团", "inCluster", "养老科技") in links
