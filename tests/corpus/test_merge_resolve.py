"""Entity resolution across reports (graph/resolve.py), on small extractions written by hand."""

from __future__ import annotations

import csv
import io
import itertools

from rdflib import RDF, RDFS, Graph, Literal

from graph.rdf.iri import entity_iri
from graph.model import Entity, Extraction, Mention, Milestone, Relation, Report, top_class
from graph.rdf.namespaces import WJ
from graph.corpus.resolve import Decision, Resolution, _fits, _MILESTONE_HOLDERS, near_duplicates, normal_form, resolve


def extraction(slug: str, year: str, entities: dict, relations=(), milestones=(), facts=()) -> Extraction:
    """An extraction with ``entities`` = {name: (class, number of mentions)}."""
    ents = {}
    for name, (cls, n) in entities.items():
        mentions = [Mention(name, 10 * i, 10 * i + len(name), cls, "suffix", i, name) for i in range(n)]
        ents[name] = Entity(name, cls, mentions=mentions)
    return Extraction(Report(slug=slug, text="", year=year), [], ents, sorted(relations), sorted(milestones),
                      sorted(facts))


def by_action(res: Resolution, action: str) -> list[Decision]:
    return [d for d in res.decisions if d.action == action]


def test_normal_form_ignores_width_quotes_spaces_case_and_the_kind_of_dash():
    assert normal_form("上海交大－紫竹中心") == normal_form("上海交大-紫竹中心") == normal_form("上海交大—紫竹中心")
    assert normal_form("“科技加油站”") == normal_form("科技加油站")
    assert normal_form("ＡｇｅＣｌｕｂ") == normal_form("ageclub")
    assert normal_form("航电基地") != normal_form("航电基地一期")


def test_names_that_differ_only_in_the_dash_are_merged_and_their_facts_follow():
    a = extraction("a-2025", "2025", {"上海交大－紫竹中心": ("Platform", 1), "紫竹高新区": ("Park", 1)},
                   [Relation("上海交大－紫竹中心", "locatedIn", "紫竹高新区", 0)])
    b = extraction("b-2026", "2026", {"上海交大-紫竹中心": ("Platform", 3), "上海交通大学": ("University", 1)},
                   [Relation("上海交大-紫竹中心", "affiliatedWith", "上海交通大学", 1)])
    res = resolve([a, b])
    assert [(d.name, d.target, d.rule, d.reports) for d in by_action(res, "merged")] == [
        ("上海交大-紫竹中心", "上海交大－紫竹中心", "normal-form", ("b-2026",))
    ]
    ra, rb = res.extractions
    assert "上海交大－紫竹中心" in rb.entities and "上海交大-紫竹中心" not in rb.entities
    assert rb.entities["上海交大－紫竹中心"].aliases == {"上海交大-紫竹中心"}
    assert rb.relations == [Relation("上海交大－紫竹中心", "affiliatedWith", "上海交通大学", 1)]
    assert ra.relations == a.relations


def test_the_name_kept_does_not_depend_on_which_report_says_it_more_often():
    def target(n_fullwidth: int, n_ascii: int) -> str:
        a = extraction("a", "2025", {"上海交大－紫竹中心": ("Platform", n_fullwidth)})
        b = extraction("b", "2026", {"上海交大-紫竹中心": ("Platform", n_ascii)})
        return by_action(resolve([a, b]), "merged")[0].target

    assert target(1, 5) == target(5, 1) == "上海交大－紫竹中心"


def test_a_lexicon_alias_used_as_a_name_becomes_the_canonical_name():
    a = extraction("a", "2025", {"华师": ("University", 2), "华为": ("Enterprise", 1)},
                   [Relation("华为", "cooperatesWith", "华师", 0)])
    res = resolve([a])
    assert [(d.name, d.target, d.rule) for d in by_action(res, "merged")] == [("华师", "华东师范大学", "lexicon")]
    # cooperatesWith is stored once, the end first in code-point order first, also after renaming
    assert res.extractions[0].relations == [Relation("华东师范大学", "cooperatesWith", "华为", 0)]
    assert resolve([a], use_lexicon=False).extractions[0].entities.keys() == a.entities.keys()


