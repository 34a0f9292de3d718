"""A build of one report checks its shapes and draws its maps in a forked process while it writes
the rest (graph.build._write_outputs): a graph that does not conform still fails the build with one
line and leaves the previous build's files as they were, and a forked process that dies leaves its
work to the build, which writes the same files.  Each build runs in a new process, as on two CPUs,
because this one may hold other threads (a fork copies their locks)."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

REPORT = ("2026年某镇政府工作报告\n一、2025年工作回顾\n推动纳鸿微球落地紫竹高新区。\n"
          "二、2026年工作安排\n加快紫竹高新区建设，做强集成电路产业。\n")

# RdflibBackend.check patched so that the process it runs in is known (and, given a mode, what it does there)
PATCH = """
import json, os, signal, sys
from pathlib import Path
import graph.corpus.ahead
graph.corpus.ahead.default_jobs = lambda: 2
from graph.store.backend import RdflibBackend
from graph.validate.ontology import OntologyError
real_check, parent, mode = RdflibBackend.check, os.getpid(), sys.argv[2]
def check(self):
    with open(sys.argv[3], "a") as log:
        log.write("forked\\n" if os.getpid() != parent else "here\\n")
    if mode == "unreadable":
        raise OntologyError("ontology/shapes.ttl: cannot be read")
    if mode == "dies" and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_check(self)
RdflibBackend.check = check
from graph.cli import main
main(["build", sys.argv[1], "--no-cache", "--out", sys.argv[4], *sys.argv[5:]])
"""


def _build(tmp_path: Path, mode: str, out: Path, *options: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    report = tmp_path / "town-2026.txt"
    report.write_text(REPORT, encoding="utf-8")
    log = tmp_path / f"{out.name}.log"
    run = subprocess.run([sys.executable, "-c", PATCH, str(report), mode, str(log), str(out), *options],
                         capture_output=True, text=True, timeout=300)
    return run, log.read_text().split() if log.exists() else []


def _differ(a: Path, b: Path) -> list[str]:
    names = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    return sorted(str(n) for n in names
                  if not ((a / n).exists() and (b / n).exists() and filecmp.cmp(a / n, b / n, shallow=False)))


def test_the_shapes_are_checked_in_the_forked_process_and_the_files_are_those_of_a_build_in_one(tmp_path):
    forked, where = _build(tmp_path, "plain", tmp_path / "forked")
    assert forked.returncode == 0, forked.stderr
    assert where == ["forked"]
    one, where = _build(tmp_path, "plain", tmp_path / "one", "--jobs", "1")
    assert one.returncode == 0, one.stderr
    assert where == ["here"]
    assert (tmp_path / "forked" / "maps" / "park_cluster.html").stat().st_size > 10_000
    assert _differ(tmp_path / "forked", tmp_path / "one") == []


def test_a_failed_check_in_the_forked_process_fails_the_build_in_one_line_and_keeps_the_previous_files(tmp_path):
    out = tmp_path / "out"
    first, _ = _build(tmp_path, "plain", out)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    failed, where = _build(tmp_path, "unreadable", out)
    assert where == ["forked", "forked"]  # the first build's check, then this one's
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines() == ["wujing-kg: error: ontology/shapes.ttl: cannot be read"]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # no temporary file left either


def test_when_the_forked_process_dies_the_build_checks_and_draws_the_maps_itself(tmp_path):
    died, where = _build(tmp_path, "dies", tmp_path / "died")
    assert died.returncode == 0, died.stderr
    assert where == ["forked", "here"]
    plain, _ = _build(tmp_path, "plain", tmp_path / "plain")
    assert _differ(tmp_path / "died", tmp_path / "plain") == []
