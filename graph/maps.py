"""Interactive network maps: networkx -> pyvis -> one self-contained HTML file.

Three maps, each a single UTF-8 HTML file that works with no network at all (vis-network, the
styles and the data are inlined; nothing is fetched):

* :func:`write_park_cluster_map` -- parks and industry clusters, linked by the enterprises,
  platforms and institutes located in the park that belong to the cluster (and by links the report
  states directly); clicking a link or a node lists those members and the sentences behind them;
* :func:`write_network_map` -- the whole graph, each class with its own colour and shape;
* :func:`write_focus_map` -- the neighbourhood of one entity, found by label, alias or pinyin.

Every map has a legend that doubles as class and relation filters, a search box, neighbour
highlighting and a side panel.  pyvis builds the vis-network nodes, edges and options; the page
around them is ``graph/templates/map.html`` (pyvis's own template loads Bootstrap and vis-network
from CDNs and prints the heading twice).  Positions are computed in Python (``map_layout``), so a
map opens laid out, the same on every build, with no physics to wait for.

Everything that comes from a report reaches the page either through Jinja2's autoescaping or as
JSON in which ``<``, ``>`` and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, and the
page's script only ever sets ``textContent``.

Examples
--------
>>> from graph.network import load_dataset
>>> ds = load_dataset("out/wujing.trig")                              # doctest: +SKIP
>>> write_focus_map(ds, "华东师大", "hd.html", depth=1)               # doctest: +SKIP
PosixPath('hd.html')
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import RDF, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV

from .map_layout import columns_layout, node_box, spread_layout
from .map_style import CLASS_STYLES, FONT_FACE, RELATION_STYLES, line_svg, node_style, shape_svg
from .model import top_class
from .network import EntityNotFound, find_entity, load_dataset, to_networkx
from .output import write_text

__all__ = [
    "MapError",
    "park_cluster_view",
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


class MapError(ValueError):
    """A map cannot be made from what the user asked for (unknown class, unreadable graph ...)."""


# --------------------------------------------------------------------------------------------
# reading the dataset


def _quads(ds: Dataset | Graph):
    if isinstance(ds, Dataset):
        for s, p, o, ctx in ds.quads((None, None, None, None)):
            yield s, p, o, str(ctx.identifier) if isinstance(ctx, Graph) else (str(ctx) if ctx is not None else "")
    else:
        for s, p, o in ds:
            yield s, p, o, ""


def _provenance(ds: Dataset | Graph) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    """Sentence texts by IRI, the sentences that mention each entity, and the reports' titles."""
    sentences: dict[str, str] = {}
    typed: dict[str, set[str]] = defaultdict(set)
    titles: set[str] = set()
    for s, p, o, g in _quads(ds):
        if p == PROV.value:
            sentences[str(s)] = str(o)
        elif p == RDF.type and g:
            typed[str(s)].add(g)
        elif p == DCTERMS.title:
            titles.add(str(o))
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

    from .iri import pinyin_plain

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


