"""Who is in which park and industry cluster: the one owner of the park x cluster counts.

``wujing-kg matrix`` (:func:`graph.analytics.park_cluster_matrix`), the heatmap and the
park-cluster map (:mod:`graph.maps`) all read them from :func:`park_clusters`, so they give the
same number for every park and cluster.

The rule:

* a **member** of the link between park P and cluster C is an entity other than a park or a cluster
  (an enterprise, platform, institute, university, fund or project) that is ``locatedIn`` P and
  ``inCluster`` C.  Only direct ``locatedIn`` counts: a member of a park inside P is counted for
  that park, not for P;
* the link is **stated** when the report says so directly: P ``inCluster`` C, or C ``locatedIn`` P.
  A stated link has no members of its own (its count is 0 unless members make it too);
* a park inside another park (P ``locatedIn`` Q) is a **nested** park, not a member.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for iri, cls in [("e", "Enterprise"), ("f", "Enterprise"), ("p", "Park"), ("c", "IndustryCluster")]:
...     G.add_node(iri, label=iri, cls=cls)
>>> for u, v, prop in [("e", "p", "locatedIn"), ("e", "c", "inCluster"), ("f", "p", "locatedIn"), ("p", "c", "inCluster")]:
...     _ = G.add_edge(u, v, key=prop, prop=prop, evidence=[("s1", "")])
>>> pc = park_clusters(G)
>>> pc.links, pc.count("p", "c"), pc.is_stated("p", "c"), [m for m, _ in pc.hosted("p")]
({('p', 'c'): ['e']}, 1, True, ['e', 'f'])
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

__all__ = ["PARK", "CLUSTER", "ParkClusters", "park_clusters"]

PARK, CLUSTER = "Park", "IndustryCluster"


class ParkClusters:
    """The parks, clusters and members of an entity graph, with the evidence of each fact.

    Attributes
    ----------
    parks, clusters : sorted IRIs of the parks and of the industry clusters.
    located : ``located[m][park]`` is the evidence (sentence IRIs) that member ``m`` is in ``park``.
    in_cluster : ``in_cluster[m][cluster]`` the evidence that member ``m`` belongs to ``cluster``.
    stated : ``stated[(park, cluster)]`` the evidence of a link the report states directly.
    nested : ``nested[park]`` is ``(the park it lies in, evidence)``.
    links : ``links[(park, cluster)]`` the sorted members that make the link, for every link (a
        stated link without members has ``[]``), in sorted order of the pairs.
    """

    def __init__(self, G: nx.MultiDiGraph):
        self.parks = sorted(n for n in G if G.nodes[n].get("cls") == PARK)
        self.clusters = sorted(n for n in G if G.nodes[n].get("cls") == CLUSTER)
        self.located: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self.in_cluster: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self.stated: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.nested: dict[str, tuple[str, list[str]]] = {}
        for u, v, prop in sorted(G.edges(keys=True)):
            cu, cv = G.nodes[u].get("cls"), G.nodes[v].get("cls")
            evidence = [g for g, _text in G.edges[u, v, prop].get("evidence", [])]
            if prop == "locatedIn" and cv == PARK:
                if cu == PARK:
                    self.nested[u] = (v, evidence)
                elif cu == CLUSTER:
                    self.stated[(v, u)] = sorted(set(self.stated[(v, u)]) | set(evidence))
                else:
                    self.located[u][v] = evidence
            elif prop == "inCluster" and cv == CLUSTER:
                if cu == PARK:
                    self.stated[(u, v)] = sorted(set(self.stated[(u, v)]) | set(evidence))
                elif cu != CLUSTER:
                    self.in_cluster[u][v] = evidence
        links: dict[tuple[str, str], list[str]] = {pair: [] for pair in self.stated}
        for m in sorted(self.located):
            for p in sorted(self.located[m]):
                for c in sorted(self.in_cluster.get(m, {})):
                    links.setdefault((p, c), []).append(m)
        self.links = dict(sorted(links.items()))
        self.stated = dict(self.stated)

    def count(self, park: str, cluster: str) -> int:
        """How many members make the link between ``park`` and ``cluster`` (0 if there is none)."""
        return len(self.links.get((park, cluster), ()))

    def is_stated(self, park: str, cluster: str) -> bool:
        """Whether the report states the link directly (park ``inCluster`` cluster, or the reverse)."""
        return (park, cluster) in self.stated

    def hosted(self, park: str) -> list[tuple[str, list[str]]]:
        """Every member located in ``park`` (with or without a cluster), with the evidence."""
        return [(m, self.located[m][park]) for m in sorted(self.located) if park in self.located[m]]

    def cluster_members(self, cluster: str) -> list[tuple[str, list[str]]]:
        """Every member that belongs to ``cluster`` (in a park or not), with the evidence."""
        return [(m, self.in_cluster[m][cluster]) for m in sorted(self.in_cluster) if cluster in self.in_cluster[m]]

    def link_evidence(self, member: str, park: str, cluster: str) -> list[str]:
        """The sentences that put ``member`` in ``park`` and in ``cluster``."""
        return sorted(set(self.located[member][park]) | set(self.in_cluster[member][cluster]))

    def linking_members(self) -> list[str]:
        """The members that make at least one link, sorted."""
        return sorted({m for members in self.links.values() for m in members})


def park_clusters(G: nx.MultiDiGraph) -> ParkClusters:
    """The parks, clusters, members and links of the entity graph ``G`` (see the module's rule)."""
    return ParkClusters(G)
