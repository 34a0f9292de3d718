"""A failed or killed build leaves the previous ``out/`` intact: every file whole and parseable.

The build writes its files to temporary files first and renames them only once all are written
(:func:`graph.output.write_files`).  These tests kill real build processes (SIGKILL, no clean-up
possible) at and around that moment, and make writing fail in-process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

import graph.output
from graph.build import build
from graph.errors import BuildError
from graph.validate.results import Report, Violation

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("wujing.trig", "wujing.ttl", "entities.csv")
OLD = "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等26家企业。\n"
NEW = "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n华东师范大学与奥锐特开展合作。航电基地一期项目竣工。\n"

# Build argv[1] into argv[2]; SIGKILL ourselves at rename number argv[3] of graph.output into argv[2]
# (0 = the first: every temporary file is written, nothing renamed yet; the renames of the
# extractions a build keeps on disk elsewhere are not counted).
KILLER = r"""
import os, signal, sys, types
from pathlib import Path
import graph.output
from graph.build import build

calls = []
out = Path(sys.argv[2]).resolve()
def replace(src, dst):
    if Path(dst).resolve().parent == out:
        if len(calls) == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
        calls.append(dst)
    os.replace(src, dst)

graph.output.os = types.SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
graph.output.os.replace = replace
build([Path(sys.argv[1])], out_dir=Path(sys.argv[2]))
"""


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The out/ files of the OLD and of the NEW report: name -> bytes, for each."""
    d = tmp_path_factory.mktemp("versions")
    out = {}
    for label, text in (("old", OLD), ("new", NEW)):
        (d / label).mkdir()
        (d / label / "report.txt").write_text(text, encoding="utf-8")  # the name makes the report's IRI
        build([d / label / "report.txt"], out_dir=d / label / "out")
        out[label] = {name: (d / label / "out" / name).read_bytes() for name in NAMES}
    assert out["old"] != out["new"]
    return out


def previous_build(tmp_path: Path, versions: dict) -> Path:
    """An out/ folder holding the OLD report's build, and NEW as report.txt beside it."""
    out = tmp_path / "out"
    out.mkdir()
    for name, data in versions["old"].items():
        (out / name).write_bytes(data)
    (tmp_path / "report.txt").write_text(NEW, encoding="utf-8")
    return out


def assert_whole_and_parseable(out: Path) -> None:
    Dataset().parse(out / "wujing.trig", format="trig")
    Graph().parse(out / "wujing.ttl", format="turtle")
    assert (out / "entities.csv").read_text(encoding="utf-8").startswith("iri,class,label")


def run_killer(tmp_path: Path, at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "report.txt"), str(tmp_path / "out"), str(at)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_build_killed_after_writing_before_renaming_leaves_the_previous_files(tmp_path, versions):
    out = previous_build(tmp_path, versions)
    proc = run_killer(tmp_path, at=0)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert {name: (out / name).read_bytes() for name in NAMES} == versions["old"]
    assert_whole_and_parseable(out)
    stale = list(out.glob(".*.tmp"))
    assert len(stale) >= len(NAMES)  # killed with the new files written, none renamed

    # the next build removes what the killed one left (once it is a minute old) and writes the new files
    for path in stale:
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    build([tmp_path / "report.txt"], out_dir=out)
    assert not [p for p in stale if p.exists()]
    assert {name: (out / name).read_bytes() for name in NAMES} == versions["new"]


def test_build_killed_between_renames_leaves_every_file_whole(tmp_path, versions):
    out = previous_build(tmp_path, versions)
    proc = run_killer(tmp_path, at=1)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    now = {name: (out / name).read_bytes() for name in NAMES}
    assert sum(now[n] == versions["new"][n] for n in NAMES) == 1  # the first rename happened, no other
    assert all(now[n] in (versions["old"][n], versions["new"][n]) for n in NAMES)
    assert_whole_and_parseable(out)


def test_build_killed_at_any_moment_leaves_whole_files(tmp_path, versions):
    out = previous_build(tmp_path, versions)
    for delay in (1.0, 3.0):
        proc = subprocess.Popen([sys.executable, str(ROOT / "build_graph.py"), str(tmp_path / "report.txt"),
                                 "--out", str(out)], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for name in NAMES:
            assert (out / name).read_bytes() in (versions["old"][name], versions["new"][name]), (delay, name)
        assert_whole_and_parseable(out)


def test_disk_full_while_writing_keeps_the_previous_files(tmp_path, versions, monkeypatch):
    out = previous_build(tmp_path, versions)
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(graph.output.os, "fsync", fsync)
    with pytest.raises(BuildError, match="cannot write output: No space left on device"):
        build([tmp_path / "report.txt"], out_dir=out)
    monkeypatch.undo()
    assert {name: (out / name).read_bytes() for name in NAMES} == versions["old"]
    assert not list(out.glob(".*.tmp"))  # the temporary files of the failed write are gone


def test_failed_extraction_or_validation_writes_nothing(tmp_path, versions, monkeypatch):
    out = previous_build(tmp_path, versions)
    broken = Report((Violation(URIRef("https://example.org/x"), message="x"),), "ontology/shapes.ttl", "the built graph")
    monkeypatch.setattr("graph.store.backend.check", lambda *a, **k: broken)
    with pytest.raises(BuildError, match="does not conform"):
        build([tmp_path / "report.txt"], out_dir=out)
    assert {name: (out / name).read_bytes() for name in NAMES} == versions["old"]
