"""The maps in a real browser (Debian's Chromium driven by Playwright).

These tests open the HTML files as a user would, with every request recorded: what is drawn, what
search and the filters do, what a click shows, that nothing is fetched and nothing from the report
runs as code.  Screenshots go to ``tests/artifacts/`` (git-ignored).

Without Chromium the tests are skipped on a developer's machine but FAIL in CI (``CI`` set): a
missing browser must never pass silently.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from graph.rdf.iri import entity_iri
from graph.maps.render import write_focus_map, write_network_map, write_park_cluster_map
from graph.network.convert import to_networkx
from maps_helpers import EVIL_ALIAS, EVIL_NAME, EVIL_SENTENCE, evil_dataset

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HUADONG = str(entity_iri("华东师范大学"))

pytestmark = pytest.mark.browser


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")):
        _missing(f"{CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium"),
                              args=ARGS)
        yield b
        b.close()


class Opened:
    """A map open in a fresh page, with its console messages, errors, requests and dialogs."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1600, "height": 1000})
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.wjMap && window.wjMap.ready", timeout=15_000)

    def _on_console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def drawn(self) -> dict:
        return self.js("wjMap.drawn()")

    def click_node(self, node_id: str) -> None:
        box = self.page.locator("#map").bounding_box()
        xy = self.js("id => wjMap.network.canvasToDOM(wjMap.network.getPosition(id))", node_id)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def click_edge(self, edge_id: str) -> None:
        box = self.page.locator("#map").bounding_box()
        xy = self.js("""id => { const e = wjMap.edges.get(id), n = wjMap.network;
            const a = n.getPosition(e.from), b = n.getPosition(e.to);
            return n.canvasToDOM({x: (a.x + b.x) / 2 + (b.x - a.x) / 8, y: (a.y + b.y) / 2 + (b.y - a.y) / 8}); }""",
                     edge_id)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def panel(self) -> str:
        return self.page.inner_text("#panel")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def assert_clean(self) -> None:
        assert self.console == []
        assert self.dialogs == []
        assert set(self.requests) == {self.url}, self.requests
        assert self.js("window.__pwned") is None

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def G(built):
    return to_networkx(built.dataset)


@pytest.fixture()
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


# ------------------------------------------------------------------------ the full network


