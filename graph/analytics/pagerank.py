"""PageRank by power iteration over numpy arrays: networkx's algorithm without scipy.

``networkx.pagerank`` builds a scipy sparse matrix, and importing ``scipy.sparse`` costs a build
more CPU than the whole computation on a report's graph.  This is the same iteration as
networkx's ``_pagerank_scipy`` (uniform start and teleport vectors, dangling nodes' rank spread
uniformly, stop when the l1 change is below ``N * tol``), with the matrix-vector product done as a
weighted ``numpy.bincount`` over the edges: O(edges) per iteration, no matrix.  The ranks agree with
networkx's to about 1e-15 (the order of the additions differs), far below the 6 decimals the
outputs keep.

Examples
--------
>>> import networkx as nx
>>> rank = pagerank(nx.path_graph(3))  # a = 0.05 + 0.425 b, b = 0.05 + 1.7 a
>>> [round(rank[n], 6) for n in range(3)]
[0.256757, 0.486486, 0.256757]
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["pagerank"]


def pagerank(G: nx.Graph, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6,
             weight: str | None = "weight") -> dict:
    """PageRank of every node of ``G``, as ``networkx.pagerank`` gives it (without its options
    ``personalization``, ``nstart`` and ``dangling``).

    Parameters
    ----------
    G : a networkx graph; an undirected edge counts in both directions, parallel edges add up.
    alpha : damping factor.
    max_iter, tol : at most ``max_iter`` iterations, until the l1 change is below ``N * tol``.
    weight : the edge attribute holding the weight (default 1), or ``None`` for weight 1.

    Returns
    -------
    dict
        node -> rank (the ranks sum to 1); ``{}`` for an empty graph.

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        If ``max_iter`` iterations do not converge, as networkx does.
    """
    N = len(G)
    if N == 0:
        return {}
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    source, target, w = [], [], []
    for u, v, d in G.edges(data=True):
        value = d.get(weight, 1) if weight is not None else 1
        source.append(index[u])
        target.append(index[v])
        w.append(value)
        if not G.is_directed() and u != v:
            source.append(index[v])
            target.append(index[u])
            w.append(value)
    source_a, target_a = np.array(source, dtype=np.intp), np.array(target, dtype=np.intp)
    w_a = np.array(w, dtype=float)
    out = np.bincount(source_a, weights=w_a, minlength=N)  # each node's total out-weight
    inverse = np.zeros(N)
    inverse[out != 0] = 1.0 / out[out != 0]
    share = w_a * inverse[source_a]  # the row-normalised matrix, edge by edge
    dangling = np.where(out == 0)[0]
    p = np.repeat(1.0 / N, N)
    x = p
    for _ in range(max_iter):
        last = x
        x = alpha * (np.bincount(target_a, weights=last[source_a] * share, minlength=N)
                     + sum(last[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < N * tol:
            return dict(zip(nodes, map(float, x)))
    raise nx.PowerIterationFailedConvergence(max_iter)
