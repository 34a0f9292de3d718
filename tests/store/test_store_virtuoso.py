"""``wujing-kg push`` into a real Virtuoso (Debian's ``virtuoso-opensource``), and the README's
Virtuoso examples run as written.

One Virtuoso for the module: started on two free loopback ports, in a temporary folder, with a
``virtuoso.ini`` of its own; ``.ci/run`` installs the package when it is missing.  The user and its
grant are made with the README's own SQL, the push is the README's command, the queries are its
``curl`` lines (with ``HOST`` the loopback address), and every library query is asked the way the
README says and compared with ``wujing-kg query`` on the bundled report.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import socket
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from graph.cli import main
from graph.store.queries import list_queries, run_query

ROOT = Path(__file__).resolve().parents[2]
UNION = "https://w3id.org/wujing-kg/id/graph/union"
PASSWORD = "wujing-test"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Library queries Virtuoso 7.2.5 does not answer as ``wujing-kg query`` does, and why (the README says so).
# fmt: off
DIFFERENT = {
    "cluster_targets": "its REGEX over Chinese text matches nothing on Virtuoso",
    "changes_between_years": "ran past 30 s on Virtuoso",
    "indicators_targets_vs_actuals": "ran past 120 s on Virtuoso",
}
# fmt: on

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def binary(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} not found: apt-get install virtuoso-opensource (.ci/run installs it)"
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def readme_block(language: str, contains: str) -> str:
    """The README's fenced ``language`` block that contains ``contains``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(rf"```{language}\n(.*?)```", text, flags=re.S) if contains in b]
    assert len(blocks) == 1, f"the README should have one {language} block with {contains!r}"
    return blocks[0]


class Virtuoso:
    def __init__(self, sql: int, http: int) -> None:
        self.sql, self.http = sql, http
        self.host = f"127.0.0.1:{http}"
        self.sparql = f"http://{self.host}/sparql"
        self.crud = f"http://{self.host}/sparql-graph-crud-auth"

    def isql(self, statements: str) -> str:
        proc = subprocess.run([binary("isql-vt"), f"127.0.0.1:{self.sql}", "dba", "dba", f"exec={statements}"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and "Error" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
        return proc.stdout

    def select(self, query: str, default_graph: str | None = None) -> tuple[list[str], list[dict]]:
        data = {"query": query} | ({"default-graph-uri": default_graph} if default_graph else {})
        r = requests.post(self.sparql, data=data, headers={"Accept": "application/sparql-results+json"}, timeout=60)
        r.raise_for_status()
        j = r.json()
        return j["head"]["vars"], j["results"]["bindings"]

    def count(self, query: str) -> int:
        _, rows = self.select(query)
        return int(rows[0]["n"]["value"])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso with the README's user (password ``PASSWORD``) and a user without the grant."""
    folder = tmp_path_factory.mktemp("virtuoso")
    server = Virtuoso(free_port(), free_port())
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=server.sql, http=server.http), encoding="utf-8")
    with open(folder / "stdout.log", "wb") as log:
        proc = subprocess.Popen([binary("virtuoso-t"), "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180  # a new database takes 5-15 s on this machine
        while True:
            try:
                requests.get(server.sparql, params={"query": "ASK {}"}, timeout=2).raise_for_status()
                break
            except requests.RequestException:
                log_tail = (folder / "stdout.log").read_text(errors="replace")[-2000:]
                assert proc.poll() is None, f"virtuoso-t exited: {log_tail}"
                assert time.monotonic() < deadline, f"Virtuoso did not answer within 180 s: {log_tail}"
                time.sleep(0.25)
        server.isql(readme_block("sql", "SPARQL_UPDATE").replace("PASSWORD", PASSWORD))
        server.isql(f"DB.DBA.USER_CREATE('reader', '{PASSWORD}');")
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def readme_command(prefix: str, server: Virtuoso) -> list[str]:
    """The README's command line that starts with ``prefix`` (after an environment assignment),
    with ``HOST:8890`` this server."""
    line = next(l for l in readme_block("bash", "sparql-graph-crud-auth").splitlines() if prefix in l)
    return shlex.split(line.replace("HOST:8890", server.host))


@pytest.fixture(scope="module")
def pushed(virtuoso, built):
    """The README's push command, run on the bundled build: the CLI's result."""
    args = readme_command("wujing-kg push", virtuoso)
    env = dict(a.split("=", 1) for a in args if re.fullmatch(r"[A-Z_]+=.*", a))
    args = [a for a in args if not re.fullmatch(r"[A-Z_]+=.*", a)]
    assert args[0] == "wujing-kg" and env == {"WUJING_KG_PASSWORD": "PASSWORD"}
    return CliRunner().invoke(main, [*args[1:], "-g", str(built.out_dir)],
                              env={"WUJING_KG_PASSWORD": PASSWORD})


def test_the_readme_push_sends_every_sentence_graph_and_the_union_into_its_own_graph(virtuoso, built, pushed):
    assert pushed.exit_code == 0, pushed.output
    graphs = [g for g in built.dataset.graphs() if len(g)]
    assert f"into {len(graphs)} named graphs and their union into the graph <{UNION}>" in pushed.output
    ours = 'FILTER (STRSTARTS(STR(?g), "https://w3id.org/wujing-kg/"))'
    assert virtuoso.count(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ours} }}") == len(graphs) + 1
    assert virtuoso.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{UNION}> {{ ?s ?p ?o }} }}") == len(built.union)
    total = sum(len(g) for g in graphs)
    assert virtuoso.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ours} }}") == total + len(built.union)


