"""``wujing-kg push``: load the built graph into an external SPARQL store (see :mod:`graph.store.push`)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from graph.cli.options import graph_option
from graph.store.push import push as push_dataset

__all__ = ["push"]

PASSWORD_ENV = "WUJING_KG_PASSWORD"


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store HTTP Protocol URL: http://localhost:7878/store (Oxigraph), "
                   "http://HOST:3030/DATASET/data (Fuseki), http://HOST:7200/repositories/REPO/rdf-graphs/service "
                   "(GraphDB), http://HOST:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--graph-per-sentence", "mode", flag_value="graphs", default=True,
              help="Send every named graph (one per source sentence, and the provenance graph) as itself. Default.")
@click.option("--union", "mode", flag_value="union",
              help="Send the union of all graphs into the store's default graph instead.")
@click.option("--default-union/--no-default-union", default=True, show_default=True,
              help="With --graph-per-sentence, also send the union of the graphs into the default graph, so that "
                   "queries without GRAPH (every library query) answer on stores whose default graph is not "
                   "the union of the named graphs (a plain oxigraph serve, Fuseki, GraphDB).")
@click.option("--union-graph", default=None, metavar="IRI",
              help="Put the union into this named graph instead of the default graph (Virtuoso, whose default "
                   "graph cannot be written: query with default-graph-uri=IRI).")
@graph_option
@click.option("--user", default=None, help=f"User name for HTTP authentication; the password is read from "
                                           f"${PASSWORD_ENV} or asked for.")
@click.option("--digest", is_flag=True, help="Use HTTP digest authentication (Virtuoso) instead of basic.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds to wait for each answer of the store.")
def push(endpoint: str, mode: str, default_union: bool, graph_path: Path, user: str | None, digest: bool,
         timeout: float, union_graph: str | None = None) -> None:
    """Load the built graph into an external SPARQL 1.1 store over the Graph Store HTTP Protocol."""
    password = None
    if user:
        password = os.environ.get(PASSWORD_ENV) or click.prompt(f"password for {user}", hide_input=True)
    result = push_dataset(graph_path, endpoint, mode=mode, user=user, password=password, digest=digest,
                          timeout=timeout, default_union=default_union, union_graph=union_graph)
    where = f"the graph <{union_graph}>" if union_graph else "the default graph"
    if mode == "graphs":
        where = f"{result.graphs} named graphs" + (f" and their union into {where}" if default_union else
                                                   " (the default graph left as it was: queries without GRAPH "
                                                   "see only what the store itself puts there)")
    click.echo(f"pushed {result.triples} triples into {where} with {result.requests} requests "
               f"to {endpoint} in {result.seconds:.2f} s")
