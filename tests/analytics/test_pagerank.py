"""PageRank without scipy (graph.analytics.pagerank): the same ranks as networkx's, worked out by
hand on tiny graphs and compared with ``networkx.pagerank`` on random ones."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph.analytics.pagerank import pagerank


def test_pagerank_of_a_path_of_three_is_the_fixed_point_worked_out_by_hand():
    # ends a, middle b, damping 0.85, N = 3: a = 0.05 + 0.85 b / 2 and b = 0.05 + 0.85 (a + a)
    a = 0.07125 / 0.2775
    rank = pagerank(nx.path_graph(3))
    assert rank == pytest.approx({0: a, 1: 1 - 2 * a, 2: a}, abs=1e-5)


def test_pagerank_spreads_a_dangling_node_rank_evenly():
    # 0 -> 1, and 1 links nowhere: its rank goes to both nodes alike, so 1 ranks above 0
    rank = pagerank(nx.DiGraph([(0, 1)]))
    assert sum(rank.values()) == pytest.approx(1)
    assert rank[1] > rank[0]
    assert rank[0] == pytest.approx(0.15 / 2 + 0.85 * rank[1] / 2, abs=1e-5)


def test_pagerank_of_an_empty_graph_is_empty():
    assert pagerank(nx.Graph()) == {}


# fmt: off
GRAPHS = [
    *(nx.gnm_random_graph(random.Random(seed).randint(1, 200), random.Random(seed).randint(0, 600), seed=seed)
      for seed in range(8)),
    nx.gnm_random_graph(60, 240, seed=3, directed=True),
    nx.MultiGraph([(1, 2), (1, 2), (2, 3), (3, 3), (4, 5)]),
    nx.Graph([("a", "b", {"weight": 3.0}), ("b", "c", {"weight": 1.0}), ("c", "a", {"weight": 0.5})]),
]
# fmt: on


@pytest.mark.parametrize("G", GRAPHS, ids=range(len(GRAPHS)))
def test_pagerank_gives_networkx_ranks_to_the_six_decimals_outputs_keep(G):
    ours, theirs = pagerank(G), nx.pagerank(G)  # networkx's needs scipy: a test dependency only
    assert list(ours) == list(theirs)
    assert ours == pytest.approx(theirs, abs=1e-12)
    assert [f"{ours[n]:.6f}" for n in G] == [f"{theirs[n]:.6f}" for n in G]


def test_pagerank_that_cannot_converge_fails_as_networkx_does():
    with pytest.raises(nx.PowerIterationFailedConvergence):
        pagerank(nx.path_graph(40), max_iter=2)
