"""Interactive network maps: networkx -> vis-network data -> one self-contained HTML file.

Three maps, each a single UTF-8 HTML file that works with no network at all (vis-network, the
styles and the data are inlined; nothing is fetched):

* :func:`write_park_cluster_map` -- parks and industry clusters, linked by the enterprises,
  platforms and institutes located in the park that belong to the cluster (and by links the report
  states directly); clicking a link or a node lists those members and the sentences behind them;
* :func:`write_network_map` -- the whole graph, each class with its own colour and shape;
* :func:`write_focus_map` -- the neighbourhood of one entity, found by label, alias or pinyin.

Every map has a legend that doubles as class and relation filters, a search box, neighbour
highlighting and a side panel.  The vis-network nodes, edges and options are the dictionaries
pyvis's ``Network`` would make (:func:`_vis_data`; importing pyvis loads IPython, a tenth of a
second); vis-network itself is the copy pyvis ships.  The page around them is
``graph/templates/map.html`` (pyvis's own template loads Bootstrap and vis-network from CDNs and
prints the heading twice).  Positions are computed in Python (``map_layout``), so a
map opens laid out, the same on every build, with no physics to wait for.

Everything that comes from a report reaches the page either through Jinja2's autoescaping or as
JSON in which ``<``, ``>`` and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, and the
page's script only ever sets ``textContent``.

Examples
--------
>>> from graph.network.convert import load_dataset
>>> ds = load_dataset("out/wujing.trig")                              # doctest: +SKIP
>>> write_focus_map(ds, "华东师大", "hd.html", depth=1)               # doctest: +SKIP
PosixPath('hd.html')
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import RDF, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV

from graph.errors import WujingError
from graph.maps.layout import columns_layout, node_box, spread_layout
from graph.maps.style import (
    CLASS_STYLES,
    FONT_FACE,
    RELATION_STYLES,
    line_svg,
    node_style,
    shape_svg,
)
from graph.model import top_class
from graph.network.convert import EntityNotFound, find_entity, load_dataset, to_networkx
from graph.output import write_text
from graph.rdf.iri import pinyin_plain

__all__ = [
    "MapError",
    "park_cluster_view",
    "Memberships",
    "network_view",
    "focus_view",
    "render",
    "write_park_cluster_map",
    "write_network_map",
    "write_focus_map",
    "write_maps",
    "export_focus_map",
    "json_for_script",
    "EntityNotFound",
]

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
ASSETS = PACKAGE / "assets"
LABEL_CHARS = 10  # longer labels are cut on the map (the side panel shows them in full)
PARK, CLUSTER = "Park", "IndustryCluster"
NETWORK_TITLE = "吴泾知识图谱：全部实体与关系"


class MapError(WujingError, ValueError):
    """A map cannot be made from what the user asked for (unknown class, unreadable graph ...)."""


# --------------------------------------------------------------------------------------------
# reading the dataset


def _matches(ds: Dataset | Graph, predicate):
    """``(subject, object, graph IRI)`` of the triples with ``predicate`` (graph ``""`` for a Graph)."""
    if isinstance(ds, Dataset):
        for s, _p, o, ctx in ds.quads((None, predicate, None, None)):
            yield s, o, str(ctx.identifier) if isinstance(ctx, Graph) else (str(ctx) if ctx is not None else "")
    else:
        for s, _p, o in ds.triples((None, predicate, None)):
            yield s, o, ""


def _provenance(ds: Dataset | Graph) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    """Sentence texts by IRI, the sentences that mention each entity, and the reports' titles."""
    sentences = {str(s): str(o) for s, o, _g in _matches(ds, PROV.value)}
    typed: dict[str, set[str]] = defaultdict(set)
    for s, _o, g in _matches(ds, RDF.type):
        if g:
            typed[str(s)].add(g)
    titles = {str(o) for _s, o, _g in _matches(ds, DCTERMS.title)}
    mentions = {iri: sorted(g for g in gs if g in sentences) for iri, gs in typed.items()}
    return sentences, mentions, sorted(titles)


