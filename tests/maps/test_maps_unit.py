"""The HTML maps without a browser: self-contained, UTF-8, escaped, deterministic, faithful to the graph."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.rdf.iri import entity_iri
from graph.maps.layout import columns_layout, node_box, remove_overlaps, spread_layout
from graph.maps.style import CLASS_STYLES, RELATION_STYLES
from graph.maps.views import reports_line
from graph.maps.render import EntityNotFound, MapError, focus_view, json_for_script, network_view, park_cluster_view, render, write_focus_map, write_network_map, write_park_cluster_map
from graph.model import ENTITY_CLASSES, RELATION_PROPERTIES
from graph.network.convert import load_dataset, to_networkx
from graph.network.parks import park_clusters
from graph.rdf.namespaces import WJ
from maps_helpers import EVIL_ALIAS, EVIL_CLUSTER, EVIL_NAME, EVIL_PARK, EVIL_SENTENCE, EVIL_TITLE, evil_dataset

HUADONG = str(entity_iri("华东师范大学"))


class Page(HTMLParser):
    """Start tags with their attributes, the text of <h1> and <title>, and the inline JSON."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, list[str]] = {"h1": [], "title": []}
        self.data_json = ""
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag if tag != "script" else ("json" if dict(attrs).get("id") == "wj-data" else "script"))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        where = self._open[-1] if self._open else ""
        if where in self.text:
            self.text[where].append(data)
        elif where == "json":
            self.data_json += data

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


@pytest.fixture(scope="module")
def maps_dir(built):
    return built.out_dir / "maps"


@pytest.fixture(scope="module")
def G(built):
    return to_networkx(built.dataset)


@pytest.fixture(scope="module")
def evil_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("evil")
    ds = evil_dataset()
    paths = [
        write_park_cluster_map(ds, out / "park_cluster.html"),
        write_network_map(ds, out / "network.html"),
        write_focus_map(ds, EVIL_NAME, out / "focus.html"),
    ]
    return {p.stem: p.read_text(encoding="utf-8") for p in paths}


# ------------------------------------------------------------------------ files a build writes


def test_build_writes_both_maps(built, maps_dir):
    for name in ("park_cluster.html", "network.html"):
        assert (maps_dir / name).stat().st_size > 100_000
        assert maps_dir / name in built.files


@pytest.mark.parametrize("name", ["park_cluster.html", "network.html"])
def test_map_refers_to_nothing_outside_the_file(maps_dir, name):
    html = (maps_dir / name).read_text(encoding="utf-8")
    page = Page(html)
    for tag, attrs in page.tags:
        for attr in ("src", "href", "action", "poster", "srcset", "data"):
            value = attrs.get(attr)
            assert value is None or value.startswith(("data:", "#")), (tag, attr, value)
    assert page.count("link") == 0 and page.count("iframe") == 0 and page.count("img") == 0
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", html)
    assert all(u.startswith("data:") for u in urls), urls
    assert "@import" not in html and "sourceMappingURL" not in html
    assert "cdn" not in " ".join(str(a) for _, a in page.tags).lower()


@pytest.mark.parametrize("name", ["park_cluster.html", "network.html"])
def test_map_is_utf8_with_chinese_labels(maps_dir, name):
    raw = (maps_dir / name).read_bytes()
    html = raw.decode("utf-8")  # raises if the file was written in another encoding
    assert '<meta charset="utf-8">' in html
    assert "园区" in html and "上海市养老科技产业园".encode("utf-8") in raw


@pytest.mark.parametrize("name", ["park_cluster.html", "network.html"])
def test_title_appears_once(maps_dir, name):
    page = Page((maps_dir / name).read_text(encoding="utf-8"))
    assert page.count("h1") == 1
    assert "".join(page.text["title"]) == "".join(page.text["h1"])


# ------------------------------------------------------------------------ escaping


def test_json_for_script_cannot_end_the_script_element():
    data = {"a": "</script><script>x()</script>", "b": "<!-- & -->", "c": "\u2028\u2029", "<k>": 1}
    text = json_for_script(data)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == data


