"""Interactive network maps: networkx -> vis-network data -> one self-contained HTML file.

Three maps, each a single UTF-8 HTML file that works with no network at all (vis-network, the
styles and the data are inlined; nothing is fetched):

* :func:`write_park_cluster_map` -- parks and industry clusters, linked by the enterprises,
  platforms and institutes located in the park that belong to the cluster (and by links the report
  states directly); clicking a link or a node lists those members and the sentences behind them;
* :func:`write_network_map` -- the whole graph, each class with its own colour and shape;
* :func:`write_focus_map` -- the neighbourhood of one entity, found by label, alias or pinyin;
* :func:`write_jurisdiction_map` -- the park-cluster map of one jurisdiction's reports
  (:mod:`graph.maps.jurisdiction`), with the year slider when they span several years.

Every map has a legend that doubles as class and relation filters, a search box, neighbour
highlighting and a side panel.  This module reads the dataset (:func:`map_facts`) and writes the
pages; what each page shows is made in :mod:`graph.maps.views` (the whole graph, a neighbourhood)
and :mod:`graph.maps.park_cluster`.  The vis-network nodes, edges and options come from pyvis's
``Network``, and vis-network itself is the copy pyvis ships for its in-line pages; the page around
them is ``graph/maps/templates/map.html`` (pyvis's own template loads Bootstrap and vis-network from
CDNs and prints the heading twice).  Positions are computed in Python (:mod:`graph.maps.layout`),
so a map opens laid out, the same on every build, with no physics to wait for.

Everything that comes from a report reaches the page either through Jinja2's autoescaping or as
JSON in which ``<``, ``>`` and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, and the
page's script only ever sets ``textContent``.

Examples
--------
>>> from graph.store.backend import open_graph
>>> write_focus_map(open_graph("out"), "华东师大", "hd.html", depth=1)  # doctest: +SKIP
PosixPath('hd.html')
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import RDF, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV

from graph.maps.jurisdiction import jurisdiction_dataset
from graph.maps.park_cluster import TITLE as PARK_CLUSTER_TITLE, park_cluster_view_of
from graph.maps.views import MapError, MapFacts, focus_view_of, network_view_of
from graph.network.convert import EntityNotFound, to_networkx
from graph.output import write_text
from graph.rdf.namespaces import WJ
from graph.store.backend import as_backend, open_graph

__all__ = [
    "MapError",
    "MapFacts",
    "map_facts",
    "park_cluster_view",
    "network_view",
    "focus_view",
    "render",
    "write_park_cluster_map",
    "write_network_map",
    "write_focus_map",
    "write_jurisdiction_map",
    "map_files",
    "map_writers",
    "render_parts",
    "write_maps",
    "warm_up",
    "export_focus_map",
    "export_jurisdiction_map",
    "json_for_script",
    "json_for_script_parts",
    "EntityNotFound",
]

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
ASSETS = PACKAGE / "assets"


# --------------------------------------------------------------------------------------------
# reading the dataset


def _matches(ds, predicate):
    """``(subject, object, graph IRI)`` of the quads with ``predicate`` (graph ``""`` for a plain Graph);
    ``ds`` is a backend (:mod:`graph.store.backend`), an rdflib Dataset or a Graph."""
    for s, _p, o, g in as_backend(ds).quads((None, predicate, None, None)):
        yield s, o, str(g) if g is not None else ""


def _provenance(ds, entities: set[str] | None = None, cited: set[str] = frozenset()
                ) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    """Sentence texts by IRI, the sentences that mention each entity, and the reports' titles.

    With ``entities``, only their mentions are kept, and only the texts of those sentences and of
    ``cited`` ones (a build's maps show the entity graph's nodes only: the other typed things, such
    as indicators and their observations, cite sentences no page shows).
    """
    typed: dict[str, set[str]] = defaultdict(set)
    for s, _o, g in _matches(ds, RDF.type):
        if g and (entities is None or str(s) in entities):
            typed[str(s)].add(g)
    wanted = None if entities is None else set(cited).union(*typed.values())
    sentences = {str(s): str(o) for s, o, _g in _matches(ds, PROV.value) if wanted is None or str(s) in wanted}
    titles = {str(o) for _s, o, _g in _matches(ds, DCTERMS.title)}
    mentions = {iri: sorted(g for g in gs if g in sentences) for iri, gs in typed.items()}
    return sentences, mentions, sorted(titles)


def _report_years(ds, sentences=None) -> dict[str, str]:
    """Sentence IRI -> the ``wj:year`` of its report (``prov:wasDerivedFrom``); reports without a year
    are left out, and so are sentences not in ``sentences`` when it is given."""
    reports = {str(s) for s, o, _g in _matches(ds, RDF.type) if o == WJ.Report}
    year = {str(s): str(o) for s, o, _g in _matches(ds, WJ.year) if str(s) in reports}
    return {str(s): year[str(o)] for s, o, _g in _matches(ds, PROV.wasDerivedFrom)
            if str(o) in year and (sentences is None or str(s) in sentences)}


def _milestones(ds, entities: set[str] | None = None) -> dict[str, list[dict]]:
    """Entity IRI (a project, or a firm or platform given a stage) -> its milestones: stage (local name),
    period, year, planned and the sentences; with ``entities``, theirs only."""
    def values(prop):
        return {str(s): o for s, o, _g in _matches(ds, prop)}

    stage, period, year, planned = values(WJ.stage), values(WJ.period), values(WJ.year), values(WJ.planned)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, o, g in _matches(ds, WJ.hasMilestone):
        if entities is None or str(s) in entities:
            found[(str(s), str(o))].update([g] if g else [])
    out: dict[str, list[dict]] = defaultdict(list)
    for (project, m), graphs in sorted(found.items()):
        out[project].append({
            "stage": str(stage.get(m, "")).rsplit("#", 1)[-1], "period": str(period.get(m, "")),
            "year": str(year[m]) if m in year else "", "planned": bool(planned[m].toPython()) if m in planned else False,
            "evidence": sorted(graphs),
        })
    return dict(out)


def map_facts(ds, G: nx.MultiDiGraph | None = None) -> MapFacts:
    """Everything the maps read from ``ds`` besides the entity graph, read once for all of them.

    Given the entity graph ``G`` (``to_networkx(ds)``), only what its nodes and edges cite is read
    into memory: the same pages, from a fraction of the sentences at many reports.
    """
    if G is None:
        sentences, mentions, titles = _provenance(ds)
        return MapFacts(sentences, mentions, titles, _report_years(ds), _milestones(ds))
    entities = set(G.nodes)
    milestones = _milestones(ds, entities)
    cited = {g for ms in milestones.values() for m in ms for g in m["evidence"]}
    cited.update(g for _u, _v, d in G.edges(data=True) for g, _text in d.get("evidence", ()))
    sentences, mentions, titles = _provenance(ds, entities, cited)
    return MapFacts(sentences, mentions, titles, _report_years(ds, sentences), milestones)


def network_view(ds) -> dict:
    """The view of the whole graph: every entity and every relation."""
    G = to_networkx(ds)
    return network_view_of(G, map_facts(ds, G))


def focus_view(ds, focus: str, depth: int = 2, classes=None) -> dict:
    """The view of everything within ``depth`` links of ``focus`` (see :func:`graph.maps.views.focus_view_of`)."""
    G = to_networkx(ds)
    return focus_view_of(G, map_facts(ds, G), focus, depth=depth, classes=classes)


def park_cluster_view(ds) -> dict:
    """The view of parks and clusters (see :mod:`graph.maps.park_cluster`)."""
    G = to_networkx(ds)
    return park_cluster_view_of(G, map_facts(ds, G))


# --------------------------------------------------------------------------------------------
# rendering


_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))


def _escape_for_script(text: str) -> str:
    for ch, esc in _SCRIPT_ESCAPES:
        text = text.replace(ch, esc)
    return text


#: How a page's data is written as JSON, whole or in pieces (compact, keys sorted, Chinese as is).
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def json_for_script(data) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (still the same JSON
    strings), so no ``</script>`` or ``<!--`` in the data can end the element.

    Examples
    --------
    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    return _escape_for_script(_JSON.encode(data))


def json_for_script_parts(data, size: int = 1 << 20) -> Iterator[str]:
    """:func:`json_for_script` of ``data`` in pieces of about ``size`` characters, without making the
    whole text (the escapes replace single characters, so each piece is escaped alone).

    Examples
    --------
    >>> "".join(json_for_script_parts({"a": ["<b>", 1.5]}, size=2)) == json_for_script({"a": ["<b>", 1.5]})
    True
    """
    chunk: list[str] = []
    length = 0
    for piece in _JSON.iterencode(data):
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            yield _escape_for_script("".join(chunk))
            chunk, length = [], 0
    if chunk:
        yield _escape_for_script("".join(chunk))


def _inline_script(code: str) -> str:
    """Library code made safe to inline: no source-map fetch, nothing that could close the element."""
    code = re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    """vis-network 9.1.2 as pyvis ships it for its ``cdn_resources="in_line"`` pages, ready to inline.

    Read through pyvis's own template loader (``Network().templateEnv``): the file its in-line
    template includes, so the maps use the vis-network of the pyvis that is installed.
    """
    from pyvis.network import Network

    env = Network(cdn_resources="in_line").templateEnv
    source, _path, _uptodate = env.loader.get_source(env, "lib/vis-9.1.2/vis-network.min.js")
    return _inline_script(source)


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str]:
    """The maps' own style sheet and script (``assets/map.css``, ``assets/map.js``, ready to inline)."""
    return (ASSETS / "map.css").read_text(encoding="utf-8"), _inline_script((ASSETS / "map.js").read_text(encoding="utf-8"))