def _sentence_ref(iri: str) -> str:
    """``…/id/report/wujing-2026/s0042`` -> ``wujing-2026 s0042``."""
    tail = iri.split("/report/", 1)[-1]
    return tail.replace("/", " ")


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def _search_keys(text: str) -> tuple[str, ...]:
    """Toneless pinyin and pinyin initials of a name, lower case, without spaces."""
    from pypinyin import Style, lazy_pinyin


    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda s: [s])).lower()
    initials = re.sub(r"[^a-z0-9]+", "", initials)
    return tuple(k for k in (pinyin_plain(text), initials) if k)


def _search_entry(node_id: str, label: str, aliases: list[str], weight: int, kind: str = "node") -> list:
    """``[id, kind, weight, label, aliases, pinyin keys]``: what the page's search box matches."""
    keys = sorted({k for name in [label, *aliases] for k in _search_keys(name)})
    return [node_id, kind, weight, label, list(aliases), keys]


# --------------------------------------------------------------------------------------------
# views: everything a page needs, as plain data


def _legend(classes: dict[str, int], relations: dict[str, int]) -> tuple[list[dict], list[dict]]:
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


def _options() -> dict:
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


def _vis_data(nodes: list[dict], edges: list[dict], options: dict) -> tuple[list, list, dict]:
    """vis-network nodes, edges and options, as pyvis's ``Network(directed=True)`` makes them.

    ``add_node`` keeps the first node of an id and labels a node without a label by its id;
    ``add_edge`` draws an arrow unless the edge says otherwise; ``get_network_data`` gives the
    options as JSON.

    Examples
    --------
    >>> _vis_data([{"id": "a", "label": "", "shape": "dot"}], [{"from": "a", "to": "a"}], {"physics": False})
    ([{'id': 'a', 'label': 'a', 'shape': 'dot'}], [{'from': 'a', 'to': 'a', 'arrows': 'to'}], {'physics': False})
    """
    vis_nodes, seen = [], set()
    for n in nodes:
        if n["id"] not in seen:
            seen.add(n["id"])
            vis_nodes.append({**n, "label": n.get("label") or n["id"]})
    vis_edges = [{**e, "arrows": "to"} if "arrows" not in e else dict(e) for e in edges]
    return vis_nodes, vis_edges, json.loads(json.dumps(options))


def _entity_node(G: nx.MultiDiGraph, n: str, pos: dict, size: float, font_size: int = 14) -> dict:
    d = G.nodes[n]
    style = CLASS_STYLES.get(d["cls"])
    node = {
        "id": n,
        "label": _short(d["label"]),
        "title": f"{d['label']}\n{style.name if style else d['cls']}",
        "cls": d["cls"],
        "size": size,
        "x": pos[n][0],
        "y": pos[n][1],
        "physics": False,
        "font": {"size": font_size},
        **node_style(d["cls"]),
    }
    return node


def _relation_edge(G: nx.MultiDiGraph, u: str, v: str, prop: str, index: int, parallel: int) -> dict:
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


def _entity_info(G: nx.MultiDiGraph, n: str, mentions: dict) -> dict:
    d = G.nodes[n]
    return {"label": d["label"], "cls": d["cls"], "aliases": list(d["aliases"]), "pinyin": d["pinyin"],
            "sentences": mentions.get(n, [])}


