"""The maps' Kamada-Kawai layout (numpy only) reaches the minimum networkx's (scipy) reaches, and the
vis-network data comes from pyvis."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pytest

from graph.maps.layout import _kk_energy, _minimize, kamada_kawai
from graph.maps.views import entity_node, options, relation_edge, vis_data


def _minima(G: nx.Graph) -> tuple[float, float]:
    """The energy of the minimum :func:`_minimize` finds and of the one networkx (scipy) finds."""
    from networkx.drawing.layout import _kamada_kawai_solve

    nodes = list(G)
    dist = dict(nx.shortest_path_length(G))
    matrix = np.array([[dist[a][b] for b in nodes] for a in nodes], dtype=float)
    invdist = 1 / (matrix + np.eye(len(nodes)) * 1e-3)
    start = nx.circular_layout(G)
    x0 = np.array([start[n] for n in nodes], dtype=float)
    ours = _minimize(lambda x: _kk_energy(x, invdist), x0.ravel())
    theirs = _kamada_kawai_solve(matrix, x0, 2).ravel()
    return _kk_energy(ours, invdist)[0], _kk_energy(theirs, invdist)[0]


def _components(built):
    from graph.network.convert import to_networkx

    U = nx.Graph(to_networkx(built.dataset).to_undirected())
    U.remove_edges_from(nx.selfloop_edges(U))
    for comp in nx.connected_components(U):
        if len(comp) > 2:  # nodes in sorted order, as the maps lay them out (the order sets the start)
            H = nx.Graph()
            H.add_nodes_from(sorted(comp))
            H.add_edges_from(sorted(U.subgraph(comp).edges()))
            yield H


def test_energy_gradient_is_the_derivative_of_the_energy():
    rng = np.random.default_rng(7)
    invdist = 1 / (np.array([[0, 1, 2], [1, 0, 1], [2, 1, 0]], dtype=float) + np.eye(3) * 1e-3)
    x = rng.normal(size=6)
    _, grad = _kk_energy(x, invdist)
    h = 1e-6
    numeric = [(_kk_energy(x + h * e, invdist)[0] - _kk_energy(x - h * e, invdist)[0]) / (2 * h) for e in np.eye(6)]
    assert grad == pytest.approx(numeric, rel=1e-5, abs=1e-7)


@pytest.mark.parametrize("G", [nx.path_graph(6), nx.star_graph(7), nx.cycle_graph(9), nx.balanced_tree(2, 3),
                               nx.les_miserables_graph()], ids=["path", "star", "cycle", "tree", "lesmis"])
def test_the_minimum_is_as_low_as_the_one_networkx_finds(G):
    ours, theirs = _minima(nx.Graph(G))
    assert ours <= theirs * 1.005 + 1e-6  # a big graph has many minima: another one, as low (Les Misérables: +0.25%)


def test_the_built_graph_components_reach_the_minimum_networkx_finds(built):
    for G in _components(built):
        ours, theirs = _minima(G)
        assert ours <= theirs * 1.005 + 1e-6


def test_positions_are_centred_and_scaled_like_networkx():
    G = nx.balanced_tree(2, 3)
    pos = kamada_kawai(G, nx.circular_layout(G))
    xy = np.array([pos[n] for n in G])
    assert np.abs(xy).max() == pytest.approx(1.0) and xy.mean(axis=0) == pytest.approx([0, 0], abs=1e-12)


def test_the_layout_is_the_same_every_time():
    G = nx.les_miserables_graph()
    start = nx.circular_layout(G)
    first = kamada_kawai(G, start)
    again = kamada_kawai(nx.Graph(G), dict(start))
    assert all((first[n] == again[n]).all() for n in G)


def test_vis_data_goes_through_pyvis_and_keeps_what_the_maps_set(built, monkeypatch):
    from pyvis import network as pyvis_network
    from graph.network.convert import to_networkx

    G = to_networkx(built.dataset)
    pos = {n: (float(i), 0.0) for i, n in enumerate(G)}
    nodes = [entity_node(G, n, pos, 10.0) for n in sorted(G)]
    nodes.append({**nodes[0], "label": "another"})  # a repeated id: pyvis keeps the first
    edges = [relation_edge(G, u, v, k, i, 0) for i, (u, v, k) in enumerate(sorted(G.edges(keys=True)))]
    edges.append({k: v for k, v in edges[0].items() if k != "arrows"})  # pyvis draws it directed
    made = []
    real = pyvis_network.Network
    monkeypatch.setattr(pyvis_network, "Network", lambda *a, **kw: made.append(real(*a, **kw)) or made[-1])
    vis_nodes, vis_edges, vis_options = vis_data(nodes, edges, options())
    assert len(made) == 1 and made[0].directed
    assert [n["id"] for n in vis_nodes] == sorted(G) and vis_nodes[0] == nodes[0]
    assert vis_edges[:-1] == edges[:-1] and vis_edges[-1]["arrows"] == "to"
    assert vis_options == json.loads(json.dumps(options()))