def warm_up() -> None:
    """Read and compile what every map needs (vis-network, ready to inline; the maps' own style sheet
    and script; the page template)."""
    _vis_network_js()
    _own_assets()
    _environment().get_template("map.html")


def render(view: dict) -> str:
    """The HTML page of a view: one self-contained document."""
    return "".join(render_parts(view))


def render_parts(view: dict) -> Iterator[str]:
    """The page :func:`render` makes, in pieces: the template's, with the data's JSON (most of a big
    page) made piece by piece where the template puts it, so that the page is never held whole."""
    template = _environment().get_template("map.html")
    parts = template.generate(
        title=view["title"],
        subtitle=view["subtitle"],
        subtitle_all=view.get("subtitle_all", view["subtitle"]),
        kind=view["kind"],
        legend=view["legend"],
        search_names=sorted({e[3] for e in view["data"]["search"]} | {a for e in view["data"]["search"] for a in e[4]}),
        css=_own_assets()[0],
        vis_js=_vis_network_js(),
        app_js=_own_assets()[1],
        data_json=_DATA_MARK,
    )
    for part in parts:
        if _DATA_MARK in part:
            before, after = part.split(_DATA_MARK, 1)
            yield before
            yield from json_for_script_parts(view["data"])
            yield after
        else:
            yield part