def _entity_graph_view(
    G: nx.MultiDiGraph, ds: Dataset | Graph, kind: str, title: str, focus: str | None = None, provenance=None
) -> dict:
    """The view of an entity graph (the whole graph or a neighbourhood of it).

    ``provenance`` is ``_provenance(ds)``, when the caller has it already.
    """
    sentences, mentions, titles = provenance or _provenance(ds)
    degree = {n: G.degree(n) for n in G}
    sizes = {n: round(8 + 4 * degree[n] ** 0.5, 1) for n in G}
    font = {n: 22 if degree[n] >= 5 else 16 if degree[n] >= 2 else 14 for n in G}
    if focus is not None:
        sizes[focus], font[focus] = max(sizes[focus], 24), 22
    labels = {n: _short(G.nodes[n]["label"]) for n in G}
    rank = {c: i for i, c in enumerate(CLASS_STYLES)}
    pos = spread_layout(G, labels, sizes, font, aspect=1.2, order={n: rank.get(G.nodes[n]["cls"], 99) for n in G})

    nodes = [_entity_node(G, n, pos, sizes[n], font[n]) for n in sorted(G)]
    info = {n: _entity_info(G, n, mentions) for n in sorted(G)}
    used = {g for i in info.values() for g in i["sentences"]}
    edges, edge_info, parallel = [], {}, Counter()
    for i, (u, v, prop) in enumerate(sorted(G.edges(keys=True))):
        pair = tuple(sorted((u, v)))
        edges.append(_relation_edge(G, u, v, prop, i, parallel[pair]))
        parallel[pair] += 1
        evidence = [g for g, _text in G.edges[u, v, prop]["evidence"]]
        edge_info[edges[-1]["id"]] = {"prop": prop, "evidence": evidence}
        used.update(evidence)
    classes = Counter(d["cls"] for _, d in G.nodes(data=True))
    relations = Counter(prop for *_, prop in G.edges(keys=True))
    search = [_search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), degree[n]) for n in sorted(G)]
    return _view(kind, title, titles, nodes, edges, info, edge_info, {}, sentences, used, classes, relations,
                 search, focus)


def _view(kind, title, titles, nodes, edges, info, edge_info, members, sentences, used, classes, relations,
          search, focus, member_classes=None) -> dict:
    vis_nodes, vis_edges, options = _vis_data(nodes, edges, _options())
    legend_classes, legend_relations = _legend(dict(classes), dict(relations))
    legend_members, _ = _legend(dict(member_classes or {}), {})
    class_names = {c: s.name for c, s in CLASS_STYLES.items()}
    relation_names = {r: s.name for r, s in RELATION_STYLES.items()}
    return {
        "kind": kind,
        "title": title,
        "subtitle": "；".join(titles),
        "legend": {"classes": legend_classes, "members": legend_members, "relations": legend_relations},
        "data": {
            "kind": kind,
            "nodes": vis_nodes,
            "edges": vis_edges,
            "options": options,
            "info": info,
            "edgeInfo": edge_info,
            "members": members,
            "sentences": {g: {"ref": _sentence_ref(g), "text": sentences[g]} for g in sorted(used) if g in sentences},
            "search": search,
            "classNames": class_names,
            "classColors": {c: s.color for c, s in CLASS_STYLES.items()},
            "relationNames": relation_names,
            "focus": focus,
        },
    }


def network_view(ds: Dataset | Graph) -> dict:
    """The view of the whole graph: every entity and every relation."""
    return _entity_graph_view(to_networkx(ds), ds, "network", NETWORK_TITLE)


def _parse_classes(classes) -> set[str] | None:
    if not classes:
        return None
    names = {c.lower(): c for c in CLASS_STYLES} | {s.name: c for c, s in CLASS_STYLES.items()}
    wanted = set()
    for item in classes:
        for part in re.split(r"[,，\s]+", str(item)):
            if not part:
                continue
            if part.lower() not in names and part not in names:
                raise MapError(f"unknown class {part!r}; available: {', '.join(CLASS_STYLES)}")
            wanted.add(names.get(part.lower(), names.get(part)))
    return wanted or None