def test_network_map_draws_every_node_and_edge(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    assert m.drawn() == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    assert m.js("wjMap.network.body.data.nodes.length") == G.number_of_nodes()
    assert m.page.locator("h1").count() == 1
    m.screenshot("network")
    m.assert_clean()


@pytest.mark.parametrize("query", ["华东师大", "huadongshifandaxue", "华东师范大学"])
def test_search_selects_the_entity_and_zooms_to_it(built, opened, query):
    m = opened(built.out_dir / "maps" / "network.html")
    scale = m.js("wjMap.network.getScale()")
    m.page.fill("#search", query)
    m.page.press("#search", "Enter")
    assert m.js("wjMap.network.getSelectedNodes()") == [HUADONG]
    m.page.wait_for_function("s => wjMap.network.getScale() > s", arg=scale * 1.5, timeout=5_000)
    assert m.page.inner_text("#panel h2") == "华东师范大学"
    assert "已找到：华东师范大学" in m.page.inner_text("#search-status")
    m.assert_clean()


def test_search_reports_a_name_it_cannot_find(built, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    m.page.fill("#search", "不存在的单位")
    m.page.press("#search", "Enter")
    assert "未找到" in m.page.inner_text("#search-status")
    assert m.js("wjMap.network.getSelectedNodes()") == []


def test_class_filter_hides_parks_and_their_links(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    parks = {n for n, d in G.nodes(data=True) if d["cls"] == "Park"}
    park_edges = sum(1 for u, v in G.edges() if u in parks or v in parks)
    m.page.uncheck("input.cls-filter[value=Park]")
    assert m.drawn() == {"nodes": G.number_of_nodes() - len(parks), "edges": G.number_of_edges() - park_edges}
    assert not set(m.js("wjMap.nodeView.getIds()")) & parks
    m.page.check("input.cls-filter[value=Park]")
    assert m.drawn() == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    m.assert_clean()


def test_relation_filter_hides_one_relation(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    in_cluster = sum(1 for *_, k in G.edges(keys=True) if k == "inCluster")
    m.page.uncheck("input.rel-filter[value=inCluster]")
    assert m.drawn() == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges() - in_cluster}
    assert "inCluster" not in {e["prop"] for e in m.js("wjMap.edgeView.get()")}


def test_clicking_a_node_shows_its_panel_and_highlights_neighbours(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    m.js("id => wjMap.network.focus(id, {scale: 1.5})", HUADONG)
    m.click_node(HUADONG)
    assert m.js("wjMap.network.getSelectedNodes()") == [HUADONG]
    panel = m.panel()
    assert "华东师范大学" in panel and "高校" in panel and "华东师大" in panel
    assert "奥锐特" in panel  # 华东师范大学 cooperatesWith 奥锐特
    assert "来源句子" in panel
    neighbours = set(G.to_undirected().neighbors(HUADONG)) | {HUADONG}
    opacity = m.js("Object.fromEntries(wjMap.nodes.get().map(n => [n.id, n.opacity]))")
    assert {n for n, o in opacity.items() if o == 1} == neighbours
    m.page.keyboard.press("Escape")
    assert set(m.js("wjMap.nodes.get().map(n => n.opacity)")) == {1}
    m.assert_clean()


# ------------------------------------------------------------------------ the park-cluster map


def test_park_cluster_map_draws_parks_clusters_and_links(built, G, opened):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    parks = {n for n, d in G.nodes(data=True) if d["cls"] == "Park"}
    clusters = {n for n, d in G.nodes(data=True) if d["cls"] == "IndustryCluster"}
    links = set()
    for m_, p, k in G.edges(keys=True):
        if k == "locatedIn" and p in parks and G.nodes[m_]["cls"] not in ("Park", "IndustryCluster"):
            links |= {(p, c) for _, c, k2 in G.out_edges(m_, keys=True) if k2 == "inCluster" and c in clusters}
        if k == "inCluster" and m_ in parks and p in clusters:
            links.add((m_, p))
    nested = sum(1 for u, v, k in G.edges(keys=True) if k == "locatedIn" and u in parks and v in parks)
    assert m.drawn() == {"nodes": len(parks) + len(clusters), "edges": len(links) + nested}
    m.screenshot("park_cluster")
    m.assert_clean()


def test_clicking_a_park_cluster_link_lists_its_members(built, opened):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    park, cluster = str(entity_iri("上海市养老科技产业园")), str(entity_iri("养老科技"))
    edge = m.js("([p, c]) => wjMap.edges.get().find(e => e.from === p && e.to === c).id", [park, cluster])
    m.click_edge(edge)
    assert m.js("wjMap.network.getSelectedEdges()") == [edge]
    panel = m.panel()
    assert "共有成员" in panel and "银发无忧" in panel
    m.page.locator("#panel summary").first.click()  # the evidence of the first member
    assert "wujing-2026" in m.panel()
    m.screenshot("park_cluster_link")
    m.assert_clean()


def test_member_class_filter_reweights_park_cluster_links(built, opened):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    park, cluster = str(entity_iri("上海市养老科技产业园")), str(entity_iri("养老科技"))
    label = "([p, c]) => wjMap.edges.get().find(e => e.from === p && e.to === c).label"
    before = int(m.js(label, [park, cluster]))
    classes = m.js("""([p, c]) => { const e = wjMap.edges.get().find(e => e.from === p && e.to === c);
        const d = JSON.parse(document.getElementById('wj-data').textContent);
        return d.edgeInfo[e.id].members.map(x => d.members[x.id].cls); }""", [park, cluster])
    m.page.uncheck("input.cls-filter.member[value=Enterprise]")
    after = m.js(label, [park, cluster])
    assert (int(after) if after else 0) == before - classes.count("Enterprise")
    m.page.uncheck("input.cls-filter[value=Park]")
    assert m.drawn()["nodes"] == m.js("wjMap.nodes.get().filter(n => n.cls === 'IndustryCluster').length")
    assert m.drawn()["edges"] == 0
    m.assert_clean()


def test_park_cluster_search_finds_a_member(built, opened):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    m.page.fill("#search", "银发无忧")
    m.page.press("#search", "Enter")
    selected = set(m.js("wjMap.network.getSelectedNodes()"))
    assert selected == {str(entity_iri("上海市养老科技产业园")), str(entity_iri("养老科技"))}
    assert m.page.inner_text("#panel h2") == "银发无忧"


# ------------------------------------------------------------------------ focus map, escaping


def test_focus_map_opens_on_its_focus(built, opened, tmp_path):
    path = write_focus_map(built.dataset, "华东师范大学", tmp_path / "focus.html", depth=2)
    m = opened(path)
    assert m.js("wjMap.network.getSelectedNodes()") == [HUADONG]
    assert m.page.inner_text("#panel h2") == "华东师范大学"
    m.screenshot("focus")
    m.assert_clean()


@pytest.mark.parametrize("writer", ["network", "park_cluster", "focus"])
def test_hostile_names_show_as_text_and_do_not_run(opened, tmp_path, writer):
    ds = evil_dataset()
    path = tmp_path / f"{writer}.html"
    if writer == "network":
        write_network_map(ds, path)
    elif writer == "park_cluster":
        write_park_cluster_map(ds, path)
    else:
        write_focus_map(ds, EVIL_NAME, path)
    m = opened(path)
    m.page.fill("#search", EVIL_NAME)
    m.page.press("#search", "Enter")
    assert m.page.inner_text("#panel h2") == EVIL_NAME
    panel = m.panel()
    if writer != "park_cluster":
        assert EVIL_ALIAS in panel
    assert EVIL_SENTENCE in panel
    assert m.page.locator("img").count() == 0 and m.page.locator("script").count() == 3
    m.page.hover("#map")
    m.screenshot(f"hostile_{writer}")
    m.assert_clean()
