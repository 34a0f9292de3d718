"""The maps in a real browser (Debian's Chromium driven by Playwright).

These tests open the HTML files as a user would, with every request recorded: what is drawn, what
search and the filters do, what a click shows, that nothing is fetched and nothing from the report
runs as code.  Screenshots go to ``tests/artifacts/`` (git-ignored).

Without Chromium the tests are skipped on a developer's machine but FAIL in CI (``CI`` set): a
missing browser must never pass silently.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from graph.analytics.measures import park_cluster_matrix
from graph.maps.park_cluster import counts_line
from graph.network.parks import park_clusters
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import WJ
from graph.resources import DEFAULT_REPORT
from graph.maps.render import map_facts, network_view, park_cluster_view, write_focus_map, write_network_map, write_park_cluster_map
from graph.network.convert import to_networkx
from maps_helpers import EVIL_ALIAS, EVIL_NAME, EVIL_SENTENCE, evil_dataset

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
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

    def __init__(self, browser, path: Path, viewport: tuple[int, int] = (1600, 1000)):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
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

    def open_(path: Path, viewport: tuple[int, int] = (1600, 1000)) -> Opened:
        pages.append(Opened(browser, path, viewport))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


# ------------------------------------------------------------------------ the full network


def test_network_map_opens_on_the_linked_entities_and_shows_the_rest_on_request(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    linked = [n for n in G if G.degree(n)]
    assert 0 < len(linked) < G.number_of_nodes()  # the bundled report has entities linked to nothing
    assert m.drawn() == {"nodes": len(linked), "edges": G.number_of_edges()}
    assert set(m.js("wjMap.nodeView.getIds()")) == set(linked)
    box = m.page.locator("#show-isolated")
    assert not box.is_checked()
    assert m.page.locator("label:has(#show-isolated) .count").inner_text() == str(G.number_of_nodes() - len(linked))
    box.check()  # one click
    assert m.drawn() == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    assert m.page.locator("h1").count() == 1
    m.screenshot("network_all")
    m.assert_clean()


LABELS_ON_SCREEN = """() => {
    const n = wjMap.network, box = document.getElementById('map').getBoundingClientRect(), out = [];
    for (const id of n.body.nodeIndices) {
        const p = n.canvasToDOM(n.getPosition(id)), node = wjMap.nodes.get(id);
        if (p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height)
            out.push([id, ((node.font && node.font.size) || 14) * n.getScale()]);
    }
    return out; }"""


def _labels_on_screen(m: Opened) -> list[tuple[str, float]]:
    """(node id, label size in screen pixels) of every drawn node whose centre is inside the map."""
    return m.js(LABELS_ON_SCREEN)


def test_network_map_opens_with_readable_labels_on_a_laptop_screen(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html", viewport=(1280, 800))
    on_screen = _labels_on_screen(m)
    assert len(on_screen) >= 10  # a whole group of linked entities, not a corner
    assert min(px for _, px in on_screen) >= 12
    assert all(G.degree(n) for n, _ in on_screen)
    # the largest group of linked entities is the one in view
    import networkx as nx

    largest = max(nx.connected_components(G.to_undirected()), key=lambda c: (len(c), sorted(c)))
    assert sum(1 for n, _ in on_screen if n in largest) >= len(on_screen) / 2
    m.screenshot("network_open_1280x800")
    m.page.click("#reset")  # 全图: everything drawn fits the map (once the 0.3 s animation is over)
    m.page.wait_for_function(f"() => ({LABELS_ON_SCREEN})().length === wjMap.drawn().nodes", timeout=10_000)
    m.assert_clean()


def test_searching_an_entity_linked_to_nothing_shows_it(built, G, opened):
    m = opened(built.out_dir / "maps" / "network.html")
    loner = next(n for n in sorted(G) if not G.degree(n))
    m.page.fill("#search", G.nodes[loner]["label"])
    m.page.press("#search", "Enter")
    assert m.js("wjMap.network.getSelectedNodes()") == [loner]
    assert m.page.locator("#show-isolated").is_checked()
    assert m.page.inner_text("#panel h2") == G.nodes[loner]["label"]
    m.assert_clean()


def test_a_project_panel_shows_its_stage_and_milestones(built, G, opened):
    info = network_view(built.dataset)["data"]["info"]
    project, about = next((n, i) for n, i in sorted(info.items()) if len(i.get("milestones", [])) >= 2)
    m = opened(built.out_dir / "maps" / "network.html")
    m.js("id => wjMap.selectNode(id, false)", project)
    panel = m.panel()
    assert f"项目阶段与节点（{len(about['milestones'])}）" in panel and "目前阶段：" in panel
    listed = m.page.inner_text("#panel .milestones")
    for ms in about["milestones"]:
        assert ms["period"] in listed and ms["stageName"] in listed
    m.page.locator("#panel .milestones summary").first.click()
    assert about["label"] in m.page.inner_text("#panel .milestones")  # the sentence that says so
    m.assert_clean()


@pytest.mark.parametrize("query", ["华东师大", "huadongshifandaxue", "华东师范大学"])
def test_search_selects_the_entity_and_zooms_to_it(built, opened, query):
    m = opened(built.out_dir / "maps" / "network.html")
    scale = m.js("wjMap.network.getScale()")
    m.page.fill("#search", query)
    m.page.press("#search", "Enter")
    assert m.js("wjMap.network.getSelectedNodes()") == [HUADONG]
    # the map zooms to it: it ends in the middle of the map, drawn at least as large as before
    m.page.wait_for_function("""([id, s]) => { const n = wjMap.network, p = n.canvasToDOM(n.getPosition(id)),
        box = document.getElementById('map').getBoundingClientRect();
        return n.getScale() >= Math.max(s, 1.1) - 1e-6 && Math.abs(p.x - box.width / 2) < 2
               && Math.abs(p.y - box.height / 2) < 2; }""", arg=[HUADONG, scale], timeout=5_000)
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
    m.page.check("#show-isolated")
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
    m.page.check("#show-isolated")
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
    assert int(after.strip() or 0) == before - classes.count("Enterprise")
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


DRAWN_LINKS = """() => wjMap.edgeView.get().filter(e => e.prop !== 'parkInPark').map(e => {
    const drawn = wjMap.network.body.edges[e.id].labelModule.elementOptions.label;
    return {id: e.id, from: e.from, to: e.to, label: (drawn || '').trim(), title: e.title,
            dashes: wjMap.network.body.edges[e.id].options.dashes}; })"""


def _panel_count(m: Opened, edge_id: str) -> int:
    m.js("id => wjMap.selectEdge(id)", edge_id)
    return int(re.search(r"共有成员（(\d+)）", m.panel()).group(1))


def test_park_cluster_links_show_the_counts_of_the_matrix_command(built, G, opened):
    """One owner for the counts: what the map draws is what `wujing-kg matrix` prints."""
    matrix = park_cluster_matrix(G)
    cells = {(p, c): (n, s) for p, row, srow in zip(matrix["parks"], matrix["counts"], matrix["stated"])
             for c, n, s in zip(matrix["clusters"], row, srow) if n or s}
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    drawn = {(e["from"], e["to"]): e for e in m.js(DRAWN_LINKS)}
    assert set(drawn) == set(cells) and cells
    for pair, (n, stated) in cells.items():
        assert drawn[pair]["label"] == (str(n) if n else ""), pair
        assert drawn[pair]["dashes"] == (n == 0)
    m.assert_clean()


@pytest.mark.parametrize("unticked", [["Enterprise"], ["Enterprise", "ListedCompany"], ["ListedCompany", "Platform"]])
def test_member_filters_leave_no_stale_number(built, opened, unticked):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    for cls in unticked:
        m.page.uncheck(f"input.cls-filter.member[value={cls}]")
    links = m.js(DRAWN_LINKS)
    assert links
    for link in links:
        n = _panel_count(m, link["id"])
        assert link["label"] == (str(n) if n else "")  # the number drawn on the link
        assert (f"共有成员 {n}" in link["title"]) if n else ("共有成员" not in link["title"])  # its tooltip
        node_line = m.js("id => wjMap.nodes.get(id).label", link["from"])
        shown = sum(int(k) for k in re.findall(r"(\d+)", node_line.split("\n", 1)[1])) if "\n" in node_line else 0
        m.js("id => wjMap.selectNode(id, false)", link["from"])
        assert f"位于该园区的成员（{shown}）" in m.panel()  # the park's label and its panel agree
    m.screenshot("park_cluster_" + "_".join(unticked))
    m.assert_clean()


def test_member_legend_counts_the_members_that_make_links(built, G, opened):
    pc = park_clusters(G)
    linking = Counter(G.nodes[x]["cls"] for x in pc.linking_members())
    members = Counter(G.nodes[x]["cls"] for x in {*pc.located, *pc.in_cluster})
    assert linking != members  # cluster members that are in no park do not make links
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    legend = dict(m.js("""() => Array.from(document.querySelectorAll('input.cls-filter.member')).map(
        cb => [cb.value, parseInt(cb.parentNode.querySelector('.count').textContent, 10)])"""))
    assert {c: n for c, n in legend.items() if n} == dict(linking)
    m.page.uncheck("input.cls-filter[value=Park]")  # no park: no member makes a link
    assert set(m.js("""() => Array.from(document.querySelectorAll('input.cls-filter.member')).map(
        cb => cb.parentNode.querySelector('.count').textContent)""")) == {"0"}


def test_a_park_panel_lists_its_members_by_industry_with_counts(built, G, opened):
    pc = park_clusters(G)
    park = max(pc.parks, key=lambda p: (len(pc.hosted(p)), p))
    hosted = [x for x, _ in pc.hosted(park)]
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    m.js("id => wjMap.selectNode(id, false)", park)
    panel = m.panel()
    assert f"位于该园区的成员（{len(hosted)}）" in panel
    assert counts_line([G.nodes[x]["cls"] for x in hosted]) in panel
    for cluster in {c for x in hosted for c in pc.in_cluster.get(x, {})}:
        n = sum(1 for x in hosted if cluster in pc.in_cluster.get(x, {}))
        assert f"{G.nodes[cluster]['label']}（{n}）" in panel
    unplaced = sum(1 for x in hosted if not pc.in_cluster.get(x))
    assert (f"未标明产业（{unplaced}）" in panel) == bool(unplaced)
    assert m.js("id => wjMap.nodes.get(id).label", park).endswith(counts_line([G.nodes[x]["cls"] for x in hosted]))
    m.screenshot("park_cluster_park_panel")
    m.assert_clean()


@pytest.mark.parametrize("projects", [True, False], ids=["project", "firm-or-platform"])
def test_a_project_member_shows_its_stage_in_the_park_panel_and_its_own(built, opened, projects):
    """Also a platform or firm the report gives a stage (its building completed, its plant started)."""
    data = park_cluster_view(built.dataset)["data"]
    staged = {str(s) for s, _ in built.union.subject_objects(WJ.hasMilestone)}
    _, about = next((x, d) for x, d in sorted(data["members"].items())
                    if x in staged and d["parks"] and (d["top"] == "Project") == projects)
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    m.js("id => wjMap.selectNode(id, false)", about["parks"][0])
    item = m.page.locator("#panel li", has_text=about["label"]).first
    assert item.locator(".stage").count() == 1
    item.locator("button.link").click()
    panel = m.panel()
    assert m.page.inner_text("#panel h2") == about["label"] and "项目阶段与节点" in panel
    assert all(ms["stageName"] in panel for ms in about["milestones"])
    m.assert_clean()


def test_a_park_cluster_map_of_one_year_has_no_year_slider(built, opened):
    m = opened(built.out_dir / "maps" / "park_cluster.html")
    assert not m.page.locator("#year-filter").is_visible()


@pytest.fixture(scope="module")
def two_years(built_two_years):
    """The synthetic 2025 report and the bundled 2026 report, built into one graph (once per session)."""
    return built_two_years


def _known_links(G, years: dict[str, str], year: str) -> dict[tuple[str, str], set[str]]:
    """The members of each link that reports up to ``year`` state (worked out from the evidence)."""
    pc = park_clusters(G)

    def known(evidence):
        return any(years.get(g, "0000") <= year for g in evidence)

    return {pair: {x for x in members if known(pc.located[x][pair[0]]) and known(pc.in_cluster[x][pair[1]])}
            for pair, members in pc.links.items()}


def test_the_year_slider_shows_what_the_reports_up_to_each_year_say(two_years, opened):
    G = to_networkx(two_years.dataset)
    years = map_facts(two_years.dataset).years
    assert sorted(set(years.values())) == ["2025", "2026"]  # the reports' wj:year
    m = opened(two_years.out_dir / "maps" / "park_cluster.html")
    assert m.page.locator("#year-filter").is_visible()
    assert m.js("wjMap.year()") == "2026"
    before, now = _known_links(G, years, "2025"), _known_links(G, years, "2026")
    assert any(now[p] - before[p] for p in now)  # the 2026 report added members
    for link in m.js(DRAWN_LINKS):  # at 2026: every member, what 2026 added in brackets
        pair = (link["from"], link["to"])
        added = len(now[pair] - before[pair])
        assert link["label"] == (f"{len(now[pair])} (+{added})" if added else str(len(now[pair])) if now[pair] else "")
    assert "2026 年新增（与 2025 年相比）" in m.panel()
    m.screenshot("park_cluster_2026")
    m.page.locator("#year").fill("0")  # the slider to 2025
    assert m.js("wjMap.year()") == "2025" and "截至 2025 年" in m.page.inner_text("#year-label")
    drawn = {(e["from"], e["to"]): e["label"] for e in m.js(DRAWN_LINKS)}
    for pair, members in before.items():
        if members:
            assert drawn[pair] == str(len(members))
    assert not {p for p, members in now.items() if members and not before[p]} & {p for p, lab in drawn.items() if lab}
    m.screenshot("park_cluster_2025")
    m.assert_clean()


def test_a_jurisdictions_map_slides_over_its_own_reports_years(district_years, opened, tmp_path):
    from graph.maps.render import export_jurisdiction_map

    from graph.store.queries import run_query

    rows = run_query("jurisdiction_parks_by_year", graph=district_years, jurisdiction="龙岗区")
    first = {r["entity"]: str(r["firstYear"]) for r in rows}
    path = export_jurisdiction_map(district_years, "龙岗区", tmp_path / "longgang.html")
    m = opened(path)
    shown = "() => wjMap.nodeView.get().map(n => n.id)"
    assert m.page.inner_text("h1") == "园区与产业集群关系图：龙岗区"
    assert m.page.locator("#year-filter").is_visible()
    assert m.js("wjMap.year()") == "2025"  # the district's last report, not the bundled 2026
    at_2025 = set(m.js(shown))
    assert at_2025 and at_2025 <= set(first)
    m.page.locator("#year").fill("0")
    assert m.js("wjMap.year()") == "2024" and "截至 2024 年" in m.page.inner_text("#year-label")
    at_2024 = set(m.js(shown))
    assert at_2024 == {n for n in at_2025 if first[n] == "2024"} and at_2024 < at_2025  # 2025 named more
    m.screenshot("park_cluster_longgang_2024")
    m.assert_clean()


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