def _pyvis_data(nodes: list[dict], edges: list[dict], options: dict) -> tuple[list, list, dict]:
    """Pass nodes, edges and options through pyvis, which builds the vis-network data."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    for n in nodes:
        n = dict(n)
        net.add_node(n.pop("id"), label=n.pop("label"), shape=n.pop("shape"), color=n.pop("color"), **n)
    for e in edges:
        e = dict(e)
        net.add_edge(e.pop("from"), e.pop("to"), **e)
    net.options = options  # not set_options(): it strips the spaces out of font names
    vis_nodes, vis_edges, _heading, _height, _width, vis_options = net.get_network_data()
    return vis_nodes, vis_edges, json.loads(vis_options)


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


def _entity_graph_view(
    G: nx.MultiDiGraph, ds: Dataset | Graph, kind: str, title: str, focus: str | None = None
) -> dict:
    """The view of an entity graph (the whole graph or a neighbourhood of it)."""
    sentences, mentions, titles = _provenance(ds)
    degree = {n: G.degree(n) for n in G}
    sizes = {n: round(8 + 4 * degree[n] ** 0.5, 1) for n in G}
    font = {n: 22 if degree[n] >= 5 else 16 if degree[n] >= 2 else 14 for n in G}
    if focus is not None:
        sizes[focus] = max(sizes[focus], 24)
        font[focus] = 22
    labels = {n: _short(G.nodes[n]["label"]) for n in G}
    cls_rank = {c: i for i, c in enumerate(CLASS_STYLES)}
    pos = spread_layout(G, labels, sizes, font, aspect=1.2, order={n: cls_rank.get(G.nodes[n]["cls"], 99) for n in G})

    nodes = [_entity_node(G, n, pos, sizes[n], font[n]) for n in sorted(G)]
    edges, seen = [], defaultdict(int)
    used: set[str] = set()
    for i, (u, v, prop) in enumerate(sorted(G.edges(keys=True))):
        pair = tuple(sorted((u, v)))
        edges.append(_relation_edge(G, u, v, prop, i, seen[pair]))
        seen[pair] += 1
    info: dict[str, dict] = {}
    for n in sorted(G):
        d = G.nodes[n]
        info[n] = {"label": d["label"], "cls": d["cls"], "aliases": list(d["aliases"]), "pinyin": d["pinyin"],
                   "sentences": mentions.get(n, [])}
        used.update(info[n]["sentences"])
    edge_info: dict[str, dict] = {}
    for e, (u, v, prop) in zip(edges, sorted(G.edges(keys=True))):
        evidence = [g for g, _text in G.edges[u, v, prop]["evidence"]]
        edge_info[e["id"]] = {"prop": prop, "evidence": evidence}
        used.update(evidence)
    classes = defaultdict(int)
    for n in G:
        classes[G.nodes[n]["cls"]] += 1
    relations = defaultdict(int)
    for _u, _v, prop in G.edges(keys=True):
        relations[prop] += 1
    search = [_search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), degree[n]) for n in sorted(G)]
    return _view(kind, title, titles, nodes, edges, info, edge_info, {}, sentences, used, classes, relations,
                 search, focus)


def _view(kind, title, titles, nodes, edges, info, edge_info, members, sentences, used, classes, relations,
          search, focus, member_classes=None) -> dict:
    vis_nodes, vis_edges, options = _pyvis_data(nodes, edges, _options())
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
    return _entity_graph_view(to_networkx(ds), ds, "network", "吴泾知识图谱：全部实体与关系")


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


def park_cluster_view(ds: Dataset | Graph) -> dict:
    """The view of parks and clusters, linked by the members they share and by stated links.

    A member of the link between park P and cluster C is an entity (other than a park or a
    cluster) that is ``locatedIn`` P and ``inCluster`` C; the link is also there when the report
    says P ``inCluster`` C.  A park inside another park is shown too.
    """
    G = to_networkx(ds)
    sentences, mentions, titles = _provenance(ds)
    main = sorted(n for n in G if G.nodes[n]["cls"] in (PARK, CLUSTER))
    parks = [n for n in main if G.nodes[n]["cls"] == PARK]
    clusters = [n for n in main if G.nodes[n]["cls"] == CLUSTER]

    def evidence(u, v, prop):
        return [g for g, _ in G.edges[u, v, prop]["evidence"]]

    located: dict[str, dict[str, list]] = defaultdict(dict)  # member -> park -> evidence
    in_cluster: dict[str, dict[str, list]] = defaultdict(dict)  # member -> cluster -> evidence
    stated: dict[tuple[str, str], list] = {}  # (park, cluster) -> evidence
    nested: dict[str, tuple[str, list]] = {}  # park -> (parent park, evidence)
    for u, v, prop in sorted(G.edges(keys=True)):
        cu, cv = G.nodes[u]["cls"], G.nodes[v]["cls"]
        if prop == "locatedIn" and cv == PARK:
            if cu == PARK:
                nested[u] = (v, evidence(u, v, prop))
            elif cu == CLUSTER:
                stated[(v, u)] = stated.get((v, u), []) + evidence(u, v, prop)
            else:
                located[u][v] = evidence(u, v, prop)
        elif prop == "inCluster" and cv == CLUSTER:
            if cu == PARK:
                stated[(u, v)] = stated.get((u, v), []) + evidence(u, v, prop)
            elif cu != CLUSTER:
                in_cluster[u][v] = evidence(u, v, prop)

    link_members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in sorted(located):
        for p in sorted(located[m]):
            for c in sorted(in_cluster.get(m, {})):
                link_members[(p, c)].append(m)
    pairs = sorted(set(link_members) | set(stated))

    park_members = {p: sorted(m for m in located if p in located[m]) for p in parks}
    cluster_members = {c: sorted(m for m in in_cluster if c in in_cluster[m]) for c in clusters}
    count = {**{p: len(park_members[p]) for p in parks}, **{c: len(cluster_members[c]) for c in clusters}}
    labels = {n: G.nodes[n]["label"] + (f"\n成员 {count[n]}" if count[n] else "") for n in main}
    sizes = {n: round(14 + 5 * count[n] ** 0.5, 1) for n in main}
    boxes = {n: node_box(labels[n], sizes[n], 16, pad=12) for n in main}
    weights = [(p, c, len(link_members.get((p, c), [])) + 1) for p, c in pairs]
    pos = columns_layout(parks, clusters, weights, boxes, gap=720,
                         nested={p: parent for p, (parent, _) in nested.items()})

    nodes = []
    for n in main:
        node = _entity_node(G, n, pos, sizes[n], 16)
        node["label"] = labels[n]
        node["font"] = {"size": 16, "multi": False}
        node["title"] = f"{G.nodes[n]['label']}\n{CLASS_STYLES[G.nodes[n]['cls']].name}，成员 {count[n]}"
        nodes.append(node)

    members: dict[str, dict] = {}

    def member(m: str) -> dict:
        if m not in members:
            d = G.nodes[m]
            members[m] = {"label": d["label"], "cls": d["cls"], "aliases": list(d["aliases"]),
                          "pinyin": d["pinyin"], "sentences": mentions.get(m, []),
                          "parks": sorted(located.get(m, {})), "clusters": sorted(in_cluster.get(m, {}))}
        return members[m]

    used: set[str] = set()
    edges, edge_info = [], {}
    relations: dict[str, int] = defaultdict(int)
    for i, (p, c) in enumerate(pairs):
        ms = link_members.get((p, c), [])
        kinds = (["members"] if ms else []) + (["stated"] if (p, c) in stated else [])
        for k in kinds:
            relations[k] += 1
        style = RELATION_STYLES["members" if ms else "stated"]
        lp, lc = G.nodes[p]["label"], G.nodes[c]["label"]
        edges.append({
            "id": f"l{i}", "from": p, "to": c, "prop": kinds[0], "kinds": kinds,
            "label": str(len(ms)) if ms else "", "width": 1.5 + 2.5 * len(ms) ** 0.5 if ms else 1.5,
            "font": {"size": 20, "color": "#a63603", "strokeWidth": 6},
            "dashes": not ms, "arrows": "",
            "title": f"{lp} — {lc}：" + (f"共有成员 {len(ms)}" if ms else "报告直接表述"),
            "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.9},
        })
        info_members = []
        for m in ms:
            member(m)
            ev = sorted(set(located[m][p]) | set(in_cluster[m][c]))
            info_members.append({"id": m, "evidence": ev})
            used.update(ev)
        edge_info[f"l{i}"] = {"prop": kinds[0], "kinds": kinds, "evidence": stated.get((p, c), []),
                              "members": info_members}
        used.update(stated.get((p, c), []))
    for j, (child, (parent, ev)) in enumerate(sorted(nested.items())):
        style = RELATION_STYLES["parkInPark"]
        relations["parkInPark"] += 1
        edges.append({
            "id": f"n{j}", "from": child, "to": parent, "prop": "parkInPark", "kinds": ["parkInPark"],
            "dashes": True, "arrows": "to", "width": 1.5,
            "title": f"{G.nodes[child]['label']} 位于 {G.nodes[parent]['label']}",
            "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.8},
        })
        edge_info[f"n{j}"] = {"prop": "parkInPark", "kinds": ["parkInPark"], "evidence": ev, "members": []}
        used.update(ev)

    info = {}
    for n in main:
        d = G.nodes[n]
        ms = park_members[n] if d["cls"] == PARK else cluster_members[n]
        info[n] = {"label": d["label"], "cls": d["cls"], "aliases": list(d["aliases"]), "pinyin": d["pinyin"],
                   "sentences": mentions.get(n, []), "members": []}
        for m in ms:
            member(m)
            ev = (located if d["cls"] == PARK else in_cluster)[m][n]
            info[n]["members"].append({"id": m, "evidence": ev})
            used.update(ev)
        used.update(info[n]["sentences"])
    for m in members.values():
        used.update(m["sentences"])

    classes: dict[str, int] = defaultdict(int)
    for n in main:
        classes[G.nodes[n]["cls"]] += 1
    member_classes: dict[str, int] = defaultdict(int)
    for m in members.values():
        member_classes[m["cls"]] += 1
    search = [_search_entry(n, G.nodes[n]["label"], list(G.nodes[n]["aliases"]), count[n]) for n in main]
    search += [_search_entry(m, d["label"], d["aliases"], 0, kind="member") for m, d in sorted(members.items())]
    return _view("park_cluster", "园区与产业集群关系图", titles, nodes, edges, info, edge_info,
                 dict(sorted(members.items())), sentences, used, classes, relations, search, None, member_classes)


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
    import pyvis

    path = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
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


def write_maps(ds: Dataset | Graph, out_dir) -> list[Path]:
    """Write ``park_cluster.html`` and ``network.html`` into ``out_dir`` (what a build does)."""
    out_dir = Path(out_dir)
    paths = [out_dir / "park_cluster.html", out_dir / "network.html"]
    for path, view in zip(paths, (park_cluster_view(ds), network_view(ds))):
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

