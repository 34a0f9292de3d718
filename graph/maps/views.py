"""What a map page shows, as plain data: the view of the whole graph and of one entity's neighbourhood,
and the pieces every view shares (legend, vis-network options, nodes, edges, search entries).

A view is a dict that :func:`graph.maps.render.render` turns into HTML: ``kind``, ``title``,
``subtitle``, ``legend`` and ``data`` (the JSON the page's script reads).  The vis-network nodes,
edges and options go through pyvis's own ``Network`` (``add_node``, ``add_edge``,
``get_network_data``); what the report says reaches the page only as JSON (see ``render``).

The facts a view needs besides the networkx graph (sentences, the reports' years, milestones) come
in a :class:`MapFacts`, read from the dataset by :mod:`graph.maps.render`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from graph.errors import WujingError
from graph.maps.layout import spread_layout
from graph.maps.style import CLASS_STYLES, FONT_FACE, RELATION_STYLES, SHORT_NAMES, line_svg, node_style, shape_svg
from graph.model import STAGES, top_class
from graph.network.convert import find_entity
from graph.rdf.iri import pinyin_plain
from graph.rdf.vocabulary import class_named, stage_names

__all__ = ["MapError", "MapFacts", "network_view_of", "focus_view_of", "parse_classes", "READABLE_PX"]

LABEL_CHARS = 10  # longer labels are cut on the map (the side panel shows them in full)
NETWORK_TITLE = "知识图谱：全部实体与关系"
#: The smallest label, in screen pixels, a map opens with (the page zooms in until labels are this large).
READABLE_PX = 12


class MapError(WujingError, ValueError):
    """A map cannot be made from what the user asked for (unknown class, unreadable graph ...)."""


@dataclass
class MapFacts:
    """What the maps read from the dataset besides the entity graph.

    ``sentences``: sentence IRI -> text; ``mentions``: entity IRI -> the sentences that name it;
    ``titles``: the reports' titles; ``years``: sentence IRI -> the ``wj:year`` of its report (absent
    when the report has none); ``milestones``: project IRI -> its milestones, each a dict with
    ``stage`` (local name), ``period``, ``year``, ``planned`` and ``evidence`` (sentence IRIs).
    """
    sentences: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, list[str]] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)
    years: dict[str, str] = field(default_factory=dict)
    milestones: dict[str, list[dict]] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# small pieces


def _sentence_ref(iri: str) -> str:
    """``…/id/report/wujing-2026/s0042`` -> ``wujing-2026 s0042``."""
    tail = iri.split("/report/", 1)[-1]
    return tail.replace("/", " ")


def reports_line(titles: list[str], listed: int = 3) -> str:
    """The line under a map's title: its reports, or their number and the first and last of many.

    >>> reports_line(["甲报告", "乙报告"])
    '甲报告；乙报告'
    >>> reports_line([f"{y}年报告" for y in range(2001, 2027)])
    '26 份报告：2001年报告 … 2026年报告'
    """
    if len(titles) <= listed:
        return "；".join(titles)
    return f"{len(titles)} 份报告：{titles[0]} … {titles[-1]}"


def short_label(label: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters, with ``…`` where it was cut."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def _search_keys(text: str) -> tuple[str, ...]:
    """Toneless pinyin and pinyin initials of a name, lower case, without spaces."""
    from pypinyin import Style, lazy_pinyin

    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda s: [s])).lower()
    initials = re.sub(r"[^a-z0-9]+", "", initials)
    return tuple(k for k in (pinyin_plain(text), initials) if k)


def search_entry(node_id: str, label: str, aliases: list[str], weight: int, kind: str = "node") -> list:
    """``[id, kind, weight, label, aliases, pinyin keys]``: what the page's search box matches."""
    keys = sorted({k for name in [label, *aliases] for k in _search_keys(name)})
    return [node_id, kind, weight, label, list(aliases), keys]