def test_two_classes_for_one_name_become_the_majority_and_relations_that_no_longer_fit_go():
    a = extraction("a", "2025", {"纳鸿微球": ("Enterprise", 3)})
    b = extraction("b", "2026", {"纳鸿微球": ("Platform", 1), "华东师范大学": ("University", 1)},
                   [Relation("纳鸿微球", "affiliatedWith", "华东师范大学", 4)])
    res = resolve([a, b])
    assert [(d.name, d.target) for d in by_action(res, "class")] == [("纳鸿微球", "Enterprise")]
    assert {ex.entities["纳鸿微球"].cls for ex in res.extractions} == {"Enterprise"}
    assert res.extractions[1].relations == []  # an enterprise is not affiliated with a university
    dropped = by_action(res, "dropped")
    assert [(d.name, d.target, d.reports) for d in dropped] == [("纳鸿微球", "affiliatedWith 华东师范大学", ("b",))]


def test_the_lexicon_class_wins_and_a_subclass_wins_over_its_parent():
    a = extraction("a", "2025", {"宁德时代": ("Platform", 5), "瑞思迈": ("Enterprise", 5)})
    b = extraction("b", "2026", {"宁德时代": ("Enterprise", 1), "瑞思迈": ("ListedCompany", 1)})
    res = resolve([a, b])
    assert {(d.name, d.target) for d in by_action(res, "class")} == {("宁德时代", "Enterprise"), ("瑞思迈", "ListedCompany")}


def test_a_milestone_planned_in_one_report_and_done_in_the_next_is_no_longer_planned():
    plan = extraction("w-2026", "2026", {"紫巢": ("Project", 1)}, milestones=[Milestone("紫巢", "Completed", "2026", 3, True)])
    done = extraction("w-2027", "2027", {"紫巢": ("Project", 1)}, milestones=[Milestone("紫巢", "Completed", "2026", 8, False)])
    res = resolve([plan, done])
    assert [m.planned for ex in res.extractions for m in ex.milestones] == [False, False]
    assert [(m.sentence) for ex in res.extractions for m in ex.milestones] == [3, 8]  # both sources kept
    assert [(d.name, d.target, d.reports) for d in by_action(res, "achieved")] == [
        ("紫巢", "Completed 2026", ("w-2026", "w-2027"))
    ]


def test_milestones_of_different_years_all_stay():
    a = extraction("w-2025", "2025", {"航电基地一期": ("Project", 1)},
                   milestones=[Milestone("航电基地一期", "Started", "2024", 2)])
    b = extraction("w-2026", "2026", {"航电基地一期": ("Project", 1)},
                   milestones=[Milestone("航电基地一期", "Completed", "2025", 5)])
    res = resolve([a, b])
    assert [ex.milestones for ex in res.extractions] == [a.milestones, b.milestones]
    assert by_action(res, "achieved") == []


def test_a_fund_size_given_differently_by_two_reports_keeps_the_latest():
    facts_a = [("养老科技基金", "amountCNY", "100000000", 1), ("养老科技基金", "amountText", "总规模1亿元", 1)]
    facts_b = [("养老科技基金", "amountCNY", "200000000", 2), ("养老科技基金", "amountText", "总规模2亿元", 2)]
    a = extraction("w-2025", "2025", {"养老科技基金": ("Fund", 1)}, facts=facts_a)
    b = extraction("w-2026", "2026", {"养老科技基金": ("Fund", 1)}, facts=facts_b)
    res = resolve([b, a])  # the build order does not decide: the report year does
    kept = {f for ex in res.extractions for f in ex.facts}
    assert kept == set(facts_b)
    assert [(d.name, d.target, d.rule) for d in by_action(res, "amount")] == [
        ("养老科技基金", "200000000", "latest report: w-2026")
    ]


