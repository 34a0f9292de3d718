"""What the build writes: deterministic across processes and input orders, parses back the same with
rdflib and pyoxigraph, and keeps hostile text (HTML/JS, SPARQL, formulas, control characters,
very long names) as inert data in Turtle, TriG, CSV and the HTML maps."""

from __future__ import annotations

import csv
import os
from decimal import Decimal
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, XSD

from graph.build import build
from graph.resources import DEFAULT_REPORT
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import ID

ROOT = Path(__file__).resolve().parents[2]
PROVENANCE = ID["graph/provenance"]
SCRIPT = "<script>alert(1)</script>科技有限公司"
LONG = "推动" + "超长名称" * 30 + "科技有限公司落地。"
HOSTILE = (
    "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n"
    f"依托上海市养老科技产业园，引进{SCRIPT}、银发无忧等26家企业。\n"
    '引进"}; DROP ALL; INSERT DATA { <urn:x> <urn:y> <urn:z> } #科技有限公司入驻金领谷产业园。\n'
    "推动'); DELETE WHERE { ?s ?p ?o } ; --科技有限公司落地。\n"
    "华东师范大学与奥锐特开展合作，共建<img src=x onerror=alert(2)>联合实验室。\n"
    f"{LONG}\n"
    "引进含控制字符\x07\x1b[31m红色\x1b[0m的科技有限公司。\n"
    "行分隔\u2028段分隔\u2029。双向\u202e司公限有技科\u202c。\n"
    '引进=HYPERLINK("http://x")科技有限公司、@SUM(1)科技有限公司、+1科技有限公司落地。\n'
    "引进{{7*7}}科技有限公司、${jndi:ldap://x}科技有限公司、&lt;b&gt;科技有限公司落地。\n"
)
#: Characters that must never reach an output file: C0/C1 controls (but tab and newline), bidi controls,
#: line and paragraph separators.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def oxigraph_dataset(path: Path, fmt) -> Dataset:
    """``path`` parsed by pyoxigraph, handed to rdflib through N-Quads."""
    nquads = ox.serialize(ox.parse(path=str(path), format=fmt), format=ox.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    return ds


def plain(g: Graph) -> Graph:
    """A standalone copy of a graph of a Dataset, language tags in lower case (they are case-insensitive,
    and Oxigraph writes them so: zh-Latn-pinyin comes back as zh-latn-pinyin)."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def named_graphs(ds: Dataset) -> dict:
    return {g.identifier: plain(g) for g in ds.graphs() if len(g)}


# --- round trips ------------------------------------------------------------------------------

def test_trig_parses_back_the_same_with_rdflib_and_pyoxigraph(built):
    path = built.out_dir / "wujing.trig"
    ds = Dataset()
    ds.parse(path, format="trig")
    ours, theirs = named_graphs(ds), named_graphs(oxigraph_dataset(path, ox.RdfFormat.TRIG))
    assert set(ours) == set(theirs) and len(ours) > 50
    for name, g in ours.items():
        assert isomorphic(g, theirs[name]), name


def test_turtle_parses_back_the_same_with_rdflib_and_pyoxigraph(built):
    path = built.out_dir / "wujing.ttl"
    ours = plain(Graph().parse(path, format="turtle"))
    theirs = plain(oxigraph_dataset(path, ox.RdfFormat.TURTLE).default_graph)
    assert len(ours) == len(theirs) > 1500
    assert isomorphic(ours, theirs)


def by_value(g: Graph) -> Graph:
    """``g`` with decimals in one lexical form: Turtle writes "16"^^xsd:decimal as 16.0, the same value."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def test_the_built_dataset_serialised_and_parsed_again_is_isomorphic(built):
    ds = Dataset()
    ds.parse(built.out_dir / "wujing.trig", format="trig")
    graphs = named_graphs(ds)
    assert set(graphs) == {g.identifier for g in built.dataset.graphs() if len(g)}
    for name, g in graphs.items():
        assert isomorphic(by_value(g), by_value(plain(built.dataset.graph(name)))), name


# --- determinism ------------------------------------------------------------------------------

def test_build_in_another_process_with_another_hash_seed_is_byte_identical(built, tmp_path):
    code = "import sys; from pathlib import Path; from graph.build import build; build([Path(sys.argv[1])], out_dir=Path(sys.argv[2]))"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run([sys.executable, "-c", code, str(DEFAULT_REPORT), str(tmp_path / "out")], check=True, env=env,
                   cwd=ROOT, timeout=300, capture_output=True)
    for name in ("wujing.ttl", "wujing.trig"):
        assert (tmp_path / "out" / name).read_bytes() == (built.out_dir / name).read_bytes(), name


A = "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等26家企业。\n"
B = "某镇人民政府2026年工作报告\n一、2025年工作回顾\n华东师范大学与奥锐特开展合作。航电基地一期项目竣工。\n"


def test_order_of_input_files_changes_neither_iris_nor_bytes(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    ab = build([tmp_path / "a.txt", tmp_path / "b.txt"], out_dir=tmp_path / "ab")
    ba = build([tmp_path / "b.txt", tmp_path / "a.txt"], out_dir=tmp_path / "ba")
    for name in ("wujing.ttl", "wujing.trig", "entities.csv"):
        assert (tmp_path / "ab" / name).read_bytes() == (tmp_path / "ba" / name).read_bytes(), name
    subjects = {str(s) for s in ab.union.subjects()}
    assert str(entity_iri("银发无忧")) in subjects and str(entity_iri("华东师范大学")) in subjects
    alone = build([tmp_path / "a.txt"], out_dir=None)
    a_graphs = {str(g.identifier) for g in alone.dataset.graphs() if "/report/a/" in str(g.identifier)}
    assert a_graphs and a_graphs <= {str(g.identifier) for g in ab.dataset.graphs()}


# --- hostile text -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    (d / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = build([d / "hostile.txt"], out_dir=d / "out")
    result.out_dir = d / "out"
    return result


def test_markup_never_becomes_part_of_an_entity_name(hostile):
    # the extractor stops a name at ASCII markup and code characters; formula-like names still get through
    names = set(hostile.extractions[0].entities)
    assert not [n for n in names if re.search(r"[<>{}$=@\[\]]", n)]
    assert "+1科技有限公司" in names  # the CSV test below shows it cannot run as a formula


def test_hostile_text_stays_literal_data_in_turtle_and_trig(hostile):
    ex = hostile.extractions[0]
    for path, fmt in ((hostile.out_dir / "wujing.ttl", "turtle"), (hostile.out_dir / "wujing.trig", "trig")):
        ds = Dataset()
        ds.parse(path, format=fmt)
        values = {str(q[2]) for q in ds.quads((None, PROV.value, None, None))}
        hostile = {s.text for s in ex.sentences if re.search(r"[<>{}$@+=]|DROP|DELETE", s.text)}
        assert len(hostile & values) >= 4  # sentences with facts are stored exactly as written, SPARQL and all
        assert values <= {s.text for s in ex.sentences}
        iris = {str(t) for quad in ds.quads() for t in quad[:3] if not isinstance(t, Literal)}
        assert not {i for i in iris if i.startswith("urn:")}  # "INSERT DATA { <urn:x> ... }" inserted nothing
        assert not [i for i in iris if re.search(r"[<>\"{}|^`\\\s]", i)]  # every IRI is a valid IRI
        oxigraph_dataset(path, ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.TRIG)  # parses there too


def test_long_sentences_survive_whole(hostile):
    values = {str(o) for o in hostile.union.objects(None, PROV.value)}
    assert LONG in hostile.extractions[0].report.text
    assert all(v in hostile.extractions[0].report.text for v in values)  # none cut or altered


def test_no_control_or_bidi_characters_reach_the_outputs(hostile):
    for name in ("wujing.ttl", "wujing.trig", "entities.csv"):
        text = (hostile.out_dir / name).read_text(encoding="utf-8")
        assert not UNSAFE.findall(text), name
    assert "司公限有技科" in hostile.extractions[0].report.text  # the text stays, without its bidi override


def test_hostile_names_round_trip_through_the_csv(hostile):
    with open(hostile.out_dir / "entities.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert all(len(row) == 6 for row in rows)
    labels = {row[2] for row in rows[1:]}
    assert "'+1科技有限公司" in labels  # a leading ' keeps spreadsheets from running it as a formula
    assert {label.removeprefix("'") for label in labels} == set(hostile.extractions[0].entities)


def test_hostile_names_are_escaped_in_the_html_maps(hostile):
    maps = sorted((hostile.out_dir / "maps").glob("*.html"))
    assert maps, "the build writes HTML maps"
    for path in maps:
        page = path.read_text(encoding="utf-8")
        assert "alert(1)</script>" not in page, path.name
        assert "<img src=x onerror" not in page, path.name
        assert "{{7*7}}" not in page or "49" not in re.findall(r"\{\{7\*7\}\}(\S{0,2})", page), path.name
    network = (hostile.out_dir / "maps" / "network.html").read_text(encoding="utf-8")
    assert "alert(1)" in network  # the name is there, escaped


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_hostile_names_come_out_of_queries_as_plain_values(hostile, fmt):
    import json

    from click.testing import CliRunner

    from graph.cli import main

    sparql = "SELECT ?label WHERE { ?s prov:value ?label } ORDER BY ?label"
    result = CliRunner().invoke(main, ["query", "-e", sparql, "-g", str(hostile.out_dir / "wujing.trig"),
                                       "-f", fmt, "--max-width", "0"])
    assert result.exit_code == 0, result.output
    assert not UNSAFE.findall(result.output)
    if fmt == "json":
        labels = {row["label"] for row in json.loads(result.output)}
    elif fmt == "csv":
        labels = {row[0] for row in csv.reader(result.output.splitlines()[1:])}
    else:
        labels = {line.strip() for line in result.output.splitlines()}
    assert any(SCRIPT in label for label in labels)  # the sentence with the markup, as plain text
    assert any("@SUM(1)科技有限公司" in label for label in labels)
