"""Network analytics on the entity graph: who is central, what holds it together, how two entities
are linked, which parks serve which industry clusters.

Every function takes the ``MultiDiGraph`` made by :func:`graph.network.to_networkx` and returns
plain dicts and lists (no rdflib, no printing).  Results are deterministic: nodes and edges are
visited in sorted order, ties are broken by label then IRI, and Louvain is seeded.

Measures are taken on the *undirected* graph of relations (a relation links two entities whichever
way it is stated; ``cooperatesWith`` is symmetric anyway):

* ``degree``: the number of relations an entity takes part in;
* ``betweenness``: normalised betweenness centrality (share of shortest paths through the entity);
* ``pagerank``: PageRank (damping 0.85) on the undirected graph.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for iri, label, cls in [("e", "甲企业", "Enterprise"), ("p", "甲园", "Park"), ("c", "航空", "IndustryCluster")]:
...     G.add_node(iri, label=label, cls=cls, top=cls, aliases=[], pinyin="")
>>> G.add_edge("e", "p", key="locatedIn", prop="locatedIn", evidence=[("s1", "甲企业落户甲园。")])
'locatedIn'
>>> G.add_edge("e", "c", key="inCluster", prop="inCluster", evidence=[("s2", "甲企业从事航空。")])
'inCluster'
>>> centrality(G)["e"]["degree"]
2
>>> [format_chain(c) for c in shortest_paths(G, "甲园", "航空")]
['甲园 ←locatedIn— 甲企业 —inCluster→ 航空']
>>> park_cluster_matrix(G)["counts"]
[[1]]
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph.analytics.pagerank import pagerank
from graph.network.convert import find_entity
from graph.network.parks import park_clusters
from graph.rdf.iri import pinyin_plain

__all__ = [
    "MEASURES",
    "SEED",
    "undirected",
    "centrality",
    "rank_by_class",
    "bridges",
    "articulation_points",
    "communities",
    "community_of",
    "neighbourhood",
    "search_entities",
    "relations_of",
    "shortest_paths",
    "format_chain",
    "park_cluster_matrix",
    "analyze",
]

#: The centrality measures, in the order tables show them.
MEASURES = ("degree", "betweenness", "pagerank")

#: Seed of every randomised algorithm (Louvain), so that results never change between runs.
SEED = 42

_PLACES = ("Park", "IndustryCluster")  # not "members": communities list them separately


def _label(G: nx.MultiDiGraph, iri: str) -> str:
    return G.nodes[iri].get("label", iri)


def _top(G: nx.MultiDiGraph, iri: str) -> str:
    d = G.nodes[iri]
    return d.get("top") or d.get("cls", "")


def undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of ``G``: one edge per linked pair, no self-loops, sorted.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("b", "a", "locatedIn"), ("a", "b", "cooperatesWith"), ("a", "a", "x")])
    >>> sorted(undirected(G).edges())
    [('a', 'b')]
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda n: n[0]))
    H.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in G.edges() if u != v}))
    return H


#: Up to this many linked entities betweenness is exact; above, it is estimated from this many sources.
BETWEENNESS_SOURCES = 2000


def betweenness(H: nx.Graph, sources: int = BETWEENNESS_SOURCES) -> dict[str, float]:
    """Normalised betweenness of every node of ``H``: exact, or estimated on a large graph.

    Exact betweenness runs a search from every node, so its cost is the number of nodes times the
    number of links: minutes at a thousand reports.  Above ``sources`` nodes that link to
    something, it is Brandes' estimate from ``sources`` of them, drawn with a fixed seed from the
    sorted nodes (the same every run); unlinked nodes are 0 either way and are not drawn.

    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    if sum(1 for v in H if H.degree(v) > 0) <= sources:
        return nx.betweenness_centrality(H, normalized=True)
    linked = nx.Graph()  # sorted, so that the seeded draw of sources does not depend on insertion order
    linked.add_nodes_from(sorted((v for v in H if H.degree(v) > 0), key=str))
    linked.add_edges_from(sorted(tuple(sorted((u, v), key=str)) for u, v in H.edges() if u != v))
    found = nx.betweenness_centrality(linked, k=sources, normalized=True, seed=0)
    # normalised over the linked part: rescaled to the whole graph's size, as the exact measure is
    n, m = len(H), len(linked)
    scale = ((m - 1) * (m - 2)) / ((n - 1) * (n - 2))
    return {v: found.get(v, 0.0) * scale for v in H}