def legend(classes: dict[str, int], relations: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """Legend rows (id, Chinese name, count, SVG drawing) of the classes and relations present."""
    cls_rows = [
        {"id": c, "name": s.name, "count": classes[c], "svg": shape_svg(s.shape, s.color)}
        for c, s in CLASS_STYLES.items()
        if c in classes
    ]
    rel_rows = [
        {"id": r, "name": s.name, "count": relations[r], "svg": line_svg(s.color, s.dashes, s.arrow)}
        for r, s in RELATION_STYLES.items()
        if r in relations
    ]
    return cls_rows, rel_rows


def options() -> dict:
    """vis-network options: fixed positions (no physics), hover tooltips, labels with a halo."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 200, "multiselect": False, "navigationButtons": False},
        "nodes": {
            "borderWidth": 1.5,
            "font": {"face": FONT_FACE, "size": 14, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "shapeProperties": {"interpolation": False},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1,
            "font": {"face": FONT_FACE, "size": 13, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "arrows": {"to": {"scaleFactor": 0.6}},
        },
    }


def vis_data(nodes: list[dict], edges: list[dict], opts: dict) -> tuple[list, list, dict]:
    """vis-network nodes, edges and options, made by pyvis's ``Network(directed=True)``.

    pyvis keeps the first node of an id, labels a node without a label by its id and colours one
    without a colour, draws an arrow on an edge that does not say otherwise and gives the options as
    JSON.  Its own page template is
    not used (it loads Bootstrap and vis-network from CDNs and prints the heading twice); nor is
    ``show``/``write_html`` (they write into the current directory).

    Examples
    --------
    >>> vis_data([{"id": "a", "label": "", "shape": "dot"}], [{"from": "a", "to": "a"}], {"physics": False})
    ([{'color': '#97c2fc', 'id': 'a', 'label': 'a', 'shape': 'dot'}], [{'from': 'a', 'to': 'a', 'arrows': 'to'}], {'physics': False})
    """
    from pyvis.network import Network  # imports IPython: a tenth of a second, so only when a map is made

    net = Network(directed=True, cdn_resources="in_line")
    seen: set = set()
    for n in nodes:
        n = dict(n)
        node_id = n.pop("id")
        if node_id in seen:  # pyvis looks ids up in a list: check here first (a set) to stay linear
            continue
        seen.add(node_id)
        net.add_node(node_id, label=n.pop("label", None), shape=n.pop("shape", "dot"), **n)
    # pyvis's add_edge checks both ends with `in` on its list of ids: quadratic on a big graph; a set
    # answers the same test at once (pyvis uses the list for nothing else)
    net.node_ids = set(net.node_ids)
    for e in edges:
        e = dict(e)
        net.add_edge(e.pop("from"), e.pop("to"), **e)
    net.options = opts
    vis_nodes, vis_edges, _heading, _height, _width, vis_options = net.get_network_data()
    return vis_nodes, vis_edges, json.loads(vis_options)


def entity_node(G: nx.MultiDiGraph, n: str, pos: dict, size: float, font_size: int = 14) -> dict:
    """The vis-network node of an entity: label, tooltip, class style, size and fixed position."""
    d = G.nodes[n]
    style = CLASS_STYLES.get(d["cls"])
    return {
        "id": n,
        "label": short_label(d["label"]),
        "title": f"{d['label']}\n{style.name if style else d['cls']}",
        "cls": d["cls"],
        "size": size,
        "x": pos[n][0],
        "y": pos[n][1],
        "physics": False,
        "font": {"size": font_size},
        **node_style(d["cls"]),
    }


def relation_edge(G: nx.MultiDiGraph, u: str, v: str, prop: str, index: int, parallel: int) -> dict:
    """The vis-network edge of a relation, in the relation's colour and line."""
    style = RELATION_STYLES[prop]
    label_u, label_v = G.nodes[u]["label"], G.nodes[v]["label"]
    edge = {
        "id": f"e{index}",
        "from": u,
        "to": v,
        "prop": prop,
        "title": f"{label_u} —{style.name}→ {label_v}" if style.arrow else f"{label_u} —{style.name}— {label_v}",
        "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.85},
        "dashes": style.dashes,
        "width": 1.6,
        "arrows": "to" if style.arrow else "",
    }
    if parallel:  # a second relation between the same two entities: curve it so both show
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * parallel}
    return edge


