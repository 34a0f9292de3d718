"""Files a build writes can be read by colleagues and web servers: their mode follows the umask."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.build import build
from graph.output import temporary_file, write_bytes, write_files, write_text
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