def focus_view(ds: Dataset | Graph, focus: str, depth: int = 2, classes=None) -> dict:
    """The view of everything within ``depth`` links of ``focus`` (label, alias or pinyin).

    ``classes`` (names such as ``University`` or ``高校``; a class includes its subclasses) limits
    the nodes shown, not the paths: a node of another class still counts as a step on the way.
    Raises :class:`~graph.network.EntityNotFound` for an unknown name, :class:`MapError` for an
    unknown class or a negative depth.
    """
    if depth < 0:
        raise MapError(f"depth must be 0 or more, not {depth}")
    wanted = _parse_classes(classes)
    G = to_networkx(ds)
    centre = find_entity(G, focus)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    keep = [n for n in near if n == centre or wanted is None
            or G.nodes[n]["cls"] in wanted or top_class(G.nodes[n]["cls"]) in wanted]
    H = G.subgraph(sorted(keep)).copy()
    label = G.nodes[centre]["label"]
    return _entity_graph_view(H, ds, "focus", f"{label}：{depth} 步以内的关系", focus=centre)


class Memberships:
    """Who is in which park and cluster, from the relations of an entity graph.

    ``located[m][park]`` and ``in_cluster[m][cluster]`` are the evidence (sentence IRIs) of a
    member ``m`` (neither a park nor a cluster); ``stated[(park, cluster)]`` the evidence of a
    direct link (park ``inCluster`` cluster, or cluster ``locatedIn`` park); ``nested[park]`` the
    park it lies in and the evidence.  ``links[(park, cluster)]`` lists the members that make a link.
    """
    def __init__(self, G: nx.MultiDiGraph):
        self.located: dict[str, dict[str, list]] = defaultdict(dict)
        self.in_cluster: dict[str, dict[str, list]] = defaultdict(dict)
        self.stated: dict[tuple[str, str], list] = defaultdict(list)
        self.nested: dict[str, tuple[str, list]] = {}
        for u, v, prop in sorted(G.edges(keys=True)):
            cu, cv = G.nodes[u]["cls"], G.nodes[v]["cls"]
            ev = [g for g, _text in G.edges[u, v, prop]["evidence"]]
            if prop == "locatedIn" and cv == PARK:
                if cu == PARK:
                    self.nested[u] = (v, ev)
                elif cu == CLUSTER:
                    self.stated[(v, u)] += ev
                else:
                    self.located[u][v] = ev
            elif prop == "inCluster" and cv == CLUSTER:
                if cu == PARK:
                    self.stated[(u, v)] += ev
                elif cu != CLUSTER:
                    self.in_cluster[u][v] = ev
        self.links: dict[tuple[str, str], list[str]] = {pair: [] for pair in self.stated}
        for m in sorted(self.located):
            for p in sorted(self.located[m]):
                for c in sorted(self.in_cluster.get(m, {})):
                    self.links.setdefault((p, c), []).append(m)
        self.links = dict(sorted(self.links.items()))

    def members_of(self, node: str, cls: str) -> list[tuple[str, list]]:
        """The members located in a park (or belonging to a cluster), with the evidence."""
        table = self.located if cls == PARK else self.in_cluster
        return [(m, table[m][node]) for m in sorted(table) if node in table[m]]

    def link_evidence(self, m: str, park: str, cluster: str) -> list[str]:
        return sorted(set(self.located[m][park]) | set(self.in_cluster[m][cluster]))