@pytest.mark.parametrize("name", ["park_cluster", "network", "focus"])
def test_hostile_names_stay_text(evil_pages, name):
    html = evil_pages[name]
    page = Page(html)
    assert page.count("script") == 3  # vis-network, the data, the page's own script: nothing injected
    assert page.count("img") == 0 and page.count("b") == 0
    for raw in (EVIL_NAME, EVIL_ALIAS, EVIL_SENTENCE, EVIL_TITLE, "<b>金领谷</b>", "<!--民用航空"):
        assert raw not in html
    data = json.loads(page.data_json)
    labels = {d["label"] for d in data["info"].values()}
    assert {EVIL_NAME, EVIL_PARK, EVIL_CLUSTER} & labels  # the names survive intact, as data
    assert EVIL_SENTENCE in {s["text"] for s in data["sentences"].values()}
    if name != "park_cluster":
        assert EVIL_NAME in labels
        assert "&lt;/title&gt;&lt;script&gt;" in html  # the report title, escaped by the template


# ------------------------------------------------------------------------ faithful to the graph


def test_network_view_has_every_node_and_edge(built, G):
    data = network_view(built.dataset)["data"]
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    drawn = sorted((e["from"], e["to"], e["prop"]) for e in data["edges"])
    assert drawn == sorted(G.edges(keys=True))


def test_every_class_has_its_own_colour_and_shape():
    assert set(CLASS_STYLES) == set(ENTITY_CLASSES)
    assert len({s.color for s in CLASS_STYLES.values()}) == len(CLASS_STYLES)
    assert len({s.shape for s in CLASS_STYLES.values()}) == len(CLASS_STYLES)
    assert set(RELATION_PROPERTIES) <= set(RELATION_STYLES)


def test_class_and_relation_names_are_the_ontology_labels():
    from graph.validate.ontology import load_ontology
    from graph.rdf.namespaces import WJ
    from rdflib import RDFS

    onto = load_ontology()
    for name, style in {**CLASS_STYLES, **{p: RELATION_STYLES[p] for p in RELATION_PROPERTIES}}.items():
        zh = {str(o) for o in onto.objects(WJ[name], RDFS.label) if o.language == "zh"}
        assert style.name in zh, name


def test_network_node_style_follows_class_and_size_follows_degree(built, G):
    nodes = network_view(built.dataset)["data"]["nodes"]
    by_class: dict[str, set] = {}
    for n in nodes:
        by_class.setdefault(n["cls"], set()).add((n["shape"], n.get("image"), json.dumps(n["color"])))
    assert all(len(styles) == 1 for styles in by_class.values())
    sizes = sorted((G.degree(n["id"]), n["size"]) for n in nodes)
    assert all(a[1] <= b[1] for a, b in zip(sizes, sizes[1:]))
    assert sizes[-1][1] > sizes[0][1]


PARK_CLUSTER_MEMBERS = """
PREFIX wj: <https://w3id.org/wujing-kg/ontology#>
SELECT ?park ?cluster ?m WHERE {
  ?park a wj:Park . ?cluster a wj:IndustryCluster .
  ?m wj:locatedIn ?park ; wj:inCluster ?cluster .
  FILTER NOT EXISTS { ?m a wj:Park } FILTER NOT EXISTS { ?m a wj:IndustryCluster }
}"""
PARK_CLUSTER_STATED = """
PREFIX wj: <https://w3id.org/wujing-kg/ontology#>
SELECT ?park ?cluster WHERE {
  ?park a wj:Park . ?cluster a wj:IndustryCluster .
  { ?park wj:inCluster ?cluster } UNION { ?cluster wj:locatedIn ?park }
}"""


def test_park_cluster_links_are_the_shared_members_and_stated_links(built):
    expected: dict[tuple[str, str], set[str]] = {}
    for park, cluster, m in built.union.query(PARK_CLUSTER_MEMBERS):
        expected.setdefault((str(park), str(cluster)), set()).add(str(m))
    for park, cluster in built.union.query(PARK_CLUSTER_STATED):
        expected.setdefault((str(park), str(cluster)), set())
    data = park_cluster_view(built.dataset)["data"]
    links = {
        (e["from"], e["to"]): {m["id"] for m in data["edgeInfo"][e["id"]]["members"]}
        for e in data["edges"] if e["prop"] != "parkInPark"
    }
    assert links == expected
    classes = {n["cls"] for n in data["nodes"]}
    assert classes == {"Park", "IndustryCluster"}
    # the report: 银发无忧 is in 上海市养老科技产业园 and belongs to 养老科技
    link = (str(entity_iri("上海市养老科技产业园")), str(entity_iri("养老科技")))
    assert str(entity_iri("银发无忧")) in links[link]
    edge = next(e for e in data["edges"] if (e["from"], e["to"]) == link)
    assert edge["label"] == str(len(links[link])) and edge["width"] > 1.5
    member_evidence = data["edgeInfo"][edge["id"]]["members"][0]["evidence"]
    assert member_evidence and all(g in data["sentences"] for g in member_evidence)