def _value(text: str | None, datatype: str | None) -> str | None:
    """A value as text, as both stores can agree on it: Virtuoso writes 16.0 as 16 and true as 1."""
    if text is None:
        return None
    if datatype == XSD + "decimal":
        return str(Decimal(text).normalize())
    if datatype == XSD + "boolean":
        return {"0": "false", "1": "true"}.get(text, text)
    return text


def _rows(names: list[str], bindings: list[dict]) -> list[tuple]:
    return sorted((tuple(_value((b.get(v) or {}).get("value"), (b.get(v) or {}).get("datatype")) for v in names)
                   for b in bindings), key=str)


def _local(name: str, built) -> list[tuple]:
    return sorted((tuple(None if v is None else _value(str(v), str(getattr(v, "datatype", None))) for v in row.values())
                   for row in run_query(name, graph=built.out_dir, terms=True)), key=str)


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries() if q.name not in DIFFERENT))
def test_library_query_answers_through_virtuoso_as_wujing_kg_query(name, virtuoso, built, pushed):
    """As the README says: with ``default-graph-uri`` = the union graph, unless the query reads the
    sentence graphs with ``GRAPH`` (``default-graph-uri`` hides the named graphs)."""
    assert pushed.exit_code == 0, pushed.output
    text = next(q.text for q in list_queries() if q.name == name)
    reads_graphs = re.search(r"\bGRAPH\b", text) is not None
    names, bindings = virtuoso.select(text, default_graph=None if reads_graphs else UNION)
    assert _rows(names, bindings) == _local(name, built)


def test_the_known_differences_are_still_library_queries():
    assert set(DIFFERENT) <= {q.name for q in list_queries()}


@pytest.mark.parametrize("query", ["park_cluster_links", "entity_sentences"])
def test_the_readme_curl_lines_give_the_rows_of_wujing_kg_query(query, virtuoso, built, pushed):
    assert pushed.exit_code == 0, pushed.output
    args = readme_command(f"query@queries/{query}.rq", virtuoso)
    assert args[0] == "curl"
    proc = subprocess.run([*args, "-s", "--fail"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    header, *rows = list(csv.reader(io.StringIO(proc.stdout)))
    local = run_query(query, graph=built.out_dir, terms=True)
    assert header == list(local.vars)
    assert sorted(map(tuple, rows)) == sorted(tuple("" if v is None else str(v) for v in row.values()) for row in local)
    assert rows


def _push(virtuoso, source: Path, *options: str, user: str = "wujing", password: str = PASSWORD):
    return CliRunner().invoke(main, ["push", "--endpoint", virtuoso.crud, "--digest", "--user", user, *options,
                                     "-g", str(source)], env={"WUJING_KG_PASSWORD": password})


@pytest.fixture
def tiny(tmp_path) -> Path:
    path = tmp_path / "tiny.trig"
    path.write_text("<urn:wujing-test:g> { <urn:wujing-test:s> <urn:wujing-test:p> \"吴泾\"@zh . }\n", encoding="utf-8")
    return path


def test_pushing_into_virtuosos_default_graph_is_one_line_saying_what_to_do_and_sends_nothing(virtuoso, tiny):
    result = _push(virtuoso, tiny)
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"wujing-kg: error: PUT {virtuoso.crud}?default: HTTP 500")
    assert "push with --union-graph IRI and query with default-graph-uri=IRI" in result.output
    assert "<" not in result.output  # Virtuoso's HTML page, taken down to its message
    assert virtuoso.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:wujing-test:g> { ?s ?p ?o } }") == 0


def test_a_user_without_sparql_update_gets_one_line_naming_the_grant(virtuoso, tiny):
    result = _push(virtuoso, tiny, "--union-graph", "urn:wujing-test:union", user="reader")
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "HTTP 403 Forbidden" in result.output and "Permission denied" in result.output
    assert result.output.rstrip().endswith('on Virtuoso: GRANT SPARQL_UPDATE TO "USER")')


@pytest.mark.parametrize("options, password", [(("--digest",), "wrong"), ((), PASSWORD)], ids=["password", "basic"])
def test_a_wrong_password_or_basic_authentication_gets_one_line_401(virtuoso, tiny, options, password):
    args = ["push", "--endpoint", virtuoso.crud, *options, "--user", "wujing", "--union-graph", "urn:wujing-test:u",
            "-g", str(tiny)]
    result = CliRunner().invoke(main, args, env={"WUJING_KG_PASSWORD": password})
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "HTTP 401 Unauthorized (check --user and the password; Virtuoso wants --digest)" in result.output
