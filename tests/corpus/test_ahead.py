"""A build of one report extracts it in a forked process while this one imports the rest
(graph.corpus.ahead): the same files as a build in one process, spaCy never imported here, and a
forked process that fails leaves the build to extract and to report the error itself."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import graph.corpus.ahead as ahead_module
from graph.corpus.ahead import worth_it

REPORT = "2026年某镇政府工作报告\n一、2025年工作回顾\n推动纳鸿微球落地。\n二、2026年工作安排\n加快紫竹高新区建设。\n"


def _build_in_a_process(out: Path, *options: str) -> set[str]:
    """``wujing-kg build`` of the bundled report in a new process, as on two CPUs whatever this
    machine has: the top-level modules it loaded."""
    code = ("import json, sys\nimport graph.corpus.ahead\ngraph.corpus.ahead.default_jobs = lambda: 2\n"
            "from graph.cli import main\n"
            f"main(['build', '--no-cache', '--out', {str(out)!r}, *{list(options)!r}], standalone_mode=False)\n"
            "print(json.dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return {m.split(".")[0] for m in json.loads(run.stdout.splitlines()[-1])}


def _same_files(a: Path, b: Path) -> list[str]:
    """The files of two build folders that differ or are in only one (the caches left out)."""
    names = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and ".cache" not in p.parts}
    names |= {p.relative_to(b) for p in b.rglob("*") if p.is_file() and ".cache" not in p.parts}
    return sorted(str(n) for n in names
                  if not ((a / n).exists() and (b / n).exists() and filecmp.cmp(a / n, b / n, shallow=False)))


def test_a_build_extracted_ahead_writes_what_a_build_in_one_process_writes_without_importing_spacy(tmp_path):
    ahead = _build_in_a_process(tmp_path / "ahead")
    alone = _build_in_a_process(tmp_path / "alone", "--jobs", "1")
    assert "spacy" not in ahead and "rdflib" in ahead and "pyvis" in ahead
    assert "spacy" in alone
    assert (tmp_path / "ahead" / "wujing.ttl").stat().st_size > 100_000
    assert _same_files(tmp_path / "ahead", tmp_path / "alone") == []


def _ahead_in_a_process(tmp_path: Path, body: str) -> dict:
    """Run ``body`` in a new process (one thread, as on two CPUs), with ``report`` the path of a small
    report in ``tmp_path`` and ``extract_ahead`` imported; it fills the dict ``seen``, returned here.
    A new process, because this one may hold other threads (a fork copies their locks)."""
    report = tmp_path / "town-2026.txt"
    report.write_text(REPORT, encoding="utf-8")
    code = ("import json, os, sys\nfrom pathlib import Path\nimport graph.corpus.ahead as A\n"
            "A.default_jobs = lambda: 2\nfrom graph.corpus.ahead import extract_ahead\n"
            f"report, tmp = Path({str(report)!r}), Path({str(tmp_path)!r})\nseen = {{}}\n"
            + body + "\nprint(json.dumps(seen))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # the forked process says nothing
    return json.loads(run.stdout.splitlines()[-1])


def test_the_forked_process_puts_the_extraction_in_the_builds_cache_and_does_not_redo_it(tmp_path):
    seen = _ahead_in_a_process(tmp_path, """
with extract_ahead([report], cache_dir=tmp / "cache", jobs=0) as ahead:
    seen.update(forked=ahead.pid is not None, extracted=ahead.extracted, done=ahead.wait())
entry = next((tmp / "cache" / "extract").rglob("*.pickle"))
seen["entries"], mtime = len(list((tmp / "cache" / "extract").rglob("*.pickle"))), entry.stat().st_mtime_ns
with extract_ahead([report], cache_dir=tmp / "cache", jobs=0) as ahead:
    seen["again"] = ahead.wait()
