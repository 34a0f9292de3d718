"""The per-report work on Dask distributed (``--scheduler``): the same bytes as the process pool.

One 2-worker ``LocalCluster`` for the module (``executor_for("local", 2)``, the one ``--scheduler
local --jobs 2`` uses); its ``tcp://`` address stands for a real cluster's.  The reports are small:
the 2025 test report and two pieces of the bundled one.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph.corpus.executors
from graph.build import build
from graph.cli import main
from graph.corpus.batch import parallel_map
from graph.corpus.executors import close_executors, executor_for
from graph.resources import DEFAULT_REPORT

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = ("wujing.trig", "wujing.ttl", "entities.csv", "resolution.csv", "unplaced.csv")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name in ("wujing-2025.txt", "wujing-2025.meta.yaml"):
        shutil.copy(ROOT / "tests" / "data" / "merge" / name, folder)
    lines = DEFAULT_REPORT.read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "wujing-2026-review.txt").write_text("".join(lines[:40]), encoding="utf-8")
    (folder / "wujing-2026-plan.txt").write_text("".join(lines[:8] + lines[60:]), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster():
    """The cluster of ``--scheduler local --jobs 2``: yields its executor."""
    executor = executor_for("local", 2)
    assert executor.workers == 2
    yield executor
    close_executors()


def same_outputs(a: Path, b: Path) -> list[str]:
    return [name for name in OUTPUTS if (a / name).read_bytes() == (b / name).read_bytes()]


def test_a_local_cluster_build_writes_the_same_bytes_as_the_process_pool(reports, cluster, tmp_path):
    """``--store oxigraph``: extraction and each report's RDF both run on the cluster."""
    build([reports], out_dir=tmp_path / "pool", store="oxigraph", jobs=2).backend.close()
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "dask"), "--store", "oxigraph",
                                       "--scheduler", "local", "--jobs", "2", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("reports: 3\n")  # nothing from Dask among the lines of the summary
    assert same_outputs(tmp_path / "pool", tmp_path / "dask") == list(OUTPUTS)


def test_a_build_on_a_scheduler_address_writes_the_same_bytes_as_the_process_pool(reports, cluster, tmp_path):
    """The default rdflib store, on the cluster's ``tcp://`` address as on a real cluster."""
    address = cluster.cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    build([reports], out_dir=tmp_path / "pool", jobs=2)
    build([reports], out_dir=tmp_path / "dask", scheduler=address)
    assert same_outputs(tmp_path / "pool", tmp_path / "dask") == list(OUTPUTS)


def test_the_work_runs_in_the_cluster_workers_and_comes_back_in_input_order(cluster):
    workers = set(cluster.client.run(os.getpid).values())
    ran_in = parallel_map(os.readlink, ["/proc/self"] * 8, scheduler="local", jobs=2)  # the pid of the worker
    assert {int(pid) for pid in ran_in} <= workers and str(os.getpid()) not in ran_in
    assert parallel_map(str.upper, list("abcdefghij"), scheduler="local", jobs=2) == list("ABCDEFGHIJ")


def test_an_error_in_a_task_reaches_the_caller_as_itself(cluster):
    with pytest.raises(ValueError, match="invalid literal"):
        parallel_map(int, ["1", "x", "3"], scheduler="local", jobs=2)


@pytest.mark.parametrize("value", ["127.0.0.1:8786", "http://host:8786", "remote"])
def test_a_scheduler_that_is_not_local_or_an_address_is_a_usage_error(value, tmp_path):
    result = CliRunner().invoke(main, ["build", "--scheduler", value, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == (f"wujing-kg: error: --scheduler {value}: use local (a cluster of this machine's "
                             "cores) or a scheduler address such as tcp://HOST:8786\n")


def test_an_unreachable_scheduler_is_a_one_line_error_and_nothing_is_written(reports, tmp_path, monkeypatch):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setattr(graph.corpus.executors, "CONNECT_TIMEOUT", 1.0)
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "out"),
                                       "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert result.output.startswith(f"wujing-kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out" / "wujing.trig").exists()


def test_without_dask_the_scheduler_option_says_what_to_install(reports, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import dask.distributed fails
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "out"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert result.output == ('wujing-kg: error: --scheduler needs Dask distributed: '
                             'pip install "wujing-kg[distributed]"\n')
