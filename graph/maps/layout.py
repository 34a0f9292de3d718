"""Node positions for the maps, computed in Python so that a map opens already laid out.

Positions are pure functions of the graph: no random numbers, nodes visited in sorted order, so
every build gives the same picture (and the browser has no physics to run).  Labels are taken into
account: a node occupies its shape plus the label under it, and overlapping boxes are pushed apart.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c")])
>>> G.add_node("d")
>>> pos = spread_layout(G, labels={n: n for n in G}, sizes={n: 10 for n in G})
>>> sorted(pos) == ["a", "b", "c", "d"], pos == spread_layout(G, {n: n for n in G}, {n: 10 for n in G})
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np
from wcwidth import wcswidth

__all__ = ["text_width", "node_box", "remove_overlaps", "kamada_kawai", "flower_layout", "ring_layout", "sunflower",
           "spread_layout", "columns_layout"]

Pos = dict[Hashable, tuple[float, float]]


def text_width(text: str, font_size: float) -> float:
    """Approximate drawn width of ``text`` in pixels: a CJK character is one em, Latin half of one."""
    lines = text.split("\n") or [""]
    return max(max(wcswidth(line), len(line)) for line in lines) * font_size / 2


def node_box(label: str, size: float, font_size: float, pad: float = 10) -> tuple[float, float, float]:
    """Half width, half height and downward offset of the box a node and its label take up.

    The label is drawn under the node's shape, so the box's centre sits below the node's.
    """
    lines = label.count("\n") + 1
    label_h = lines * font_size * 1.25
    half_w = max(size, text_width(label, font_size) / 2) + pad
    half_h = size + (4 + label_h) / 2 + pad
    return half_w, half_h, (4 + label_h) / 2


EXACT_PAIRS = 300  # up to this many nodes every pair is compared; above, only neighbours on a grid


def _candidate_pairs(nodes: list, xy: dict, boxes: dict) -> Iterable[tuple]:
    """The pairs of ``nodes`` whose boxes may overlap, in a fixed order.

    Every pair for a few nodes; for many, the pairs in the same or a neighbouring cell of a grid
    as wide as the largest box (comparing all pairs of 10,000 labels would take minutes).
    """
    if len(nodes) <= EXACT_PAIRS:
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                yield a, b
        return
    cell = 2 * max(max(boxes[n][0], boxes[n][1]) for n in nodes)
    grid: dict[tuple[int, int], list[int]] = {}
    where = {}
    for i, n in enumerate(nodes):
        key = (math.floor(xy[n][0] / cell), math.floor((xy[n][1] + boxes[n][2]) / cell))
        where[i] = key
        grid.setdefault(key, []).append(i)
    for i, a in enumerate(nodes):
        gx, gy = where[i]
        near = sorted(j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((gx + dx, gy + dy), ()) if j > i)
        for j in near:
            yield a, nodes[j]


def remove_overlaps(pos: Pos, boxes: dict, iterations: int = 200) -> Pos:
    """Push apart nodes whose boxes overlap, along the axis where they overlap least."""
    nodes = sorted(pos, key=str)
    xy = {n: list(pos[n]) for n in nodes}
    for _ in range(iterations):
        moved = False
        for a, b in _candidate_pairs(nodes, xy, boxes):
            wa, ha, da = boxes[a]
            wb, hb, db = boxes[b]
            dx = xy[b][0] - xy[a][0]
            dy = (xy[b][1] + db) - (xy[a][1] + da)
            ox = wa + wb - abs(dx)
            oy = ha + hb - abs(dy)
            if ox <= 0 or oy <= 0:
                continue
            moved = True
            if ox <= oy:
                step = (ox / 2 + 0.5) * (1 if dx >= 0 else -1)
                xy[a][0] -= step
                xy[b][0] += step
            else:
                step = (oy / 2 + 0.5) * (1 if dy >= 0 else -1)
                xy[a][1] -= step
                xy[b][1] += step
        if not moved:
            break
    return {n: (xy[n][0], xy[n][1]) for n in nodes}


def _kk_energy(x: np.ndarray, invdist: np.ndarray, meanweight: float = 1e-3) -> tuple[float, np.ndarray]:
    """Kamada-Kawai energy of the positions ``x`` (n x 2, flattened) and its gradient.

    The cost networkx's ``kamada_kawai_layout`` minimises: for every pair, the squared relative
    difference between their distance on the page and ``1 / invdist`` (their distance in the
    graph), plus a small pull of the mean position towards the origin.
    """
    n = invdist.shape[0]
    xy = x.reshape(n, 2)
    delta = xy[:, None, :] - xy[None, :, :]
    sep = np.sqrt((delta * delta).sum(axis=-1))
    offset = sep * invdist - 1.0
    np.fill_diagonal(offset, 0.0)
    pull = invdist * offset / (sep + np.eye(n) * 1e-3)
    grad = 2.0 * np.einsum("ij,ijk->ik", pull, delta)  # einsum: plain loops, no BLAS threads
    total = xy.sum(axis=0)
    cost = 0.5 * (offset * offset).sum() + 0.5 * meanweight * (total * total).sum()
    return float(cost), (grad + meanweight * total).ravel()


def _minimize(fun, x: np.ndarray, memory: int = 10, gtol: float = 1e-5, ftol: float = 2.220446049250313e-09,
              maxiter: int = 15000) -> np.ndarray:
    """A local minimum of ``fun`` (``x -> (value, gradient)``) from ``x``: L-BFGS with backtracking.

    Stops where scipy's L-BFGS-B stops by default: the largest gradient component is at most
    ``gtol`` or a step lowers the value by at most ``ftol`` relative to it.  Only elementwise
    numpy (no BLAS), so the result is the same on every run and any number of cores.
    """
    f, g = fun(x)
    steps: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(maxiter):
        if np.abs(g).max() <= gtol:
            break
        q, alphas = g.copy(), []
        for s, y in reversed(steps):  # the two-loop recursion: q becomes H g
            a = (s * q).sum() / (y * s).sum()
            alphas.append(a)
            q -= a * y
        if steps:
            s, y = steps[-1]
            q *= (s * y).sum() / (y * y).sum()
        for (s, y), a in zip(steps, reversed(alphas)):
            q += (a - (y * q).sum() / (y * s).sum()) * s
        d = -q
        slope = (g * d).sum()
        if slope >= 0:  # not a descent direction: start again from steepest descent
            steps, d, slope = [], -g, -(g * g).sum()
        t = 1.0 if steps else 1.0 / np.sqrt((g * g).sum())
        while True:
            x_new = x + t * d
            f_new, g_new = fun(x_new)
            if f_new <= f + 1e-4 * t * slope:
                break
            t /= 2
            if t < 1e-16:
                return x
        s, y = x_new - x, g_new - g
        if (s * y).sum() > 1e-10:
            steps = (steps + [(s, y)])[-memory:]
        done = f - f_new <= ftol * max(abs(f), abs(f_new), 1.0)
        x, f, g = x_new, f_new, g_new
        if done:
            break
    return x


def kamada_kawai(G: nx.Graph, start: Pos) -> Pos:
    """Kamada-Kawai positions of a connected graph from ``start``, centred, largest coordinate 1.

    What ``networkx.kamada_kawai_layout(G, pos=start)`` computes, without scipy (its import
    took longer than the maps): the same cost, minimised by :func:`_minimize`.
    """
    nodes = list(G)
    if not nodes:
        return {}
    dist = dict(nx.shortest_path_length(G))
    n = len(nodes)
    matrix = np.full((n, n), 1e6)
    for i, a in enumerate(nodes):
        for j, b in enumerate(nodes):
            if b in dist.get(a, {}):
                matrix[i, j] = dist[a][b]
    x0 = np.array([start[v] for v in nodes], dtype=float).ravel()
    invdist = 1 / (matrix + np.eye(n) * 1e-3)
    xy = _minimize(lambda x: _kk_energy(x, invdist), x0).reshape(n, 2)
    xy = xy - xy.mean(axis=0)
    lim = np.abs(xy).max()
    if lim > 0:
        xy = xy / lim
    return {v: xy[i] for i, v in enumerate(nodes)}


KAMADA_KAWAI_LIMIT = 400  # nodes: Kamada-Kawai compares every pair, so a larger component is laid out as flowers
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _component_layout(sub: nx.Graph, boxes: dict, edge_length: float) -> Pos:
    """Overlap-free positions of one connected component, about ``edge_length`` per link.

    Up to :data:`KAMADA_KAWAI_LIMIT` nodes, Kamada-Kawai; a larger component (a graph of
    hundreds of reports has one of thousands of nodes) as flowers, see :func:`flower_layout`.
    """
    if len(sub) > KAMADA_KAWAI_LIMIT:
        return flower_layout(sub, boxes, edge_length)
    start = nx.circular_layout(sub)
    pos = kamada_kawai(sub, start)
    lengths = [math.dist(pos[u], pos[v]) for u, v in sub.edges()]
    scale = edge_length / (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
    scaled = {n: (float(pos[n][0]) * scale, float(pos[n][1]) * scale) for n in sub}
    return remove_overlaps(scaled, {n: boxes[n] for n in sub})


def _sorted_graph(G: nx.Graph, nodes: Iterable) -> nx.Graph:
    """The subgraph of ``nodes`` with nodes and edges added in sorted order (stable layouts)."""
    nodes = sorted(nodes, key=str)
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted((u, v) for u, v in G.subgraph(nodes).edges()))
    return sub


def sunflower(centre: tuple[float, float], inner: float, cell: float, count: int) -> list[tuple[float, float]]:
    """``count`` points around ``centre``, each with about ``cell`` square pixels (Vogel's spiral).

    >>> [tuple(round(c) for c in p) for p in sunflower((0, 0), 10, 100, 2)]
    [(14, 0), (-12, 11)]
    """
    step = math.sqrt(cell / math.pi)
    return [(centre[0] + (inner + step * math.sqrt(i + 0.5)) * math.cos(i * GOLDEN_ANGLE),
             centre[1] + (inner + step * math.sqrt(i + 0.5)) * math.sin(i * GOLDEN_ANGLE))
            for i in range(count)]


def flower_layout(sub: nx.Graph, boxes: dict, edge_length: float) -> Pos:
    """Positions of a large component: its leaves as petals around the node they hang from.

    The nodes linked to one other node only (a cluster's members, a park's firms) are taken off;
    what is left (the skeleton: hubs and the nodes between them) is laid out as a component of
    its own, each node as big as its flower, and the leaves are spread around their node on a
    sunflower spiral.  Each step costs about the number of nodes, not its square.  A skeleton
    with no leaves to take off is laid out in rings (:func:`ring_layout`).
    """
    leaves = sorted((n for n in sub if sub.degree(n) == 1), key=str)
    skeleton_nodes = [n for n in sub if sub.degree(n) != 1]
    if not skeleton_nodes or not leaves:
        return remove_overlaps(ring_layout(sub, boxes), boxes)
    petals: dict = {}
    for leaf in leaves:
        petals.setdefault(next(iter(sub[leaf])), []).append(leaf)
    cells, flowers = {}, {}
    for hub in skeleton_nodes:
        own = boxes[hub]
        inner = math.hypot(own[0], own[1])
        mine = petals.get(hub, [])
        cells[hub] = max((4 * boxes[n][0] * boxes[n][1] for n in mine), default=0.0) * 1.3
        reach = inner + math.sqrt(cells[hub] / math.pi) * math.sqrt(len(mine)) + max(
            (max(boxes[n][0], boxes[n][1]) for n in mine), default=0.0)
        flowers[hub] = (reach, reach, 0.0)
    skeleton = _sorted_graph(sub, skeleton_nodes)
    pos = dict(_component_layout(skeleton, flowers, edge_length))
    for hub in sorted(petals, key=str):
        inner = math.hypot(boxes[hub][0], boxes[hub][1])
        for leaf, (x, y) in zip(petals[hub], sunflower(pos[hub], inner, cells[hub], len(petals[hub]))):
            pos[leaf] = (x, y - boxes[leaf][2])
    return remove_overlaps(pos, {n: boxes[n] for n in sub}, iterations=50)


def ring_layout(sub: nx.Graph, boxes: dict, gap: float = 20) -> Pos:
    """Breadth-first rings around the best-linked node, each ring long enough for its labels.

    A node goes to the mean angle of its neighbours on the ring inside, so that links mostly run
    outwards.  For a large component with no leaves, where neither Kamada-Kawai nor flowers apply.
    """
    root = min(sub, key=lambda n: (-sub.degree(n), str(n)))
    depth = nx.single_source_shortest_path_length(sub, root)
    rings: dict[int, list] = {}
    for n in sorted(sub, key=str):
        rings.setdefault(depth[n], []).append(n)
    angle = {root: 0.0}
    pos: Pos = {root: (0.0, -boxes[root][2])}
    radius = math.hypot(boxes[root][0], boxes[root][1])
    for d in sorted(rings)[1:]:
        ring = rings[d]
        inside = {n: [angle[m] for m in sub[n] if m in angle and depth[m] < d] for n in ring}
        ring.sort(key=lambda n: (math.atan2(sum(math.sin(a) for a in inside[n]), sum(math.cos(a) for a in inside[n]))
                                 % (2 * math.pi), str(n)))
        widths = [2 * boxes[n][0] + gap for n in ring]
        height = max(2 * boxes[n][1] for n in ring)
        radius = max(radius + height + gap, sum(widths) / (2 * math.pi))
        at = 0.0
        for n, w in zip(ring, widths):
            angle[n] = (at + w / 2) / sum(widths) * 2 * math.pi
            at += w
            pos[n] = (radius * math.cos(angle[n]), radius * math.sin(angle[n]) - boxes[n][2])
    return pos


def _bbox(pos: Pos, boxes: dict) -> tuple[float, float, float, float]:
    xs0 = [pos[n][0] - boxes[n][0] for n in pos]
    xs1 = [pos[n][0] + boxes[n][0] for n in pos]
    ys0 = [pos[n][1] + boxes[n][2] - boxes[n][1] for n in pos]
    ys1 = [pos[n][1] + boxes[n][2] + boxes[n][1] for n in pos]
    return min(xs0), min(ys0), max(xs1), max(ys1)


def spread_layout(
    G: nx.Graph,
    labels: dict,
    sizes: dict,
    font_size: float | dict = 14,
    edge_length: float = 140,
    aspect: float = 1.5,
    order: dict | None = None,
) -> Pos:
    """Positions for a whole graph: components side by side, isolated nodes in a grid below.

    Each connected component is laid out with Kamada-Kawai and cleared of label overlaps; the
    components are packed in rows, largest first, and isolated nodes follow in a grid, grouped by
    ``order[node]`` (e.g. the class) and then by label.  The row width is chosen so that the whole
    picture is about ``aspect`` times as wide as it is high (a screen), which keeps it large when
    the browser fits it to the window.  ``font_size`` is one size or a size per node.
    """
    U = nx.Graph()
    U.add_nodes_from(sorted(G, key=str))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    fonts = font_size if isinstance(font_size, dict) else {n: font_size for n in U}
    boxes = {n: node_box(labels[n], sizes[n], fonts[n], pad=6) for n in U}
    comps = [sorted(c, key=str) for c in nx.connected_components(U) if len(c) > 1]
    comps.sort(key=lambda c: (-len(c), str(labels[c[0]]), str(c[0])))
    isolates = [n for n in U if U.degree(n) == 0]
    isolates.sort(key=lambda n: ((order or {}).get(n, 0), str(labels[n]), str(n)))

    blocks = []
    for comp in comps:
        local = _component_layout(_sorted_graph(U, comp), boxes, edge_length)
        x0, y0, x1, y1 = _bbox(local, boxes)
        blocks.append(({n: (px - x0, py - y0) for n, (px, py) in local.items()}, x1 - x0, y1 - y0))
    cell_w = max((2 * boxes[n][0] for n in isolates), default=0)
    cell_h = max((2 * boxes[n][1] for n in isolates), default=0)

    def pack(width: float) -> Pos:
        pos: Pos = {}
        x = y = row_h = 0.0
        for local, w, h in blocks:
            if x > 0 and x + w > width:
                x, y, row_h = 0.0, y + row_h + 30, 0.0
            for n, (px, py) in local.items():
                pos[n] = (px + x, py + y)
            x += w + 30
            row_h = max(row_h, h)
        if isolates:
            y = y + row_h + (40 if blocks else 0)
            right = max((pos[n][0] + boxes[n][0] for n in pos), default=0)
            cols = max(1, int(max(width, right) // cell_w))
            for i, n in enumerate(isolates):
                row, col = divmod(i, cols)
                pos[n] = (col * cell_w + cell_w / 2, y + row * cell_h + boxes[n][1] - boxes[n][2])
        return pos

    def score(pos: Pos) -> tuple[float, float]:
        x0, y0, x1, y1 = _bbox(pos, boxes)
        w, h = max(x1 - x0, 1), max(y1 - y0, 1)
        return abs(math.log(w / h / aspect)), w * h

    if not U:
        return {}
    narrowest = max([w for _, w, _ in blocks] + [cell_w])
    widest = sum(w + 30 for _, w, _ in blocks) + cell_w * max(1, len(isolates))
    widths = [narrowest + (widest - narrowest) * i / 40 for i in range(41)]
    best = min(widths, key=lambda w: score(pack(w)))
    return _centred(pack(best))


def _centred(pos: Pos) -> Pos:
    if not pos:
        return {}
    cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
    cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
    return {n: (round(x - cx, 1), round(y - cy, 1)) for n, (x, y) in sorted(pos.items(), key=lambda i: str(i[0]))}


def columns_layout(
    left: Sequence,
    right: Sequence,
    links: Iterable[tuple],
    boxes: dict,
    gap: float = 700,
    nested: dict | None = None,
) -> Pos:
    """Two columns (e.g. parks on the left, clusters on the right) ordered to keep links short.

    ``links`` are ``(left node, right node, weight)``.  Right-hand nodes go heaviest first; each
    left-hand node goes to the mean position of its linked right-hand nodes (the barycentre
    heuristic), unlinked ones at the end; ``nested`` maps a left node to its parent: children
    follow their parent, and a parent without links of its own stands to the left of them.  Nodes
    are spaced by the height of their boxes.
    """
    links = list(links)
    weight: dict = {}
    for a, b, w in links:
        weight[b] = weight.get(b, 0) + w
    right_order = sorted(right, key=lambda n: (-weight.get(n, 0), str(n)))
    rank = {n: i for i, n in enumerate(right_order)}
    linked: dict = {}
    for a, b, w in links:
        linked.setdefault(a, []).append(rank[b])
    nested = nested or {}

    def key(n):
        ranks = linked.get(n)
        return (0, sum(ranks) / len(ranks), str(n)) if ranks else (1, 0, str(n))

    tops = sorted((n for n in left if nested.get(n) not in left), key=key)
    left_order: list = []

    def place(n):
        left_order.append(n)
        for child in sorted((c for c in left if nested.get(c) == n and c not in left_order), key=key):
            place(child)

    for n in tops:
        place(n)
    for n in sorted(left, key=key):  # parks nested in each other in a cycle
        if n not in left_order:
            place(n)
    # a second sweep: right-hand nodes to the barycentre of their (now ordered) left-hand partners
    lrank = {n: i for i, n in enumerate(left_order)}
    partners: dict = {}
    for a, b, w in links:
        partners.setdefault(b, []).append(lrank[a])
    right_order.sort(key=lambda n: (0, sum(partners[n]) / len(partners[n]), str(n)) if n in partners
                     else (1, -weight.get(n, 0), str(n)))

    # a parent park without links of its own steps out of the column, to the left of its children,
    # so that the arrows to it run sideways instead of through the labels under the nodes
    children: dict = {}
    for c in left_order:
        if nested.get(c) in lrank:
            children.setdefault(nested[c], []).append(c)
    side = {n for n in children if n not in linked}
    column = [n for n in left_order if n not in side]

    pos: Pos = {}
    for col, x in ((column, -gap / 2), (right_order, gap / 2)):
        y = 0.0
        for n in col:
            half_w, half_h, dy = boxes[n]
            pos[n] = (x, y + half_h - dy)
            y += 2 * half_h
    # centre each column vertically on the same line
    for col in (column, right_order):
        if col:
            ys = [pos[n][1] for n in col]
            mid = (min(ys) + max(ys)) / 2
            for n in col:
                pos[n] = (round(pos[n][0], 1), round(pos[n][1] - mid, 1))
    pending = sorted(side, key=lambda n: lrank[n])
    while pending:
        ready = [n for n in pending if all(c in pos for c in children[n])]
        if not ready:  # a cycle of parks inside each other: put the rest in the column's place
            ready = pending[:1]
            children[ready[0]] = [c for c in children[ready[0]] if c in pos] or []
        for n in ready:
            kids = children[n]
            xs = [pos[c][0] - boxes[c][0] for c in kids] or [-gap / 2]
            ys = [pos[c][1] for c in kids] or [0.0]
            pos[n] = (round(min(xs) - boxes[n][0] - 40, 1), round(sum(ys) / len(ys), 1))
            pending.remove(n)
    return pos