seen["untouched"] = entry.stat().st_mtime_ns == mtime""")
    assert seen == {"forked": True, "extracted": None, "done": True, "entries": 1, "again": True, "untouched": True}


def test_without_a_cache_the_extraction_goes_to_a_temporary_folder_removed_after_the_build(tmp_path):
    seen = _ahead_in_a_process(tmp_path, """
with extract_ahead([report], cache_dir=None, jobs=0) as ahead:
    seen["done"] = ahead.wait()
    folder = ahead.extracted
    seen["entries"] = len(list(folder.rglob("*.pickle")))
seen["left"] = folder.exists()""")
    assert seen == {"done": True, "entries": 1, "left": False}


def test_a_forked_process_that_fails_says_nothing_and_leaves_the_build_to_report_it(tmp_path):
    (tmp_path / "town-2026.meta.yaml").write_text("year: [2026\n", encoding="utf-8")  # YAML cut short
    seen = _ahead_in_a_process(tmp_path, """
with extract_ahead([report], cache_dir=tmp / "cache", jobs=0) as ahead:
    seen.update(forked=ahead.pid is not None, done=ahead.wait())
seen["cached"] = (tmp / "cache" / "extract").exists()""")
    assert seen == {"forked": True, "done": False, "cached": False}


def test_a_build_that_fails_before_it_waits_ends_the_forked_process(tmp_path):
    seen = _ahead_in_a_process(tmp_path, """
try:
    with extract_ahead([report], cache_dir=None, jobs=0) as ahead:
        pid = ahead.pid
        raise RuntimeError("the build's imports failed")
except RuntimeError:
    pass
try:
    os.waitpid(pid, 0)
    seen["reaped"] = False
except ChildProcessError:  # reaped: no process of that id is left to wait for
    seen["reaped"] = True""")
    assert seen == {"reaped": True}


@pytest.mark.parametrize("paths, jobs, scheduler", [
    (["a.txt", "b.txt"], 0, None),  # many reports: the process pool
    (["town-2026.txt"], 1, None),  # one process asked for
    (["town-2026.txt"], 0, "local"),  # a Dask cluster
    (["folder"], 0, None),  # a folder stands for many
])
def test_nothing_is_forked_where_it_cannot_help(tmp_path, monkeypatch, paths, jobs, scheduler):
    monkeypatch.setattr(ahead_module, "default_jobs", lambda: 2)
    monkeypatch.setattr(ahead_module, "alone", lambda: True)
    (tmp_path / "folder").mkdir()
    for name in ("a.txt", "b.txt", "town-2026.txt"):
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    assert worth_it([tmp_path / p for p in paths], jobs=jobs, scheduler=scheduler) is False
    assert worth_it([tmp_path / "town-2026.txt"], jobs=0, scheduler=None) is True


def test_one_cpu_forks_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead_module, "default_jobs", lambda: 1)
    monkeypatch.setattr(ahead_module, "alone", lambda: True)
    (tmp_path / "town-2026.txt").write_text(REPORT, encoding="utf-8")
    assert worth_it([tmp_path / "town-2026.txt"], jobs=0, scheduler=None) is False


def test_a_process_with_another_thread_forks_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead_module, "default_jobs", lambda: 2)
    (tmp_path / "town-2026.txt").write_text(REPORT, encoding="utf-8")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worth_it([tmp_path / "town-2026.txt"], jobs=0, scheduler=None) is False
    finally:
        stop.set()
        other.join()


def test_what_is_made_before_the_fork_is_what_both_processes_need_and_neither_spacy_nor_rdflib():
    code = ("import json, sys\nfrom graph.corpus.ahead import _before_forking\n_before_forking()\n"
            "from graph.corpus.cache import extractor_version\nfrom graph.extract.vocabulary import _load\n"
            "print(json.dumps({'spacy': 'spacy' in sys.modules, 'rdflib': 'rdflib' in sys.modules,\n"
            "  'numpy': 'numpy' in sys.modules, 'made': [f.cache_info().currsize for f in (extractor_version, _load)]}))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"spacy": False, "rdflib": False, "numpy": True, "made": [1, 1]}