def milestone_rows(facts: MapFacts, project: str) -> list[dict]:
    """A project's milestones for its panel, in the order of the stages and then of the periods."""
    names = stage_names()
    rank = {s: i for i, s in enumerate(STAGES)}
    rows = [{**m, "stageName": names.get(m["stage"], m["stage"])} for m in facts.milestones.get(project, [])]
    return sorted(rows, key=lambda m: (m["period"], rank.get(m["stage"], 99), m["planned"]))


def entity_info(G: nx.MultiDiGraph, n: str, facts: MapFacts) -> dict:
    """What a panel shows about an entity: names, class, sentences and its milestones.

    A project always has its milestones (maybe none); an entity of another class has them when the
    report gives it a stage (``推动A、B等项目开工`` where A is a company: its plant; a platform whose
    building is completed).
    """
    d = G.nodes[n]
    info = {"label": d["label"], "cls": d["cls"], "aliases": list(d["aliases"]), "pinyin": d["pinyin"],
            "sentences": facts.mentions.get(n, [])}
    if top_class(d["cls"]) == "Project" or facts.milestones.get(n):
        info["milestones"] = milestone_rows(facts, n)
    return info


def used_sentences(facts: MapFacts, used: set[str]) -> dict[str, dict]:
    """The sentences a page refers to: reference, text and the year of the report."""
    out = {}
    for g in sorted(used):
        if g in facts.sentences:
            out[g] = {"ref": _sentence_ref(g), "text": facts.sentences[g]}
            if g in facts.years:
                out[g]["year"] = facts.years[g]
    return out


def assemble(kind: str, title: str, facts: MapFacts, nodes: list[dict], edges: list[dict], info: dict,
             edge_info: dict, used: set[str], classes: Counter, relations: Counter, search: list, **extra) -> dict:
    """The view dict of a page: title, legend and the JSON data (``extra`` goes into the data)."""
    vis_nodes, vis_edges, opts = vis_data(nodes, edges, options())
    legend_classes, legend_relations = legend(dict(classes), dict(relations))
    member_classes = extra.pop("member_classes", None)
    legend_members, _ = legend(dict(member_classes or {}), {})
    for about in [*info.values(), *extra.get("members", {}).values()]:
        for m in about.get("milestones", []):
            used = used | set(m["evidence"])
    data = {
        "kind": kind,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": opts,
        "info": info,
        "edgeInfo": edge_info,
        "members": {},
        "sentences": used_sentences(facts, used),
        "search": search,
        "classNames": {c: s.name for c, s in CLASS_STYLES.items()},
        "shortNames": dict(SHORT_NAMES),
        "classColors": {c: s.color for c, s in CLASS_STYLES.items()},
        "relationNames": {r: s.name for r, s in RELATION_STYLES.items()},
        "relationColors": {r: s.color for r, s in RELATION_STYLES.items()},
        "focus": None,
        "readablePx": READABLE_PX,
        **extra,
    }
    return {
        "kind": kind,
        "title": title,
        "subtitle": reports_line(facts.titles),
        "subtitle_all": "；".join(facts.titles),
        "legend": {"classes": legend_classes, "members": legend_members, "relations": legend_relations,
                   "isolated": extra.get("isolated", 0) if kind == "network" else 0,
                   "isolated_svg": shape_svg("dot", "#bbbbbb")},
        "data": data,
    }


# --------------------------------------------------------------------------------------------
# the whole graph and a neighbourhood


