"""Convert the RDF graph to a networkx graph: the one converter maps and analytics share.

Nodes are entities (key: IRI string) with ``label`` (Chinese), ``cls`` (ontology class local name,
e.g. ``Enterprise``), ``top`` (top-level class, ``Incubator`` -> ``Platform``), ``pinyin`` and
``aliases`` (list).  Edges are relations between entities with ``prop`` (``locatedIn``,
``inCluster``, ``cooperatesWith``, ``affiliatedWith``) and ``evidence``: a sorted list of
``(sentence IRI, sentence text)``.  The graph is a ``MultiDiGraph`` (one edge per property);
nodes and edges are added in sorted order so that everything downstream is deterministic.

Examples
--------
>>> from rdflib import Dataset
>>> G = to_networkx(Dataset())
>>> G.number_of_nodes()
0
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from graph.errors import WujingError
from graph.model import RELATION_PROPERTIES, top_class
from graph.rdf.iri import pinyin_plain
from graph.rdf.namespaces import WJ
from graph.store.backend import as_backend

WJ_NS = str(WJ._NS)


def load_dataset(path: Path | str) -> Dataset:
    """Read ``out/wujing.trig`` (or any TriG file) into an rdflib Dataset.

    To read any built graph (a file, or a build folder of either store), use
    :func:`graph.store.backend.open_graph`, which :func:`to_networkx` takes as it is.
    """
    ds = Dataset()
    ds.parse(str(path), format="trig")
    return ds


def to_networkx(ds) -> nx.MultiDiGraph:
    """The entity graph of a built graph: entities as nodes, relations as edges with their evidence.

    ``ds`` is a backend (:mod:`graph.store.backend`: rdflib or Oxigraph), an rdflib Dataset or a
    Graph (a Graph has no sentence graphs, so its edges have no evidence), or a path that
    :func:`~graph.store.backend.open_graph` opens.
    """
    G = nx.MultiDiGraph()
    backend = as_backend(ds)
    quads = backend.quads((None, None, None, None))
    types: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    aliases: dict[str, set[str]] = {}
    edges: dict[tuple[str, str, str], set[str]] = {}
    for s, p, o, ctx in quads:
        graph_iri = str(ctx.identifier) if isinstance(ctx, Graph) else (str(ctx) if ctx is not None else "")
        if p == RDF.type and str(o).startswith(WJ_NS):
            local = str(o)[len(WJ_NS):]
            if local not in ("Milestone", "Report", "SourceSentence", "Stage"):
                types[str(s)] = local
        elif p == RDFS.label:
            labels.setdefault(str(s), {})[getattr(o, "language", None) or ""] = str(o)
        elif p == SKOS.altLabel:
            aliases.setdefault(str(s), set()).add(str(o))
        elif str(p).startswith(WJ_NS) and str(p)[len(WJ_NS):] in RELATION_PROPERTIES and isinstance(o, URIRef):
            edges.setdefault((str(s), str(p)[len(WJ_NS):], str(o)), set()).add(graph_iri)
    for iri in sorted(types):
        lab = labels.get(iri, {})
        G.add_node(
            iri,
            label=lab.get("zh", iri.rsplit("/", 1)[-1]),
            pinyin=lab.get("zh-Latn-pinyin", ""),
            cls=types[iri],
            top=top_class(types[iri]),
            aliases=sorted(aliases.get(iri, set()) - {lab.get("zh", "")}),
        )
    text = _sentence_texts(backend)
    for (s, prop, o) in sorted(edges):
        if s in G and o in G:
            evidence = sorted((g, text(g)) for g in edges[(s, prop, o)] if g)
            G.add_edge(s, o, key=prop, prop=prop, evidence=evidence)
    return G


def _sentence_texts(backend) -> Callable[[str], str]:
    """The text (``prov:value``) of a sentence IRI, read from ``backend`` when asked ("" if it has
    none): only the sentences behind a relation are read, not every sentence of the corpus (at
    1,000 reports those were 246,000 texts held while the graph was made).

    >>> from rdflib import Dataset, Literal
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("https://e/prov")).add((URIRef("https://e/s1"), PROV.value, Literal("甲。", lang="zh")))
    >>> text = _sentence_texts(as_backend(ds))
    >>> text("https://e/s1"), text("https://e/s2")
    ('甲。', '')
    """
    def text(sentence: str) -> str:
        found = ""
        for _s, _p, o in backend.triples((URIRef(sentence), PROV.value, None)):
            found = str(o)
        return found
    return text


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


class EntityNotFound(WujingError, LookupError):
    """No entity matches a name; the message suggests close ones."""


def find_entity(G: nx.MultiDiGraph, query: str) -> str:
    """The node (IRI) whose Chinese label, alias or pinyin matches ``query``.

    Exact label first, then alias, then toneless pinyin without spaces (``huadongshifandaxue``),
    then a unique label that contains the query.  Raises :class:`EntityNotFound` listing close
    matches otherwise.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("u", label="华东师范大学", aliases=["华东师大"], pinyin="huá dōng shī fàn dà xué")
    >>> find_entity(G, "华东师大"), find_entity(G, "HuaDong ShiFan DaXue")
    ('u', 'u')
    """
    q = query.strip()
    nodes = sorted(G.nodes(data=True), key=lambda n: n[0])
    for pred in (
        lambda iri, d: d.get("label") == q or iri == q,
        lambda iri, d: q in d.get("aliases", []),
        lambda iri, d: _norm(q) and pinyin_plain(d.get("label", "")) == _norm(q),
    ):
        hits = [iri for iri, d in nodes if pred(iri, d)]
        if hits:
            return max(hits, key=lambda iri: (G.degree(iri), [-ord(c) for c in iri]))  # best connected
    contains = [iri for iri, d in nodes if q and (q in d.get("label", "") or any(q in a for a in d.get("aliases", [])))]
    if len(contains) == 1:
        return contains[0]
    suggestions = [G.nodes[i]["label"] for i in contains[:8]]
    hint = f"; did you mean: {', '.join(suggestions)}" if suggestions else ""
    raise EntityNotFound(f"no entity named {query!r}{hint}")