def _link_edge(i: int, p: str, c: str, members: list[str], stated: bool, G: nx.MultiDiGraph) -> dict:
    kinds = (["members"] if members else []) + (["stated"] if stated else [])
    style = RELATION_STYLES[kinds[0]]
    n = len(members)
    return {
        "id": f"l{i}", "from": p, "to": c, "prop": kinds[0], "kinds": kinds,
        "label": str(n) if n else "", "width": 1.5 + 2.5 * n ** 0.5 if n else 1.5, "dashes": not n, "arrows": "",
        "font": {"size": 20, "color": "#a63603", "strokeWidth": 6},
        "title": f"{G.nodes[p]['label']} — {G.nodes[c]['label']}：" + (f"共有成员 {n}" if n else "报告直接表述"),
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


def park_cluster_view(ds: Dataset | Graph) -> dict:
    """The view of parks and clusters, linked by the members they share and by stated links.

    A member of the link between park P and cluster C is an entity (other than a park or a
    cluster) that is ``locatedIn`` P and ``inCluster`` C; the link is also there when the report
    says P ``inCluster`` C.  A park inside another park is shown too.  Members are not drawn:
    they are listed (with their evidence) when a link or node is clicked, and found by search.
    """
    return _park_cluster_view(to_networkx(ds), _provenance(ds))


def _park_cluster_view(G: nx.MultiDiGraph, provenance) -> dict:
    sentences, mentions, titles = provenance
    ms = Memberships(G)
    main = sorted(n for n in G if G.nodes[n]["cls"] in (PARK, CLUSTER))
    own = {n: ms.members_of(n, G.nodes[n]["cls"]) for n in main}

    labels = {n: G.nodes[n]["label"] + (f"\n成员 {len(own[n])}" if own[n] else "") for n in main}
    sizes = {n: round(14 + 5 * len(own[n]) ** 0.5, 1) for n in main}
    boxes = {n: node_box(labels[n], sizes[n], 16, pad=12) for n in main}
    pos = columns_layout(
        [n for n in main if G.nodes[n]["cls"] == PARK],
        [n for n in main if G.nodes[n]["cls"] == CLUSTER],
        [(p, c, len(members) + 1) for (p, c), members in ms.links.items()],
        boxes, gap=720, nested={p: parent for p, (parent, _) in ms.nested.items()},
    )
    nodes = []
    for n in main:
        node = _entity_node(G, n, pos, sizes[n], 16)
        node["label"] = labels[n]
        node["title"] = f"{G.nodes[n]['label']}\n{CLASS_STYLES[G.nodes[n]['cls']].name}，成员 {len(own[n])}"
        nodes.append(node)

    edges, edge_info = [], {}
    for i, ((p, c), members) in enumerate(ms.links.items()):
        edges.append(_link_edge(i, p, c, members, (p, c) in ms.stated, G))
        edge_info[edges[-1]["id"]] = {
            "prop": edges[-1]["prop"], "kinds": edges[-1]["kinds"], "evidence": ms.stated.get((p, c), []),
            "members": [{"id": m, "evidence": ms.link_evidence(m, p, c)} for m in members],
        }
    for j, (child, (parent, ev)) in enumerate(sorted(ms.nested.items())):
        edges.append(_nested_edge(j, child, parent, G))
        edge_info[edges[-1]["id"]] = {"prop": "parkInPark", "kinds": ["parkInPark"], "evidence": ev, "members": []}

    info = {n: {**_entity_info(G, n, mentions), "members": [{"id": m, "evidence": ev} for m, ev in own[n]]}
            for n in main}
    member_ids = sorted({m["id"] for i in [*info.values(), *edge_info.values()] for m in i["members"]})
    members = {m: {**_entity_info(G, m, mentions), "parks": sorted(ms.located.get(m, {})),
                   "clusters": sorted(ms.in_cluster.get(m, {}))} for m in member_ids}
    used = {g for i in [*info.values(), *members.values()] for g in i["sentences"]}
    used |= {g for i in [*info.values(), *edge_info.values()] for m in i["members"] for g in m["evidence"]}
    used |= {g for i in edge_info.values() for g in i["evidence"]}

    relations = Counter(k for e in edges for k in e["kinds"])
    search = [_search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), len(own[n])) for n in main]
    search += [_search_entry(m, d["label"], d["aliases"], 0, kind="member") for m, d in members.items()]
    return _view("park_cluster", "园区与产业集群关系图", titles, nodes, edges, info, edge_info, members, sentences,
                 used, Counter(G.nodes[n]["cls"] for n in main), relations, search, None,
                 Counter(d["cls"] for d in members.values()))


