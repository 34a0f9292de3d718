"""``wujing-kg query`` and ``run_query``: formats, parameters as RDF terms, errors as one line with
the right exit status, and no network access from SPARQL."""

from __future__ import annotations

import csv
import io
import json
import socket

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from graph.cli import main
from graph.rdf.iri import entity_iri
from graph.store.queries import ParameterError, QuerySyntaxError, ServiceRefused, UnknownQuery, list_queries, run_query, run_text, to_term
from graph.store.tables import display_width


@pytest.fixture(scope="module")
def trig(built):
    return str(built.out_dir / "wujing.trig")


def cli(*args):
    result = CliRunner().invoke(main, list(args))
    return result


def test_list_shows_every_query_with_its_question():
    result = cli("query", "--list", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["name"] for r in rows] == [q.name for q in list_queries()]
    coop = next(r for r in rows if r["name"] == "university_cooperation")
    assert coop["question"].endswith("?") and coop["问题"] and coop["parameters"] == "university, partner"


def test_named_query_with_a_chinese_name_as_parameter(trig):
    result = cli("query", "university_cooperation", "--param", "university=华东师范大学", "--graph", trig,
                 "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["partnerLabel"] for r in rows} >= {"奥锐特"}
    assert {r["university"] for r in rows} == {str(entity_iri("华东师范大学"))}


def test_csv_and_tsv_and_json_give_the_same_rows(trig):
    outputs = {fmt: cli("query", "funds", "--graph", trig, "--format", fmt) for fmt in ("csv", "tsv", "json")}
    assert all(r.exit_code == 0 for r in outputs.values()), {k: r.output for k, r in outputs.items()}
    from_csv = list(csv.DictReader(io.StringIO(outputs["csv"].output)))
    from_tsv = list(csv.DictReader(io.StringIO(outputs["tsv"].output), delimiter="\t", quoting=csv.QUOTE_NONE))
    from_json = json.loads(outputs["json"].output)
    assert [r["fund"] for r in from_csv] == [r["fund"] for r in from_tsv] == [r["fund"] for r in from_json]
    assert from_csv[0]["fund"].startswith("https://w3id.org/wujing-kg/id/")  # full IRIs outside the table
    assert isinstance(from_json[0]["amountCNY"], float) and from_csv[0]["amountCNY"]


def at_column(line: str, column: int) -> str:
    """The rest of ``line`` from display column ``column`` (CJK characters count two)."""
    used = 0
    for i, ch in enumerate(line):
        if used == column:
            return line[i:]
        used += display_width(ch)
    return ""


def test_table_columns_line_up_by_display_width(trig):
    result = cli("query", "park_members", "--graph", trig)
    assert result.exit_code == 0, result.output
    rows = run_query("park_members", graph=trig)
    lines = result.output.splitlines()
    header, rule, body = lines[0], lines[1], lines[2:-1]
    assert lines[-1] == f"({len(rows)} rows)" and len(body) == len(rows)
    column = display_width(header[: header.index("memberLabel")])
    assert rule[column - 2: column] == "  " and rule[column] == "-"
    assert any(display_width(r["parkLabel"]) > len(r["parkLabel"]) for r in rows)  # Chinese text before the column
    for line, row in zip(body, rows):
        assert at_column(line, column).startswith(row["memberLabel"] + " ")


def test_execute_and_file_with_predeclared_prefixes(trig, tmp_path):
    result = cli("query", "-e", "SELECT ?u WHERE { ?u a wj:University ; rdfs:label \"华东师范大学\"@zh }",
                 "--graph", trig, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == str(entity_iri("华东师范大学"))
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?x WHERE { ?x wj:cooperatesWith ?y }", encoding="utf-8")
    result = cli("query", "--file", str(rq), "--param", "y=<%s>" % entity_iri("奥锐特"), "--graph", trig,
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [str(entity_iri("华东师范大学"))]


def test_output_file_is_written(trig, tmp_path):
    out = tmp_path / "sub" / "reports.json"
    result = cli("query", "reports", "--graph", trig, "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))[0]["report"].endswith("/report/wujing-2026")
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_syntax_error_says_where_and_what_was_expected_with_status_2(trig, tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("PREFIX wj: <https://w3id.org/wujing-kg/ontology#>\nSELECT ?x WHERE {\n  ?x a wj:Park .\n"
                  "  FILTR (?x != wj:Park)\n}\n", encoding="utf-8")
    result = cli("query", "--file", str(rq), "--graph", trig)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert "broken.rq: line 4, column 3: syntax error: expected" in line and "FILTR" in line


def test_unknown_prefix_is_located(trig):
    result = cli("query", "-e", "SELECT ?x WHERE {\n  ?x foo:bar ?y }", "--graph", trig)
    assert result.exit_code == 2
    assert "line 2, column 6" in result.output and "foo:" in result.output


def test_unknown_query_lists_the_names_with_status_2():
    result = cli("query", "no_such_query")
    assert result.exit_code == 2
    assert "Available names:" in result.output and "park_cluster_links" in result.output
    with pytest.raises(UnknownQuery, match="Available names: .*university_cooperation"):
        run_query("no_such_query")


def test_unknown_query_close_to_a_name_suggests_it():
    """A query renamed when its year went into a parameter (projects_completed_2025) points to its new name."""
    result = cli("query", "projects_completed_2025")
    assert result.exit_code == 2
    assert "Did you mean 'projects_completed'?" in result.output
    assert "Did you mean" not in cli("query", "no_such_query").output


@pytest.mark.parametrize("args, message", [
    (["funds", "--param", "nope=1"], "no parameter 'nope'; parameters: fund"),
    (["funds", "--param", "fund"], "write NAME=VALUE"),
    (["entities_introduced", "--param", "year=MMXXV"], "is not a year"),
    (["funds", "--param", "fund=不存在的基金"], "no entity named '不存在的基金'"),
    (["university_cooperation"], None),
])
def test_bad_parameters_are_one_line_errors(trig, args, message):
    result = cli("query", *args, "--graph", trig)
    if message is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_an_alias_shared_by_two_entities_is_not_guessed():
    from rdflib import RDF, RDFS, Graph, Literal
    from rdflib.namespace import SKOS

    from graph.rdf.namespaces import ID, WJ

    g = Graph()
    for slug, label, cls in (("u", "华东师范大学", WJ.University), ("i", "华东师大孵化器", WJ.Incubator)):
        g.add((ID[slug], RDF.type, cls))
        g.add((ID[slug], RDFS.label, Literal(label, lang="zh")))
        g.add((ID[slug], SKOS.altLabel, Literal("华东师大", lang="zh")))
    with pytest.raises(ParameterError, match="'华东师大' names 2 entities: 华东师大孵化器 .*, 华东师范大学"):
        to_term("华东师大", "IRI", g)
    assert to_term("华东师范大学", "IRI", g) == ID["u"]
    assert to_term("孵化器", "IRI", g) == ID["i"]  # the one label that contains it
    assert to_term("huadongshifandaxue", "IRI", g) == ID["u"]  # toneless pinyin


def test_a_missing_graph_file_or_build_folder_is_a_one_line_error(tmp_path):
    result = cli("query", "funds", "--graph", str(tmp_path / "none.trig"))
    assert result.exit_code == 1 and "none.trig: graph file not found" in result.output
    assert result.output.count("\n") == 1
    with pytest.raises(Exception, match="graph file not found"):
        run_query("funds", graph=tmp_path / "none.trig")
    result = cli("query", "funds", "--graph", str(tmp_path))  # a folder with nothing built in it
    assert result.exit_code == 1 and "no built graph in this folder" in result.output


def test_exactly_one_query_source():
    assert cli("query").exit_code == 2
    assert cli("query", "funds", "-e", "ASK {}").exit_code == 2


def test_parameters_are_bound_as_terms_never_pasted(trig):
    """A value full of SPARQL syntax stays one literal: the query text never changes."""
    evil = '航空" ) } SELECT * WHERE { ?s ?p ?o } #'
    rows = run_query("search_entities", graph=trig, text=evil)
    assert rows == []
    rows = run_text("SELECT ?l WHERE { ?e rdfs:label ?l }", trig, {"l": evil})
    assert rows == []


def test_service_is_refused_and_nothing_is_fetched(trig, listener):
    port, hits = listener
    socket.create_connection(("127.0.0.1", port)).close()  # the listener does record connections
    import time
    time.sleep(0.5)
    assert len(hits) == 1
    for text in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                 f"SELECT * WHERE {{ OPTIONAL {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
                 f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
        with pytest.raises(ServiceRefused):
            run_text(text, trig)
        result = cli("query", "-e", text, "--graph", trig)
        assert result.exit_code == 2 and "SERVICE" in result.output
    with pytest.raises(ServiceRefused):
        run_text(f"SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}", trig)
    time.sleep(0.5)
    assert len(hits) == 1


def test_service_in_a_string_or_comment_is_only_text(trig):
    rows = run_text('SELECT ?x WHERE { BIND("SERVICE <http://example.org/>" AS ?x) } # SERVICE', trig)
    assert rows == [{"x": "SERVICE <http://example.org/>"}]


def test_rows_go_into_pandas(trig):
    import pandas as pd

    rows = run_query("park_cluster_links", graph=trig)
    df = pd.DataFrame(rows, columns=rows.vars)
    assert list(df.columns) == rows.vars and len(df) == len(rows)
    assert df["members"].dtype.kind == "i"
    empty = run_query("entities_introduced", graph=trig, year="1999")
    assert list(pd.DataFrame(empty, columns=empty.vars).columns) == ["year", "entity", "entityLabel", "class"]


def test_run_query_accepts_the_build_result_dataset(built):
    rows = run_query("university_cooperation", graph=built.dataset, university=URIRef(entity_iri("华东师范大学")))
    assert "奥锐特" in {r["partnerLabel"] for r in rows}


def test_query_syntax_error_from_python(trig):
    with pytest.raises(QuerySyntaxError) as err:
        run_text("SELECT ?x WHERE { ?x ?p }", trig)
    assert err.value.line == 1 and err.value.column is not None


def test_a_table_on_a_terminal_fits_its_width(trig):
    """issue 16: the indicator tables were 580 columns wide; fitted to 100 columns the text columns narrow."""
    wide = cli("query", "park_cluster_links", "--graph", trig)  # not a terminal: any width
    assert max(map(display_width, wide.output.splitlines())) > 100
    result = cli("query", "park_cluster_links", "--graph", trig, "--width", "100")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(map(display_width, lines)) <= 100 and "…" in result.output
    assert lines[-1] == wide.output.splitlines()[-1]  # the same rows


def test_a_table_too_wide_for_the_terminal_says_how_to_choose_columns(trig):
    result = cli("query", "indicators_for_year", "--graph", trig, "--width", "80")
    assert result.exit_code == 0 and "choose some with --columns" in result.output


def test_columns_chooses_and_orders_the_result_columns_in_every_format(trig):
    table = cli("query", "indicators_for_year", "--graph", trig, "--columns", "indicatorLabel,period,value")
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["indicatorLabel", "period", "value"]
    rows = list(csv.reader(io.StringIO(cli("query", "indicators_for_year", "--graph", trig, "--format", "csv",
                                           "--columns", "period,indicatorLabel").output)))
    assert rows[0] == ["period", "indicatorLabel"] and len(rows) > 100 and all(len(r) == 2 for r in rows)
    bad = cli("query", "indicators_for_year", "--graph", trig, "--columns", "period,nope")
    assert bad.exit_code == 2 and "no column 'nope'" in bad.output and "indicatorLabel" in bad.output


def test_a_table_piped_keeps_every_cell_whatever_columns_the_shell_exports(trig):
    plain = cli("query", "park_cluster_links", "--graph", trig).output
    exported = CliRunner().invoke(main, ["query", "park_cluster_links", "--graph", trig], env={"COLUMNS": "40"})
    assert exported.output == plain and "…" not in plain.splitlines()[2]