def test_park_cluster_map_and_matrix_count_every_cell_alike(built, G):
    """`wujing-kg matrix` and the map read one function: the same count and kind for every park and cluster."""
    from graph.analytics.measures import park_cluster_matrix

    m = park_cluster_matrix(G, nonzero=False)
    matrix = {(p, c): (n, s) for p, row, srow in zip(m["parks"], m["counts"], m["stated"])
              for c, n, s in zip(m["clusters"], row, srow) if n or s}
    data = park_cluster_view(built.dataset)["data"]
    drawn = {(e["from"], e["to"]): (len(data["edgeInfo"][e["id"]]["members"]), "stated" in e["kinds"])
             for e in data["edges"] if e["prop"] != "parkInPark"}
    assert drawn == matrix and matrix
    for e in data["edges"]:
        if e["prop"] != "parkInPark":
            n = matrix[(e["from"], e["to"])][0]
            assert e["label"].strip() == (str(n) if n else "")


def test_park_cluster_legend_counts_the_members_that_make_links(built, G):
    pc = park_clusters(G)
    legend = {r["id"]: r["count"] for r in park_cluster_view(built.dataset)["legend"]["members"]}
    assert {c: n for c, n in legend.items() if n} == dict(Counter(G.nodes[x]["cls"] for x in pc.linking_members()))


def test_park_cluster_node_panels_list_members(built):
    data = park_cluster_view(built.dataset)["data"]
    park = data["info"][str(entity_iri("金领谷产业园"))]
    assert str(entity_iri("中航机载低空选型中心")) in {m["id"] for m in park["members"]}


def test_every_entity_given_a_stage_shows_its_milestones_whatever_its_class(built, G):
    """A firm or platform the report gives a stage (its plant starts, its building is completed)
    shows its milestones on both maps, as a project does."""
    staged = Counter(str(s) for s, _ in built.union.subject_objects(WJ.hasMilestone))
    others = {n for n in staged if G.nodes[n]["cls"] not in ("Project", "MetroLine")}
    assert others  # the bundled report gives enterprises and a platform a stage
    network = network_view(built.dataset)["data"]["info"]
    park_cluster = park_cluster_view(built.dataset)["data"]
    shown = {**park_cluster["members"], **park_cluster["info"]}
    assert shown.keys() & others  # some of them are members of a park or a cluster
    for n, count in staged.items():
        assert len(network[n]["milestones"]) == count, G.nodes[n]["label"]
        if n in shown:
            assert len(shown[n]["milestones"]) == count, G.nodes[n]["label"]


def test_park_cluster_columns_keep_parks_left_and_clusters_right(built):
    data = park_cluster_view(built.dataset)["data"]
    for n in data["nodes"]:
        assert (n["x"] > 0) == (n["cls"] == "IndustryCluster"), n["label"]


# ------------------------------------------------------------------------ focus


def test_focus_view_is_the_neighbourhood_within_depth(built, G):
    U = G.to_undirected()
    for depth in (1, 2):
        expected = set(nx.ego_graph(U, HUADONG, radius=depth))
        data = focus_view(built.dataset, "华东师范大学", depth=depth)["data"]
        assert {n["id"] for n in data["nodes"]} == expected
        assert data["focus"] == HUADONG
        assert len(data["edges"]) == G.subgraph(expected).number_of_edges()


def test_focus_view_classes_limit_the_nodes_shown(built):
    data = focus_view(built.dataset, "huadongshifandaxue", depth=2, classes=["Enterprise"])["data"]
    assert {n["cls"] for n in data["nodes"] if n["id"] != HUADONG} <= {"Enterprise", "ListedCompany"}
    assert str(entity_iri("奥锐特")) in {n["id"] for n in data["nodes"]}


def test_focus_view_rejects_unknown_names_and_classes(built):
    with pytest.raises(EntityNotFound, match="no entity named"):
        focus_view(built.dataset, "不存在的单位")
    with pytest.raises(MapError, match="unknown class 'Companies'"):
        focus_view(built.dataset, "华东师大", classes=["Companies"])
    with pytest.raises(MapError, match="depth"):
        focus_view(built.dataset, "华东师大", depth=-1)


# ------------------------------------------------------------------------ layout


def test_maps_are_byte_identical_when_made_again(built, maps_dir):
    ds = load_dataset(built.out_dir / "wujing.trig")  # a different Dataset object, read back from disk
    assert render(network_view(ds)) == (maps_dir / "network.html").read_text(encoding="utf-8")
    assert render(park_cluster_view(ds)) == (maps_dir / "park_cluster.html").read_text(encoding="utf-8")


