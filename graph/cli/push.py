"""``wujing-kg push``: load the built graph into an external SPARQL store (see :mod:`graph.push`)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from graph.resources import DEFAULT_OUT
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
@click.option("--from", "source", type=click.Path(path_type=Path), default=DEFAULT_OUT / "wujing.trig",
              show_default=True, help="The built dataset to send: a TriG file, or the output folder of a "
                                      "--store oxigraph build (its store is read directly).")
@click.option("--user", default=None, help=f"User name for HTTP authentication; the password is read from "
                                           f"${PASSWORD_ENV} or asked for.")
@click.option("--digest", is_flag=True, help="Use HTTP digest authentication (Virtuoso) instead of basic.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds to wait for each answer of the store.")
def push(endpoint: str, mode: str, source: Path, user: str | None, digest: bool,
         timeout: float) -> None:
    """Load the built graph into an external SPARQL 1.1 store over the Graph Store HTTP Protocol."""
    password = None
    if user:
        password = os.environ.get(PASSWORD_ENV) or click.prompt(f"password for {user}", hide_input=True)
    result = push_dataset(source, endpoint, mode=mode, user=user, password=password, digest=digest, timeout=timeout)
    where = f"{result.graphs} named graphs" if mode == "graphs" else "the default graph"
    click.echo(f"pushed {result.triples} triples into {where} with {result.requests} requests "
               f"to {endpoint} in {result.seconds:.2f} s")
