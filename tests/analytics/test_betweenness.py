"""Betweenness is exact on a report's graph and a seeded estimate on a graph of many reports."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics.measures import betweenness


@pytest.fixture(scope="module")
def hubs():
    """Five hubs in a ring, 40 members each, and 100 entities linked to nothing."""
    H = nx.Graph()
    for h in range(5):
        H.add_edge(f"hub{h}", f"hub{(h + 1) % 5}")
        H.add_edges_from((f"hub{h}", f"m{h}-{i:02d}") for i in range(40))
    H.add_nodes_from(f"alone{i:03d}" for i in range(100))
    return H


def test_betweenness_is_exact_up_to_the_source_count(hubs):
    assert betweenness(hubs, sources=len(hubs)) == nx.betweenness_centrality(hubs, normalized=True)


def test_an_estimate_ranks_the_hubs_first_and_is_near_the_exact_value(hubs):
    exact = nx.betweenness_centrality(hubs, normalized=True)
    estimate = betweenness(hubs, sources=60)
    assert estimate != exact
    top = sorted(estimate, key=lambda n: (-estimate[n], n))[:5]
    assert sorted(top) == [f"hub{h}" for h in range(5)]
    for h in range(5):
        assert estimate[f"hub{h}"] == pytest.approx(exact[f"hub{h}"], rel=0.25)


def test_an_estimate_is_the_same_whatever_the_insertion_order_and_zero_for_unlinked_entities(hubs):
    first = betweenness(hubs, sources=60)
    reversed_order = nx.Graph()
    reversed_order.add_nodes_from(sorted(hubs, reverse=True))
    reversed_order.add_edges_from(sorted(hubs.edges(), reverse=True))
    again = betweenness(reversed_order, sources=60)
    assert first == again
    assert all(first[f"alone{i:03d}"] == 0.0 for i in range(100))
