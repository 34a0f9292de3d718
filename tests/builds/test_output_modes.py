"""Files a build writes can be read by colleagues and web servers: their mode follows the umask."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.build import build
from graph.output import temporary_file, temporary_folder, write_bytes, write_files, write_text
from graph.resources import DEFAULT_REPORT


@contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_0666_minus_the_umask(tmp_path, mask, expected):
    with umask(mask):
        write_files({tmp_path / "a.ttl": "a", tmp_path / "b.csv": b"b"})
        write_text(tmp_path / "c.html", "吴泾")
        write_bytes(tmp_path / "d.png", b"\x89PNG")
        fd, tmp = temporary_file(tmp_path / "e.trig")
        os.close(fd)
    assert {p.name: mode(p) for p in tmp_path.iterdir() if not p.name.startswith(".")} == dict.fromkeys(
        ["a.ttl", "b.csv", "c.html", "d.png"], expected)
    assert mode(Path(tmp)) == expected


def test_every_output_of_a_build_with_umask_022_is_0644(tmp_path):
    with umask(0o022):
        result = build([DEFAULT_REPORT], out_dir=tmp_path / "out")
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    names = {p.relative_to(tmp_path / "out").as_posix() for p in written}
    assert {"wujing.trig", "wujing.ttl", "entities.csv", "resolution.csv", "exports/wujing.graphml",
            "exports/neo4j/nodes.csv", "maps/park_cluster.html"} <= names
    assert {str(p.relative_to(tmp_path / "out")): oct(mode(p)) for p in written if mode(p) != 0o644} == {}
    assert set(result.files) <= set(written)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o755), (0o002, 0o775), (0o077, 0o700)])
def test_temporary_folders_get_0777_minus_the_umask(tmp_path, mask, expected):
    with umask(mask):
        folder = temporary_folder(tmp_path, ".oxigraph-")
    assert folder.parent == tmp_path and mode(folder) == expected


def test_the_oxigraph_store_of_a_build_with_umask_022_can_be_read_by_others(tmp_path):
    report = tmp_path / "wujing-2026.txt"  # the start of the bundled report: a store in seconds
    report.write_text(DEFAULT_REPORT.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    with umask(0o022):
        build([report], out_dir=tmp_path / "out", store="oxigraph").backend.close()
    store = tmp_path / "out" / "oxigraph"
    assert mode(store) == 0o755  # not mkdtemp's 0700
    inside = [p for p in store.rglob("*")]
    assert inside and all(mode(p) & 0o444 == 0o444 for p in inside), "every file of the store readable by all"
