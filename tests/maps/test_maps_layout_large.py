"""The layout of a component too large for Kamada-Kawai (a graph of hundreds of reports has one)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.maps import layout
from graph.maps.layout import KAMADA_KAWAI_LIMIT, node_box, spread_layout


def _hubs_and_members(hubs: int, members: int, shared: int) -> nx.Graph:
    """Clusters with members each (leaves), and a few members of two clusters (the skeleton)."""
    G = nx.Graph()
    for h in range(hubs):
        for m in range(members):
            G.add_edge(f"hub{h}", f"m{h}-{m}")
    for s in range(shared):
        G.add_edge(f"hub{s % hubs}", f"shared{s}")
        G.add_edge(f"hub{(s + 1) % hubs}", f"shared{s}")
    return G


def _boxes(G: nx.Graph) -> dict:
    return {n: node_box(n, 10, 14, pad=6) for n in G}


def _overlapping(pos: dict, boxes: dict) -> list:
    nodes = sorted(pos)
    out = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            ox = boxes[a][0] + boxes[b][0] - abs(pos[b][0] - pos[a][0])
            oy = boxes[a][1] + boxes[b][1] - abs((pos[b][1] + boxes[b][2]) - (pos[a][1] + boxes[a][2]))
            if ox > 1 and oy > 1:
                out.append((a, b))
    return out


@pytest.fixture(scope="module")
def large():
    G = _hubs_and_members(hubs=4, members=150, shared=12)
    assert len(G) > KAMADA_KAWAI_LIMIT
    return G, spread_layout(G, {n: n for n in G}, {n: 10 for n in G})


def test_a_large_component_is_not_given_to_kamada_kawai(monkeypatch):
    G = _hubs_and_members(hubs=3, members=150, shared=6)
    sizes = []
    real = layout.kamada_kawai
    monkeypatch.setattr(layout, "kamada_kawai", lambda sub, start: sizes.append(len(sub)) or real(sub, start))
    spread_layout(G, {n: n for n in G}, {n: 10 for n in G})
    assert sizes and max(sizes) <= KAMADA_KAWAI_LIMIT < len(G)


def test_members_of_a_large_component_sit_next_to_their_cluster(large):
    G, pos = large
    hubs = [n for n in G if n.startswith("hub")]
    for member in (n for n in G if n.startswith("m")):
        own = next(iter(G[member]))
        nearest = min(hubs, key=lambda h: (math.dist(pos[member], pos[h]), h))
        assert nearest == own, member


def test_no_two_labels_overlap_in_a_large_component(large):
    G, pos = large
    assert _overlapping(pos, _boxes(G)) == []


def test_a_large_component_is_laid_out_the_same_whatever_the_insertion_order(large):
    G, pos = large
    H = nx.Graph()
    H.add_edges_from(sorted(G.edges(), reverse=True))
    assert spread_layout(H, {n: n for n in H}, {n: 10 for n in H}) == pos


def test_a_large_component_without_leaves_is_laid_out_in_rings():
    G = nx.cycle_graph([f"n{i:03d}" for i in range(KAMADA_KAWAI_LIMIT + 50)])
    pos = spread_layout(G, {n: n for n in G}, {n: 10 for n in G})
    assert sorted(pos) == sorted(G)
    assert _overlapping(pos, _boxes(G)) == []


def test_remove_overlaps_on_a_grid_clears_many_crowded_boxes():
    # boxes 20 x 16 on a 15-pixel lattice, each pair of neighbours overlapping
    side = 20
    pos = {f"n{i:03d}": (15.0 * (i % side) + (i * 7) % 5, 15.0 * (i // side) + (i * 3) % 4) for i in range(side * side)}
    assert len(pos) > layout.EXACT_PAIRS
    boxes = {n: (10.0, 8.0, 0.0) for n in pos}
    assert _overlapping(pos, boxes)
    assert _overlapping(layout.remove_overlaps(pos, boxes), boxes) == []