def entity_graph_view(G: nx.MultiDiGraph, facts: MapFacts, kind: str, title: str, focus: str | None = None) -> dict:
    """The view of an entity graph (the whole graph or a neighbourhood of it).

    The entities linked to nothing are laid out apart (a grid under the rest) and marked
    ``isolated``: the whole-graph page opens on the linked part and shows them on request.
    """
    degree = {n: G.degree(n) for n in G}
    sizes = {n: round(8 + 4 * degree[n] ** 0.5, 1) for n in G}
    font = {n: 22 if degree[n] >= 5 else 16 if degree[n] >= 2 else 14 for n in G}
    if focus is not None:
        sizes[focus], font[focus] = max(sizes[focus], 24), 22
    labels = {n: short_label(G.nodes[n]["label"]) for n in G}
    rank = {c: i for i, c in enumerate(CLASS_STYLES)}
    pos = spread_layout(G, labels, sizes, font, aspect=1.2, order={n: rank.get(G.nodes[n]["cls"], 99) for n in G})

    nodes = []
    for n in sorted(G):
        node = entity_node(G, n, pos, sizes[n], font[n])
        if degree[n] == 0 and n != focus:
            node["isolated"] = True
        nodes.append(node)
    info = {n: entity_info(G, n, facts) for n in sorted(G)}
    used = {g for i in info.values() for g in i["sentences"]}
    edges, edge_info, parallel = [], {}, Counter()
    for i, (u, v, prop) in enumerate(sorted(G.edges(keys=True))):
        pair = tuple(sorted((u, v)))
        edges.append(relation_edge(G, u, v, prop, i, parallel[pair]))
        parallel[pair] += 1
        evidence = [g for g, _text in G.edges[u, v, prop]["evidence"]]
        edge_info[edges[-1]["id"]] = {"prop": prop, "evidence": evidence}
        used.update(evidence)
    classes = Counter(d["cls"] for _, d in G.nodes(data=True))
    relations = Counter(prop for *_, prop in G.edges(keys=True))
    search = [search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), degree[n]) for n in sorted(G)]
    isolated = sum(1 for n in nodes if n.get("isolated"))
    # where the page opens: the largest group of linked entities (its centre), then the rest by panning
    linked = [c for c in nx.connected_components(G.to_undirected(as_view=True)) if len(c) > 1]
    start = None
    if linked:
        biggest = min(linked, key=lambda c: (-len(c), sorted(c)[0]))
        start = sorted(biggest)
    return assemble(kind, title, facts, nodes, edges, info, edge_info, used, classes, relations, search,
                    focus=focus, isolated=isolated, start=start)


def network_view_of(G: nx.MultiDiGraph, facts: MapFacts) -> dict:
    """The view of the whole graph: every entity and every relation."""
    return entity_graph_view(G, facts, "network", NETWORK_TITLE)


def parse_classes(classes) -> set[str] | None:
    """Class names (``University``, ``高校``, ``university``; commas or spaces between) as class names.

    The Chinese names are the ontology's (:func:`graph.rdf.vocabulary.class_named`), as for the
    ``class`` parameter of ``wujing-kg query``.
    """
    if not classes:
        return None
    wanted = set()
    for item in classes:
        for part in re.split(r"[,，、\s]+", str(item)):
            if not part:
                continue
            cls = class_named(part)
            if cls is None or cls not in CLASS_STYLES:
                raise MapError(f"unknown class {part!r}; available: {', '.join(CLASS_STYLES)} "
                               f"(or their Chinese names: {'、'.join(s.name for s in CLASS_STYLES.values())})")
            wanted.add(cls)
    return wanted or None


def focus_view_of(G: nx.MultiDiGraph, facts: MapFacts, focus: str, depth: int = 2, classes=None) -> dict:
    """The view of everything within ``depth`` links of ``focus`` (label, alias or pinyin).

    ``classes`` (names such as ``University`` or ``高校``; a class includes its subclasses) limits
    the nodes shown, not the paths: a node of another class still counts as a step on the way.
    Raises :class:`~graph.network.EntityNotFound` for an unknown name, :class:`MapError` for an
    unknown class or a negative depth.
    """
    if depth < 0:
        raise MapError(f"depth must be 0 or more, not {depth}")
    wanted = parse_classes(classes)
    centre = find_entity(G, focus)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    keep = [n for n in near if n == centre or wanted is None
            or G.nodes[n]["cls"] in wanted or top_class(G.nodes[n]["cls"]) in wanted]
    H = G.subgraph(sorted(keep)).copy()
    label = G.nodes[centre]["label"]
    return entity_graph_view(H, facts, "focus", f"{label}：{depth} 步以内的关系", focus=centre)
