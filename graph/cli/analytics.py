"""``wujing-kg analyze | path | matrix | export``: thin commands over :mod:`graph.analytics` and
:mod:`graph.exports`.  They read a built graph of either store (``out/`` unless ``--graph`` says otherwise).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
from wcwidth import wcswidth

from graph.analytics import measures as analytics
from graph.cli.options import graph_option
from graph.errors import WujingError
from graph.exports.formats import FORMATS, write_exports
from graph.network.convert import to_networkx
from graph.resources import DEFAULT_OUT
from graph.store.backend import open_graph

def _load(path: Path):
    """The built graph (either store) and its networkx graph, or a one-line error."""
    backend = open_graph(path)
    return backend, to_networkx(backend)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - max(wcswidth(text), 0))
    return gap + text if right else text + gap


def _cut(text: str, limit: int) -> str:
    if wcswidth(text) <= limit:
        return text
    out = ""
    for ch in text:
        if wcswidth(out + ch + "…") > limit:
            return out + "…"
        out += ch
    return out


def format_table(headers: list[str], rows: list[list], right: set[int] = frozenset(), limit: int = 44) -> str:
    """A plain-text table whose columns line up with Chinese text (wide characters count twice).

    Cells wider than ``limit`` columns are cut with an ellipsis.

    Examples
    --------
    >>> print(format_table(["园区", "n"], [["金领谷产业园", 2]], right={1}))
    园区          n
    ------------  -
    金领谷产业园  2
    """
    cells = [[_cut(str(c), limit) for c in headers]] + [[_cut(str(c), limit) for c in row] for row in rows]
    widths = [max(max(wcswidth(r[i]), 0) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, widths[i], i in right) for i, c in enumerate(r)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _csv(rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------------------------------- analyze

RANK_COLUMNS = ["class", "rank", "label", "degree", "betweenness", "pagerank", "community", "iri"]


def _ranking_rows(G, result: dict) -> list[list]:
    comm = {n: c["id"] for c in analytics.communities(G) for n in c["members"]}
    rows = []
    for cls, ranked in result["rankings"].items():
        for i, r in enumerate(ranked, start=1):
            rows.append([cls, i, r["label"], r["degree"], f"{r['betweenness']:.4f}", f"{r['pagerank']:.4f}",
                         comm.get(r["iri"], ""), r["iri"]])
    return rows


def _sides(lists: list[list[str]]) -> str:
    return " | ".join(", ".join(x) or "—" for x in lists)


def _pieces(sizes: list[int]) -> str:
    singles = sizes.count(1)
    return " ".join(str(n) for n in sizes if n > 1) + (f" +{singles}×1" if singles else "")


def _piece_clusters(a: dict) -> str:
    return "; ".join(f"{', '.join(c)} ({n})" for n, c in zip(a["parts"], a["clusters"]) if c) or "—"


def render_analysis(G, result: dict, by: str, top: int) -> str:
    """The human-readable report of ``wujing-kg analyze``."""
    out = [f"{result['nodes']} entities, {result['edges']} relations, {result['isolated']} linked to nothing", ""]
    shown = f"top {top} per class" if top else "all"
    out.append(f"Most central entities by {by} ({shown}; measures on the undirected graph of relations)")
    out.append(format_table(RANK_COLUMNS[:-1], [r[:-1] for r in _ranking_rows(G, result)], right={1, 3, 4, 5, 6}))
    out += ["", "Bridges: relations whose removal splits the network (2+ entities on each side)"]
    out.append(format_table(
        ["relation", "sides", "clusters on each side"],
        [[f"{b['source_label']} —{'/'.join(b['props'])}— {b['target_label']}", "{} | {}".format(*b["sides"]),
          _sides(b["clusters"])] for b in result["bridges"]], right={1}, limit=80))
    out += ["", "Articulation points: entities whose removal cuts 2+ entities off"]
    out.append(format_table(
        ["entity", "class", "cut off", "pieces left (sizes)", "clusters in the pieces (size)"],
        [[a["label"], a["cls"], a["cut_off"], _pieces(a["parts"]), _piece_clusters(a)]
         for a in result["articulation_points"]], right={2}))
    out += ["", f"Communities (Louvain, seed {analytics.SEED}; entities linked to nothing left out)"]
    out.append(format_table(
        ["#", "size", "parks", "clusters", "leading members"],
        [[c["id"], c["size"], ", ".join(c["parks"]) or "—", ", ".join(c["clusters"]) or "—", ", ".join(c["leaders"])]
         for c in result["communities"]], right={0, 1}))
    return "\n".join(out)


@click.command()
@graph_option
@click.option("--by", type=click.Choice(analytics.MEASURES), default="degree", show_default=True,
              help="The measure that ranks entities within each class.")
@click.option("--top", type=click.IntRange(min=0), default=5, show_default=True,
              help="Entities shown per class (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for people; csv (one row per ranked entity) or json (everything) for programs.")
def analyze(graph_path: Path, by: str, top: int, fmt: str) -> None:
    """Who is central: rankings per class, bridges, articulation points and communities."""
    _, G = _load(graph_path)
    result = analytics.analyze(G, by=by, top=top)
    if fmt == "json":
        click.echo(_json(result))
    elif fmt == "csv":
        click.echo(_csv([RANK_COLUMNS] + _ranking_rows(G, result)), nl=False)
    else:
        click.echo(render_analysis(G, result, by, top))


# ------------------------------------------------------------------------------------------- path

def _short(sentence_iri: str) -> str:
    return "/".join(sentence_iri.rsplit("/", 2)[-2:]) if sentence_iri else "?"


def render_chains(chains: list[list[dict]]) -> str:
    """Chains one after another, each step as the report states it with its sentence."""
    out = []
    for i, chain in enumerate(chains, start=1):
        out.append(f"chain {i}: {analytics.format_chain(chain)}")
        for j, s in enumerate(chain, start=1):
            a, b = (s["source_label"], s["target_label"]) if s["forward"] else (s["target_label"], s["source_label"])
            out.append(f"  {j}. {a} {s['prop']} {b}")
            out.append(f"     [{_short(s['sentence'])}] {s['text']}")
    return "\n".join(out)


@click.command()
@click.argument("source")
@click.argument("target")
@graph_option
@click.option("--max", "max_length", type=click.IntRange(min=1), default=6, show_default=True,
              help="Longest chain (number of relations) to look for.")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True,
              help="Show at most this many chains (all are of the shortest length).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for programs.")
def path(source: str, target: str, graph_path: Path, max_length: int, limit: int, fmt: str) -> None:
    """The shortest chains of relations from SOURCE to TARGET (label, alias or pinyin), with evidence."""
    _, G = _load(graph_path)
    chains = analytics.shortest_paths(G, source, target, max_length=max_length, limit=limit)
    if not chains:
        raise WujingError(f"no chain of at most {max_length} relations links {source!r} and {target!r}")
    if fmt == "json":
        click.echo(_json(chains))
    else:
        n = len(chains[0])
        click.echo(f"{len(chains)} shortest chain(s) of {n} relation(s) from {chains[0][0]['source_label']} "
                   f"to {chains[0][-1]['target_label']}:")
        click.echo(render_chains(chains))


# ------------------------------------------------------------------------------------------- matrix

@click.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for people; csv (parks x clusters) or json (with the members of each cell).")
@click.option("--all", "show_all", is_flag=True, help="Keep parks and clusters that have no link at all.")
def matrix(graph_path: Path, fmt: str, show_all: bool) -> None:
    """Which parks serve which clusters: members linking each park to each industry cluster."""
    _, G = _load(graph_path)
    m = analytics.park_cluster_matrix(G, nonzero=not show_all)
    rows = [[p] + counts for p, counts in zip(m["park_labels"], m["counts"])]
    if fmt == "json":
        click.echo(_json(m))
    elif fmt == "csv":
        click.echo(_csv([["park"] + m["cluster_labels"]] + rows), nl=False)
    else:  # a link the report states directly is marked *, as the map draws it dashed
        marked = [[p] + [f"{n}*" if s else str(n) for n, s in zip(counts, stated)]
                  for p, counts, stated in zip(m["park_labels"], m["counts"], m["stated"])]
        click.echo(format_table(["park \\ cluster"] + m["cluster_labels"], marked,
                                right=set(range(1, len(m["clusters"]) + 1))))
        if any(any(row) for row in m["stated"]):
            click.echo("* the report also states that the park belongs to the cluster (members counted: "
                       "located in the park and in the cluster)")


# ------------------------------------------------------------------------------------------- export

@click.command()
@graph_option
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="What to write (repeat for several; default: all): graphml, gexf, jsonld, neo4j "
                   "(CSV for neo4j-admin import) or analytics (measures as RDF).")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_OUT / "exports", show_default=True, help="Directory to write the files to.")
def export(graph_path: Path, formats: tuple[str, ...], out_dir: Path) -> None:
    """Export the graph for Gephi, yEd, Cytoscape, web pages, Neo4j or a SPARQL store."""
    ds, G = _load(graph_path)
    try:
        files = write_exports(ds, out_dir, formats or FORMATS, G=G)
    except OSError as exc:
        raise WujingError(f"{out_dir}: cannot write: {exc.strerror or exc}") from None
    for f in files:
        click.echo(str(f))
