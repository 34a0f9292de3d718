"""The rule components are spaCy factories: their word lists come through the config, each list
has one owner (graph/extract/patterns.py), and spaCy's pipe analysis finds nothing missing."""

from __future__ import annotations

import ast
from pathlib import Path

import spacy

from graph.extract import patterns
from graph.extract.components import ENTITIES
from graph.extract.families import load_families
from graph.extract.pipeline import RULE_COMPONENTS, make_nlp

EXTRACT = Path(__file__).resolve().parents[2] / "graph" / "extract"
#: The modules of the rule components: no word list of their own, only patterns.py's.
RULE_MODULES = ("components.py", "names.py", "spans.py", "families.py", "pipeline.py")


def entities(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(s.text, s.label_) for s in doc.spans[ENTITIES]}


def test_pipe_analysis_of_the_pipeline_reports_no_problems():
    nlp = make_nlp({"华东师大": ("University", "华东师范大学")}, {"莲谷": ("Enterprise", "莲谷")})
    analysis = nlp.analyze_pipes()
    assert set(RULE_COMPONENTS) <= set(analysis["summary"])
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    for name in RULE_COMPONENTS + ("wj_lexicon", "wj_known", "wj_resolve"):
        meta = nlp.get_pipe_meta(name)
        assert meta.requires == ["doc.spans"] and meta.assigns == ["doc.spans"], name


def test_word_lists_are_settings_of_the_components_config():
    config = make_nlp().config["components"]
    assert ["研究院", "ResearchInstitute", "-"] in config["wj_suffix_names"]["rules"]["families"]
    assert config["wj_enumerations"]["heads"][0] == ["上市公司", "ListedCompany"]
    assert config["wj_resolve"]["rule_ranks"] == patterns.RULE_RANK
    assert config["wj_milestone_projects"]["rules"] == config["wj_suffix_names"]["rules"]


def test_a_word_list_given_in_the_config_changes_what_a_component_finds():
    text = "依托浦江创谷，引进企业。"
    default = spacy.blank("zh")
    for name in ("wj_init", "wj_suffix_names", "wj_resolve"):
        default.add_pipe(name)
    assert ("浦江创谷", "Park") not in entities(default, text)
    custom = spacy.blank("zh")
    custom.add_pipe("wj_init")
    rules = {"@misc": "wj.name_rules.v1", "families": [["创谷", "Park", "-"], *(f.as_row() for f in load_families())]}
    custom.add_pipe("wj_suffix_names", config={"rules": rules})
    custom.add_pipe("wj_resolve")
    assert ("浦江创谷", "Park") in entities(custom, text)


def test_rule_ranks_in_the_config_decide_between_candidates_of_equal_length():
    # 华东师大孵化器 is a suffix name (an incubator) and, here, also a "known" name of another class
    text = "推动华东师大孵化器能级提升。"
    known = {"华东师大孵化器": ("Platform", "华东师大孵化器")}
    by_default = make_nlp(None, known)
    assert ("华东师大孵化器", "Incubator") in entities(by_default, text)  # suffix (2) before known (6)
    nlp = make_nlp(None, known)
    nlp.replace_pipe("wj_resolve", "wj_resolve", config={"rule_ranks": {**patterns.RULE_RANK, "known": 0}})
    assert ("华东师大孵化器", "Platform") in entities(nlp, text)


def _word_lists(path: Path) -> list[str]:
    """Module-level tuples, lists and sets of three or more Chinese words in a module."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.Tuple, ast.List, ast.Set)):
            strings = [e for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                       and any("\u4e00" <= ch <= "\u9fff" for ch in e.value)]  # Chinese words
            if len(strings) >= 3:
                found.append(ast.unparse(node)[:60])
    return found


def test_each_word_list_of_the_rules_is_defined_once_in_patterns():
    assert len(_word_lists(EXTRACT / "patterns.py")) >= 20
    for module in RULE_MODULES:
        assert _word_lists(EXTRACT / module) == [], module
