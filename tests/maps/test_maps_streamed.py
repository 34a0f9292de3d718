"""The maps a build writes one page at a time (map_writers) are the pages map_files and render give."""

from __future__ import annotations

import io

from graph.maps.render import (
    json_for_script,
    json_for_script_parts,
    map_facts,
    map_files,
    map_writers,
    render,
    render_parts,
)
from graph.maps.views import network_view_of
from graph.network.convert import to_networkx


def test_map_writers_write_the_pages_the_build_wrote(built):
    written = {}
    for path, write in map_writers(built.backend, built.out_dir / "maps"):
        buf = io.BytesIO()
        write(buf)
        written[path] = buf.getvalue()
    assert [p.name for p in written] == ["park_cluster.html", "network.html"]
    assert written == {path: path.read_bytes() for path in written}


def test_map_files_are_the_pages_of_map_writers(built):
    pages = map_files(built.backend, "maps")
    assert {p.name for p in pages} == {"park_cluster.html", "network.html"}
    assert all(page.startswith("<!DOCTYPE html>") for page in pages.values())


def test_a_page_rendered_in_parts_is_the_page_rendered_whole(built):
    view = network_view_of(to_networkx(built.backend), map_facts(built.backend))
    parts = list(render_parts(view))
    assert len(parts) > 1 and "".join(parts) == render(view)


def test_the_data_of_a_page_is_written_in_pieces_with_the_same_escapes(built):
    data = {"名": "</script><!--&\u2028\u2029", "n": [1.5, 2, None, True], "嵌": {"b": "<", "a": ">"}}
    assert "".join(json_for_script_parts(data, size=3)) == json_for_script(data)
    view = network_view_of(to_networkx(built.backend), map_facts(built.backend))
    parts = list(render_parts(view))
    assert json_for_script(view["data"]) in "".join(parts)
    assert not any("\x00" in part for part in parts)  # the placeholder never reaches the page


def test_the_facts_read_for_an_entity_graph_are_what_its_pages_cite_and_give_the_same_pages(built):
    G = to_networkx(built.backend)
    whole, kept = map_facts(built.backend), map_facts(built.backend, G)
    assert set(kept.mentions) == set(whole.mentions) & set(G.nodes)
    assert len(kept.mentions) < len(whole.mentions)  # indicators and observations are typed too
    assert len(kept.sentences) < len(whole.sentences)
    assert set(kept.years) <= set(kept.sentences)
    assert render(network_view_of(G, kept)) == render(network_view_of(G, whole))