# --------------------------------------------------------------------------------------------
# rendering


def json_for_script(data) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (still the same JSON
    strings), so no ``</script>`` or ``<!--`` in the data can end the element.

    Examples
    --------
    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _inline_script(code: str) -> str:
    """Library code made safe to inline: no source-map fetch, nothing that could close the element."""
    code = re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    """vis-network 9.1.2 as pyvis ships it (``pyvis/templates/lib``), ready to inline."""
    from importlib.util import find_spec

    pyvis_dir = Path(find_spec("pyvis").submodule_search_locations[0])  # found, not imported
    path = pyvis_dir.resolve() / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return _inline_script(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def render(view: dict) -> str:
    """The HTML page of a view: one self-contained document."""
    template = _environment().get_template("map.html")
    return template.render(
        title=view["title"],
        subtitle=view["subtitle"],
        kind=view["kind"],
        legend=view["legend"],
        search_names=sorted({e[3] for e in view["data"]["search"]} | {a for e in view["data"]["search"] for a in e[4]}),
        css=(ASSETS / "map.css").read_text(encoding="utf-8"),
        vis_js=_vis_network_js(),
        app_js=_inline_script((ASSETS / "map.js").read_text(encoding="utf-8")),
        data_json=json_for_script(view["data"]),
    )


def _write(html: str, path) -> Path:
    path = Path(path)
    try:
        write_text(path, html)
    except OSError as exc:
        raise MapError(f"{path}: cannot write the map: {exc.strerror or exc}") from None
    return path


def write_park_cluster_map(ds: Dataset | Graph, path) -> Path:
    """Write the park-cluster map of ``ds`` to ``path`` (UTF-8, self-contained); return the path."""
    return _write(render(park_cluster_view(ds)), path)


def write_network_map(ds: Dataset | Graph, path) -> Path:
    """Write the map of the whole graph of ``ds`` to ``path``; return the path."""
    return _write(render(network_view(ds)), path)


def write_focus_map(ds: Dataset | Graph, focus: str, path, depth: int = 2, classes=None) -> Path:
    """Write the map of everything within ``depth`` links of ``focus`` to ``path``; return the path.

    ``focus`` is a Chinese label, an alias or pinyin (``华东师大``, ``huadongshifandaxue``);
    ``classes`` optionally limits the classes shown (see :func:`focus_view`).
    """
    return _write(render(focus_view(ds, focus, depth=depth, classes=classes)), path)


def write_maps(ds: Dataset | Graph, out_dir, G: nx.MultiDiGraph | None = None) -> list[Path]:
    """Write ``park_cluster.html`` and ``network.html`` into ``out_dir`` (what a build does).

    ``G`` is ``to_networkx(ds)``, when the caller has it already (as for the exports).
    """
    out_dir = Path(out_dir)
    paths = [out_dir / "park_cluster.html", out_dir / "network.html"]
    G = to_networkx(ds) if G is None else G
    provenance = _provenance(ds)  # read the dataset once for both maps
    views = (_park_cluster_view(G, provenance),
             _entity_graph_view(G, ds, "network", NETWORK_TITLE, provenance=provenance))
    for path, view in zip(paths, views):
        write_text(path, render(view))  # an OSError reaches the build, which reports it
    return paths


def export_focus_map(trig, focus: str, path, depth: int = 2, classes=None) -> Path:
    """Read a built graph (``out/wujing.trig``) and write the focus map of ``focus`` (the CLI's work)."""
    try:
        ds = load_dataset(trig)
    except OSError as exc:
        raise MapError(f"{trig}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # rdflib's parsers raise many kinds of error; all mean "not TriG"
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise MapError(f"{trig}: not a readable TriG file: {detail}") from None
    return write_focus_map(ds, focus, path, depth=depth, classes=classes)