def _overlaps(nodes) -> list[tuple[str, str]]:
    boxes = {}
    for n in nodes:
        w, h, dy = node_box(n["label"], n["size"], n["font"]["size"], pad=0)
        boxes[n["id"]] = (n["x"] - w, n["y"] + dy - h, n["x"] + w, n["y"] + dy + h)
    ids = sorted(boxes)
    return [
        (a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
        if boxes[a][0] < boxes[b][2] and boxes[b][0] < boxes[a][2]
        and boxes[a][1] < boxes[b][3] and boxes[b][1] < boxes[a][3]
    ]


@pytest.mark.parametrize("make", [network_view, park_cluster_view])
def test_no_two_nodes_and_labels_overlap(built, make):
    assert _overlaps(make(built.dataset)["data"]["nodes"]) == []


def test_remove_overlaps_separates_two_boxes_on_one_spot():
    pos = remove_overlaps({"a": (0.0, 0.0), "b": (0.0, 0.0)}, {"a": (10, 10, 0), "b": (10, 10, 0)})
    assert abs(pos["a"][0] - pos["b"][0]) >= 20 or abs(pos["a"][1] - pos["b"][1]) >= 20


def test_spread_layout_ignores_insertion_order():
    edges = [("c", "a"), ("a", "b"), ("d", "e")]
    G1, G2 = nx.Graph(edges), nx.Graph(list(reversed(edges)))
    G1.add_node("z")
    G2.add_node("z")
    labels, sizes = {n: n for n in G1}, {n: 10 for n in G1}
    assert spread_layout(G1, labels, sizes) == spread_layout(G2, labels, sizes)


def test_columns_layout_puts_linked_nodes_opposite_each_other():
    boxes = {n: (20, 20, 5) for n in "ABCxyz"}
    pos = columns_layout(["A", "B", "C"], ["x", "y", "z"], [("C", "x", 3), ("A", "z", 1)], boxes)
    assert pos["C"][1] < pos["A"][1] and pos["x"][1] < pos["z"][1]  # no crossing
    assert {p[0] for n, p in pos.items() if n in "ABC"} == {-350.0}


# ------------------------------------------------------------------------ command line


def test_map_command_writes_a_focused_map(built, tmp_path):
    out = tmp_path / "hd.html"
    result = CliRunner().invoke(main, ["map", "--focus", "华东师范大学", "--depth", "1", "-o", str(out),
                                       "--graph", str(built.out_dir / "wujing.trig")])
    assert result.exit_code == 0, result.output
    data = json.loads(Page(out.read_text(encoding="utf-8")).data_json)
    assert data["focus"] == HUADONG and str(entity_iri("奥锐特")) in data["info"]


@pytest.mark.parametrize("args, message", [
    (["--focus", "不存在的单位"], "no entity named '不存在的单位'"),
    (["--focus", "华东师大", "--classes", "University,Nope"], "unknown class 'Nope'"),
])
def test_map_command_reports_bad_input_in_one_line(built, tmp_path, args, message):
    result = CliRunner().invoke(main, ["map", *args, "-o", str(tmp_path / "x.html"),
                                       "--graph", str(built.out_dir / "wujing.trig")])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_map_command_reports_an_unreadable_graph(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("not turtle at all {", encoding="utf-8")
    result = CliRunner().invoke(main, ["map", "--focus", "x", "-o", str(tmp_path / "x.html"), "--graph", str(bad)])
    assert result.exit_code == 1 and str(bad) in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_maps_accept_a_plain_graph(built):
    g = Graph()
    for triple in built.union:
        g.add(triple)
    data = network_view(g)["data"]
    assert HUADONG in data["info"] and data["sentences"] == {}


def test_maps_of_an_empty_graph_render(tmp_path):
    from rdflib import Dataset

    for write in (write_network_map, write_park_cluster_map):
        page = Page(write(Dataset(), tmp_path / "empty.html").read_text(encoding="utf-8"))
        data = json.loads(page.data_json)
        assert data["nodes"] == [] and data["edges"] == []




def test_a_map_of_many_reports_gives_their_number_and_lists_them_on_hover(built):
    titles = [f"<报告{i}>" for i in range(12)]
    view = {**network_view(built.dataset), "subtitle": reports_line(titles), "subtitle_all": "；".join(titles)}
    page = render(view)
    assert '<p class="subtitle" title="&lt;报告0&gt;；&lt;报告1&gt;；' in page
    assert ">12 份报告：&lt;报告0&gt; … &lt;报告11&gt;</p>" in page