def test_near_duplicates_are_reported_but_kept_apart():
    a = extraction("a", "2025", {"航电基地": ("Project", 1), "航电基地一期": ("Project", 1), "航电科技": ("Enterprise", 1)})
    res = resolve([a])
    assert {(d.name, d.target, d.cls) for d in by_action(res, "kept-apart")} == {("航电基地", "航电基地一期", "Project")}
    assert set(res.extractions[0].entities) == set(a.entities)


def test_near_duplicates_finds_each_similar_pair_once_across_blocks():
    names = ["甲乙丙丁戊", "甲乙丙丁己", "庚辛壬癸子", "丑寅卯辰巳"]
    assert near_duplicates(names, score=80, block=1) == near_duplicates(names, score=80) == [
        ("甲乙丙丁己", "甲乙丙丁戊", 80)
    ]


def test_the_resolution_csv_has_a_header_and_one_row_per_decision_in_a_fixed_order():
    a = extraction("a", "2025", {"华东师大": ("University", 1), "航电基地": ("Project", 1), "航电基地一期": ("Project", 1)})
    res = resolve([a])
    rows = list(csv.DictReader(io.StringIO(res.to_csv())))
    assert [r["action"] for r in rows] == ["merged", "alias", "kept-apart"]  # the mention 华东师大 is now an alias
    assert rows[0] | {} == {"action": "merged", "name": "华东师大", "target": "华东师范大学", "class": "", "score": "",
                            "n_reports": "1", "reports": "a", "rule": "lexicon"}
    assert res.counts() == {"merged": 1, "alias": 1, "kept-apart": 1}


def test_resolving_the_bundled_report_again_changes_nothing(built):
    from graph.rdf.convert import to_rdf

    again = resolve(built.extractions)
    assert {d.action for d in again.decisions} <= {"alias", "kept-apart"}
    assert to_rdf(again.extractions).serialize(format="nquads") == to_rdf(built.extractions).serialize(format="nquads")
    aliases = {(d.name, d.target) for d in again.decisions if d.action == "alias"}
    assert ("华东师大", "华东师范大学") in aliases and ("上海交大", "上海交通大学") in aliases


# ---------------------------------------------------------------- resolve's rules agree with the shapes

TOP = ["Enterprise", "University", "ResearchInstitute", "Fund", "Platform", "Park", "IndustryCluster", "Project"]


def test_the_relation_rules_agree_with_ontology_shapes():
    """Every (predicate, subject class, object class) _fits accepts is valid, every one it refuses is not."""
    from graph.validate.ontology import validate

    g = Graph()
    cases = {}
    for i, (p, s, o) in enumerate(itertools.product(["locatedIn", "inCluster", "cooperatesWith", "affiliatedWith"], TOP, TOP)):
        subject, obj = entity_iri(f"s{i}"), entity_iri(f"o{i}")
        for node, cls in ((subject, s), (obj, o)):
            g.add((node, RDF.type, WJ[cls]))
            g.add((node, RDFS.label, Literal(f"n{i}", lang="zh")))
            g.add((node, RDFS.label, Literal(f"n{i}", lang="zh-Latn-pinyin")))
        g.add((subject, WJ[p], obj))
        cases[subject] = (p, s, o)
    failing = {node for v in validate(g).results for node in (v.focus, v.value)}
    for node, (p, s, o) in cases.items():
        assert _fits(p, s, o) == (node not in failing), (p, s, o)


def test_the_milestone_rule_agrees_with_ontology_shapes():
    from graph.validate.ontology import validate

    for cls in TOP:
        g = Graph()
        node, m = entity_iri("x"), entity_iri("x/milestone")
        g.add((node, RDF.type, WJ[cls]))
        g.add((node, RDFS.label, Literal("x", lang="zh")))
        g.add((node, RDFS.label, Literal("x", lang="zh-Latn-pinyin")))
        g.add((node, WJ.hasMilestone, m))
        g.add((m, RDF.type, WJ.Milestone))
        g.add((m, WJ.stage, WJ.Started))
        g.add((m, WJ.period, Literal("2025")))
        g.add((m, WJ.planned, Literal(False)))
        assert validate(g).conforms == (top_class(cls) in _MILESTONE_HOLDERS), cls
