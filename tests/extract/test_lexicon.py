"""The curated lexicon is data: well-formed, documented, and each entry earns its place."""

from pathlib import Path

import pytest

from graph.extract.lexicon import LEXICON_PATH, LexiconError, load_lexicon
from graph.model import ENTITY_CLASSES

ROOT = Path(__file__).resolve().parents[2]


def test_lexicon_loads_and_every_class_is_one_the_extractor_knows():
    lex = load_lexicon()
    assert len(lex.classes) >= 30
    assert set(lex.classes.values()) <= set(ENTITY_CLASSES)


def test_aliases_resolve_to_canonical_names():
    lex = load_lexicon()
    assert lex.canonical("华东师大") == "华东师范大学"
    assert lex.canonical("上海交大") == "上海交通大学"
    assert lex.canonical("兰香紫月输变电站") == "紫月兰香输变电站"
    assert lex.canonical("某某公司") == "某某公司"


def test_every_lexicon_line_says_why_it_is_there():
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            assert len(cols) == 4 and cols[3].strip(), line


def test_every_canonical_name_or_alias_occurs_in_the_bundled_report(report_text):
    lex = load_lexicon()
    for name in lex.classes:
        forms = [name] + [a for a, c in lex.aliases.items() if c == name]
        assert any(f in report_text for f in forms), name


def test_lexicon_is_documented():
    doc = (ROOT / "graph" / "extract" / "LEXICON.md").read_text(encoding="utf-8")
    assert "lexicon.tsv" in doc and "--no-lexicon" in doc


@pytest.mark.parametrize(
    "content, message",
    [
        ("华东师范大学\n", "expected name"),
        ("华东师范大学\tCollege\t\tx\n", "unknown class"),
        ("甲\tEnterprise\t\tx\n甲\tEnterprise\t\tx\n", "listed twice"),
        ("甲\tEnterprise\t乙\tx\n丙\tEnterprise\t乙\tx\n", "listed twice"),
    ],
)
def test_malformed_lexicon_names_the_line(tmp_path, content, message):
    path = tmp_path / "lex.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)