#: What the template gets in place of the data's JSON, replaced by it as the page is written; no
#: JSON made by json_for_script holds a NUL character (it writes it \u0000), nor do the assets.
_DATA_MARK = "\x00wujing-map-data\x00"


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


def write_jurisdiction_map(ds, jurisdiction: str, path) -> Path:
    """Write the park-cluster map of the reports of ``jurisdiction`` (as their ``wj:jurisdiction``
    says it: 南山区) to ``path``; return the path.  Only what those reports say is shown; the year
    slider runs over their years.  An unknown jurisdiction raises :class:`MapError` naming those
    the graph has (see :func:`graph.maps.jurisdiction.jurisdiction_dataset`).
    """
    view = park_cluster_view(jurisdiction_dataset(ds, jurisdiction))
    view["title"] = f"{PARK_CLUSTER_TITLE}：{jurisdiction.strip()}"
    return _write(render(view), path)


def map_writers(ds, out_dir, G: nx.MultiDiGraph | None = None) -> Iterator[tuple[Path, Callable[[IO[bytes]], None]]]:
    """``park_cluster.html`` and ``network.html`` of ``out_dir`` as ``(path, write)``, ``write(binary
    file)`` making the page and writing it: a caller that writes each before asking for the next (a
    build) holds one page at a time.  ``ds`` is a backend (:mod:`graph.store.backend`) or an rdflib
    Dataset; ``G`` is ``to_networkx(ds)``, when the caller has it already.
    """
    out_dir = Path(out_dir)
    G = to_networkx(ds) if G is None else G
    facts = map_facts(ds, G)  # read the dataset once for both maps

    def page(view_of):
        def write(fh) -> None:
            for part in render_parts(view_of(G, facts)):
                fh.write(part.encode("utf-8"))
        return write

    yield out_dir / "park_cluster.html", page(park_cluster_view_of)
    yield out_dir / "network.html", page(network_view_of)


def map_files(ds, out_dir, G: nx.MultiDiGraph | None = None) -> dict[Path, str]:
    """``park_cluster.html`` and ``network.html`` of ``out_dir`` as path -> page, not yet written
    (see :func:`map_writers`, which a build uses to write them one at a time).
    """
    pages = {}
    for path, write in map_writers(ds, out_dir, G=G):
        buf = io.BytesIO()
        write(buf)
        pages[path] = buf.getvalue().decode("utf-8")
    return pages


def write_maps(ds, out_dir, G: nx.MultiDiGraph | None = None) -> list[Path]:
    """Write ``park_cluster.html`` and ``network.html`` into ``out_dir`` (see :func:`map_files`)."""
    pages = map_files(ds, out_dir, G=G)
    for path, page in pages.items():
        write_text(path, page)  # an OSError reaches the caller, which reports it
    return list(pages)


def export_focus_map(graph, focus: str, path, depth: int = 2, classes=None) -> Path:
    """Read a built graph (a build folder such as ``out/``, or a graph file) and write the focus map
    of ``focus`` (the CLI's work)."""
    return write_focus_map(open_graph(graph), focus, path, depth=depth, classes=classes)


def export_jurisdiction_map(graph, jurisdiction: str, path) -> Path:
    """Read a built graph (a build folder or a graph file) and write the park-cluster map of one
    jurisdiction's reports (the CLI's work)."""
    return write_jurisdiction_map(open_graph(graph), jurisdiction, path)
