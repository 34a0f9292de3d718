"""The view of the park-cluster map: which firms, platforms and projects each park hosts, by industry.

Parks stand on the left, industry clusters on the right.  A link's number counts the members that
make it (located in the park and belonging to the cluster), as ``wujing-kg matrix`` counts them:
both read :func:`graph.network.parks.park_clusters`.  A dashed link is one the report states
directly.  Members are not drawn: each node says how many it has of each kind (企业 3 · 平台 1 ·
项目 2), and a click lists them by industry (for a park) or by park (for a cluster), with the
sentences behind them; a project shows its stage and milestones.

When the graph holds reports of several years (``wj:year`` of each report in the provenance
graph), the page has a year slider: at year Y it shows what the reports up to Y say, and marks
what the report of Y added.  Every fact carries the sentences it rests on; the page reads each
sentence's year from ``data.sentences``.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph.maps.layout import columns_layout, node_box
from graph.maps.style import CLASS_STYLES, RELATION_STYLES, SHORT_NAMES
from graph.maps.views import MapFacts, assemble, entity_info, entity_node, search_entry
from graph.model import top_class
from graph.network.parks import park_clusters

__all__ = ["TITLE", "counts_line", "park_cluster_view_of"]

TITLE = "园区与产业集群关系图"
#: Label size of parks and clusters: with the columns 420 apart, labels open at about 12 px on a
#: 1280 x 800 screen for the bundled report (measured in Chromium; 16 and 720 gave 9 px).
FONT_PX = 20


def counts_line(classes: list[str]) -> str:
    """How many of each kind, in legend order: ``企业 3 · 平台 1 · 项目 2`` ('' for none).

    Examples
    --------
    >>> counts_line(["Enterprise", "ListedCompany", "Incubator", "Project"])
    '企业 2 · 平台 1 · 项目 1'
    """
    counts = Counter(top_class(c) for c in classes)
    order = [c for c in SHORT_NAMES if c in counts] + sorted(c for c in counts if c not in SHORT_NAMES)
    return " · ".join(f"{SHORT_NAMES.get(c, c)} {counts[c]}" for c in order)


def _link_edge(i: int, p: str, c: str, members: list[str], stated: bool, G: nx.MultiDiGraph) -> dict:
    kinds = (["members"] if members else []) + (["stated"] if stated else [])
    style = RELATION_STYLES[kinds[0]]
    n = len(members)
    title = f"{G.nodes[p]['label']} — {G.nodes[c]['label']}：" + (f"共有成员 {n}" if n else "报告直接表述")
    if n and stated:
        title += "；报告也直接表述"
    return {
        "id": f"l{i}", "from": p, "to": c, "prop": kinds[0], "kinds": kinds,
        "label": str(n) if n else " ", "width": 1.5 + 2.5 * n ** 0.5 if n else 1.5, "dashes": not n, "arrows": "",
        "font": {"size": 20, "color": "#a63603", "strokeWidth": 6},
        "title": title,
        "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.9},
    }


def _nested_edge(j: int, child: str, parent: str, G: nx.MultiDiGraph) -> dict:
    style = RELATION_STYLES["parkInPark"]
    return {
        "id": f"n{j}", "from": child, "to": parent, "prop": "parkInPark", "kinds": ["parkInPark"],
        "dashes": True, "arrows": "to", "width": 1.5,
        "title": f"{G.nodes[child]['label']} 位于 {G.nodes[parent]['label']}",
        "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.8},
    }


def park_cluster_view_of(G: nx.MultiDiGraph, facts: MapFacts) -> dict:
    """The view of parks and clusters, linked by the members they share and by stated links.

    Node and link counts are those of :func:`graph.network.parks.park_clusters` (the same as
    ``wujing-kg matrix``).  ``data.years`` lists the years of the reports, for the year slider.
    """
    pc = park_clusters(G)
    main = sorted([*pc.parks, *pc.clusters])
    own = {p: pc.hosted(p) for p in pc.parks} | {c: pc.cluster_members(c) for c in pc.clusters}

    def label(n: str) -> str:
        line = counts_line([G.nodes[m]["cls"] for m, _ in own[n]])
        return G.nodes[n]["label"] + (f"\n{line}" if line else "")

    labels = {n: label(n) for n in main}
    sizes = {n: round(14 + 5 * len(own[n]) ** 0.5, 1) for n in main}
    boxes = {n: node_box(labels[n], sizes[n], FONT_PX, pad=12) for n in main}
    pos = columns_layout(
        pc.parks, pc.clusters,
        [(p, c, len(members) + 1) for (p, c), members in pc.links.items()],
        boxes, gap=420, nested={p: parent for p, (parent, _) in pc.nested.items()},
    )
    nodes = []
    for n in main:
        node = entity_node(G, n, pos, sizes[n], FONT_PX)
        node["label"] = labels[n]
        line = counts_line([G.nodes[m]["cls"] for m, _ in own[n]])
        node["title"] = f"{G.nodes[n]['label']}\n{CLASS_STYLES[G.nodes[n]['cls']].name}" + (f"：{line}" if line else "")
        nodes.append(node)

    edges, edge_info = [], {}
    for i, ((p, c), members) in enumerate(pc.links.items()):
        edges.append(_link_edge(i, p, c, members, pc.is_stated(p, c), G))
        edge_info[edges[-1]["id"]] = {
            "prop": edges[-1]["prop"], "kinds": edges[-1]["kinds"], "evidence": pc.stated.get((p, c), []),
            "members": [{"id": m, "evidence": pc.link_evidence(m, p, c), "located": pc.located[m][p],
                         "inCluster": pc.in_cluster[m][c]} for m in members],
        }
    for j, (child, (parent, ev)) in enumerate(sorted(pc.nested.items())):
        edges.append(_nested_edge(j, child, parent, G))
        edge_info[edges[-1]["id"]] = {"prop": "parkInPark", "kinds": ["parkInPark"], "evidence": ev, "members": []}

    info = {n: {**entity_info(G, n, facts), "members": [{"id": m, "evidence": ev} for m, ev in own[n]]}
            for n in main}
    member_ids = sorted({m["id"] for i in [*info.values(), *edge_info.values()] for m in i["members"]})
    members = {m: {**entity_info(G, m, facts), "top": top_class(G.nodes[m]["cls"]),
                   "parks": sorted(pc.located.get(m, {})), "clusters": sorted(pc.in_cluster.get(m, {}))}
               for m in member_ids}
    used = {g for i in [*info.values(), *members.values()] for g in i["sentences"]}
    used |= {g for i in [*info.values(), *edge_info.values()] for m in i["members"] for g in m["evidence"]}
    used |= {g for i in edge_info.values() for g in i["evidence"]}

    relations = Counter(k for e in edges for k in e["kinds"])
    search = [search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), len(own[n])) for n in main]
    search += [search_entry(m, d["label"], d["aliases"], 0, kind="member") for m, d in members.items()]
    linking = set(pc.linking_members())
    member_classes = Counter({d["cls"]: 0 for d in members.values()})
    member_classes.update(members[m]["cls"] for m in linking)
    years = sorted({facts.years[g] for g in used if g in facts.years})
    return assemble("park_cluster", TITLE, facts, nodes, edges, info, edge_info, used,
                    Counter(G.nodes[n]["cls"] for n in main), relations, search,
                    members=members, member_classes=member_classes, years=years)