def centrality(G: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Degree, betweenness (:func:`betweenness`) and PageRank of every entity.

    Returns
    -------
    dict
        ``{iri: {"degree": int, "betweenness": float, "pagerank": float}}``, keys sorted.
    """
    H = undirected(G)
    between = betweenness(H)
    rank = pagerank(H, alpha=0.85)  # networkx's iteration without scipy (graph.analytics.pagerank)
    return {
        n: {"degree": G.degree(n), "betweenness": between.get(n, 0.0), "pagerank": rank.get(n, 0.0)}
        for n in sorted(G.nodes)
    }


def _row(G: nx.MultiDiGraph, iri: str, scores: dict) -> dict:
    d = G.nodes[iri]
    return {"iri": iri, "label": d.get("label", iri), "cls": d.get("cls", ""), "top": _top(G, iri), **scores}


def rank_by_class(G: nx.MultiDiGraph, by: str = "degree", top: int | None = 5) -> dict[str, list[dict]]:
    """The most central entities of each top-level class.

    Parameters
    ----------
    G : the entity graph.
    by : ``"degree"``, ``"betweenness"`` or ``"pagerank"``: the measure to sort on (ties: the
        other measures, then label).
    top : how many entities per class; ``None`` or ``0`` keeps them all.

    Returns
    -------
    dict
        ``{top class: [row, ...]}`` with classes in alphabetical order; each row has ``iri``,
        ``label``, ``cls``, ``top``, ``degree``, ``betweenness``, ``pagerank``.
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; available: {', '.join(MEASURES)}")
    scores = centrality(G)
    order = (by,) + tuple(m for m in MEASURES if m != by)
    out: dict[str, list[dict]] = {}
    for iri in G.nodes:
        out.setdefault(_top(G, iri), []).append(_row(G, iri, scores[iri]))
    for cls, rows in out.items():
        rows.sort(key=lambda r: tuple(-r[m] for m in order) + (r["label"], r["iri"]))
        if top:
            del rows[top:]
    return dict(sorted(out.items()))


def _clusters_in(G: nx.MultiDiGraph, nodes) -> list[str]:
    return sorted(_label(G, n) for n in nodes if G.nodes[n].get("cls") == "IndustryCluster")


def bridges(G: nx.MultiDiGraph, min_side: int = 2) -> list[dict]:
    """Relations whose removal splits the network, with what lies on each side.

    A relation to an entity linked to nothing else is always a bridge; ``min_side`` (default 2)
    keeps only bridges with at least that many entities on each side.

    Returns
    -------
    list of dict
        ``source``/``target`` (IRIs), their labels, ``props`` (the relations between them),
        ``sides`` (number of entities on the source's and on the target's side) and
        ``clusters`` (industry clusters on each side), the most balanced splits first.
    """
    H = undirected(G)
    out = []
    for u, v in nx.bridges(H):
        H.remove_edge(u, v)
        side_u, side_v = nx.node_connected_component(H, u), nx.node_connected_component(H, v)
        H.add_edge(u, v)
        if min(len(side_u), len(side_v)) < min_side:
            continue
        stated = sorted((k, a != u) for a, b, k in G.edges(keys=True) if {a, b} == {u, v})
        if stated[0][1]:  # show the relation the way the report states it
            u, v, side_u, side_v = v, u, side_v, side_u
        props = sorted({k for k, _ in stated})
        out.append({
            "source": u, "source_label": _label(G, u), "target": v, "target_label": _label(G, v),
            "props": props, "sides": [len(side_u), len(side_v)],
            "clusters": [_clusters_in(G, side_u), _clusters_in(G, side_v)],
        })
    out.sort(key=lambda b: (-min(b["sides"]), b["source_label"], b["target_label"], b["source"], b["target"]))
    return out


def articulation_points(G: nx.MultiDiGraph, min_cut: int = 2) -> list[dict]:
    """Entities whose removal splits their part of the network, and the parts they hold together.

    Returns
    -------
    list of dict
        ``iri``, ``label``, ``cls``, ``parts`` (sizes of the pieces left, largest first),
        ``cut_off`` (entities no longer reachable from the largest piece) and ``clusters``
        (the industry clusters in each piece), most entities cut off first; only points that
        cut off at least ``min_cut`` entities.
    """
    H = undirected(G)
    out = []
    for n in nx.articulation_points(H):
        rest = H.subgraph(nx.node_connected_component(H, n) - {n})
        pieces = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
        sizes = [len(c) for c in pieces]
        cut_off = sum(sizes) - sizes[0]
        if cut_off < min_cut:
            continue
        out.append({
            "iri": n, "label": _label(G, n), "cls": G.nodes[n].get("cls", ""), "parts": sizes,
            "cut_off": cut_off, "clusters": [_clusters_in(G, c) for c in pieces],
        })
    out.sort(key=lambda a: (-a["cut_off"], a["label"], a["iri"]))
    return out


def communities(G: nx.MultiDiGraph, seed: int = SEED, resolution: float = 1.0, leaders: int = 3) -> list[dict]:
    """Louvain communities of two or more entities, with a readable summary of each.

    Parameters
    ----------
    G : the entity graph.
    seed : Louvain's random seed (fixed: the same graph always gives the same communities).
    resolution : Louvain's resolution; above 1 favours smaller communities.
    leaders : how many of the best-connected members (not parks or clusters) to name.

    Returns
    -------
    list of dict
        Largest first, numbered from 1: ``id``, ``size``, ``members`` (IRIs, best-connected
        first), ``parks`` and ``clusters`` (labels), ``leaders`` (labels) and ``classes``
        (members per top-level class).  Entities linked to nothing are left out.
    """
    H = undirected(G)
    found = nx.community.louvain_communities(H, seed=seed, resolution=resolution) if H.number_of_edges() else []
    groups = []
    for c in found:
        if len(c) < 2:
            continue
        members = sorted(c, key=lambda n: (-G.degree(n), _label(G, n), n))
        groups.append(members)
    groups.sort(key=lambda m: (-len(m), sorted(_label(G, n) for n in m)))
    out = []
    for i, members in enumerate(groups, start=1):
        others = [n for n in members if G.nodes[n].get("cls") not in _PLACES]
        out.append({
            "id": i,
            "size": len(members),
            "members": members,
            "parks": sorted(_label(G, n) for n in members if G.nodes[n].get("cls") == "Park"),
            "clusters": _clusters_in(G, members),
            "leaders": [_label(G, n) for n in others[:leaders]],
            "classes": dict(sorted(Counter(_top(G, n) for n in members).items())),
        })
    return out


def community_of(G: nx.MultiDiGraph, seed: int = SEED) -> dict[str, int]:
    """The community number of every entity in a community (see :func:`communities`)."""
    return {n: c["id"] for c in communities(G, seed=seed) for n in sorted(c["members"])}


def _resolve(G: nx.MultiDiGraph, name: str) -> str:
    return name if name in G else find_entity(G, name)


def neighbourhood(G: nx.MultiDiGraph, entity: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within ``depth`` relations of ``entity`` (IRI, label, alias or pinyin).

    Returns the subgraph of ``G`` (a copy, with all attributes) induced by those entities.
    """
    center = _resolve(G, entity)
    near = nx.single_source_shortest_path_length(undirected(G), center, cutoff=depth)
    return G.subgraph(sorted(near)).copy()


def search_entities(G: nx.MultiDiGraph, text: str, limit: int = 20) -> list[dict]:
    """Entities whose label, alias or toneless pinyin contains ``text`` (any case), best linked first.

    Returns rows with ``iri``, ``label``, ``cls``, ``aliases`` and ``degree``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("u", label="华东师范大学", cls="University", aliases=["华东师大"])
    >>> [r["label"] for r in search_entities(G, "huadong")]
    ['华东师范大学']
    """
    q = text.strip().lower()
    plain = pinyin_plain(text)
    hits = []
    for n, d in G.nodes(data=True):
        names = [d.get("label", "")] + list(d.get("aliases", []))
        if q and (any(q in name.lower() for name in names) or (plain and plain in pinyin_plain(d.get("label", "")))):
            hits.append({"iri": n, "label": d.get("label", n), "cls": d.get("cls", ""),
                         "aliases": list(d.get("aliases", [])), "degree": G.degree(n)})
    hits.sort(key=lambda r: (-r["degree"], r["label"], r["iri"]))
    return hits[:limit]


def relations_of(G: nx.MultiDiGraph, entity: str) -> list[dict]:
    """Every relation of ``entity`` (IRI, label, alias or pinyin) as the report states it.

    Rows: ``subject``, ``prop``, ``object`` (labels), ``other`` (IRI of the other end),
    ``sentence`` (IRI) and ``text``, one row per supporting sentence, sorted.
    """
    n = _resolve(G, entity)
    rows = []
    for u, v, k, d in list(G.out_edges(n, keys=True, data=True)) + list(G.in_edges(n, keys=True, data=True)):
        for sentence, text in d.get("evidence") or [("", "")]:
            rows.append({"subject": _label(G, u), "prop": d.get("prop", k), "object": _label(G, v),
                         "other": v if u == n else u, "sentence": sentence, "text": text})
    rows.sort(key=lambda r: (r["prop"], r["subject"], r["object"], r["sentence"]))
    return rows


def _step(G: nx.MultiDiGraph, u: str, v: str) -> dict:
    # several relations may link the same two entities: show the first in a fixed order
    candidates = sorted(
        [(k, True, d) for k, d in G.get_edge_data(u, v, default={}).items()]
        + [(k, False, d) for k, d in G.get_edge_data(v, u, default={}).items()],
        key=lambda c: (c[0], not c[1]),
    )
    prop, forward, data = candidates[0]
    evidence = data.get("evidence") or [("", "")]
    return {
        "source": u, "source_label": _label(G, u), "target": v, "target_label": _label(G, v),
        "prop": data.get("prop", prop), "forward": forward,
        "sentence": evidence[0][0], "text": evidence[0][1],
    }


def shortest_paths(G: nx.MultiDiGraph, source: str, target: str, max_length: int = 6,
                   limit: int = 10) -> list[list[dict]]:
    """The shortest chains of relations from ``source`` to ``target``.

    Parameters
    ----------
    G : the entity graph.
    source, target : IRIs, or names (Chinese label, alias or pinyin, see
        :func:`graph.network.find_entity`, which raises ``EntityNotFound``).
    max_length : longest chain (number of relations) worth showing; longer ones give ``[]``.
    limit : at most this many chains (all of the shortest length), in order of their labels.

    Returns
    -------
    list of chains
        Each chain is a list of steps from ``source`` to ``target``; a step has ``source``,
        ``target`` (IRIs) and their labels, ``prop`` (the relation), ``forward`` (``False`` when
        the report states it the other way round, ``target prop source``), ``sentence`` (IRI of
        the supporting sentence) and ``text`` (that sentence).  ``[]`` when no chain is short
        enough or the two are not linked at all.
    """
    s, t = _resolve(G, source), _resolve(G, target)
    if s == t:
        return []
    H = undirected(G)
    try:
        if nx.shortest_path_length(H, s, t) > max_length:
            return []
    except nx.NetworkXNoPath:
        return []
    paths = sorted(nx.all_shortest_paths(H, s, t), key=lambda p: ([_label(G, n) for n in p], p))
    return [[_step(G, u, v) for u, v in zip(p, p[1:])] for p in paths[:limit]]


def format_chain(chain: list[dict]) -> str:
    """A chain on one line: ``宁德时代 ←affiliatedWith— 宁德时代未来能源研究院 —inCluster→ 能源材料``."""
    if not chain:
        return ""
    parts = [chain[0]["source_label"]]
    for step in chain:
        arrow = f"—{step['prop']}→" if step["forward"] else f"←{step['prop']}—"
        parts += [arrow, step["target_label"]]
    return " ".join(parts)


def park_cluster_matrix(G: nx.MultiDiGraph, nonzero: bool = True) -> dict:
    """How many members link each park to each industry cluster.

    The counts are those of :func:`graph.network.parks.park_clusters`, which the park-cluster map
    shows too: a member links park P to cluster C when it is ``locatedIn`` P and ``inCluster`` C
    (only direct ``locatedIn`` counts: a member of a park inside P is counted for that park).  A
    link the report states directly (P ``inCluster`` C) is marked ``stated``; it adds no member.

    Parameters
    ----------
    G : the entity graph.
    nonzero : drop the parks and clusters with no link at all (neither members nor a stated link).

    Returns
    -------
    dict
        ``parks`` and ``clusters`` (IRIs, most members first, then by label), ``park_labels``,
        ``cluster_labels``, ``counts`` (a list of rows, one per park, one count per cluster),
        ``stated`` (rows of booleans: the report states that link) and ``cells`` (the links:
        ``park``, ``cluster`` labels, ``count``, ``stated``, ``members`` labels).
    """
    pc = park_clusters(G)
    parks, clusters = list(pc.parks), list(pc.clusters)
    total_p = Counter({p: 0 for p in parks})
    total_c = Counter({c: 0 for c in clusters})
    linked = set()
    for (p, c), members in pc.links.items():
        total_p[p] += len(members)
        total_c[c] += len(members)
        linked |= {p, c}
    if nonzero:
        parks = [p for p in parks if p in linked]
        clusters = [c for c in clusters if c in linked]
    parks.sort(key=lambda p: (-total_p[p], _label(G, p), p))
    clusters.sort(key=lambda c: (-total_c[c], _label(G, c), c))
    cells = [
        {"park": _label(G, p), "cluster": _label(G, c), "count": pc.count(p, c), "stated": pc.is_stated(p, c),
         "members": sorted(_label(G, m) for m in pc.links[(p, c)])}
        for p in parks for c in clusters if (p, c) in pc.links
    ]
    return {
        "parks": parks,
        "clusters": clusters,
        "park_labels": [_label(G, p) for p in parks],
        "cluster_labels": [_label(G, c) for c in clusters],
        "counts": [[pc.count(p, c) for c in clusters] for p in parks],
        "stated": [[pc.is_stated(p, c) for c in clusters] for p in parks],
        "cells": cells,
    }


def analyze(G: nx.MultiDiGraph, by: str = "degree", top: int | None = 5, seed: int = SEED) -> dict:
    """Everything ``wujing-kg analyze`` reports, as one JSON-ready dict.

    Keys: ``nodes``, ``edges``, ``rankings`` (see :func:`rank_by_class`), ``bridges``,
    ``articulation_points``, ``communities`` (members as labels) and ``isolated`` (entities
    linked to nothing).
    """
    comms = communities(G, seed=seed)
    for c in comms:
        c["members"] = [_label(G, n) for n in c["members"]]
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "rankings": rank_by_class(G, by=by, top=top),
        "bridges": bridges(G),
        "articulation_points": articulation_points(G),
        "communities": comms,
        "isolated": sum(1 for n in G if G.degree(n) == 0),
    }
