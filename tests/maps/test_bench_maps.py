"""``benchmarks/bench_maps.py`` writes its report where it is told, and never over tracked files unasked."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_maps.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_maps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tracked(path: Path) -> bool:
    done = subprocess.run(["git", "ls-files", "--error-unmatch", str(path.relative_to(ROOT))], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    return done.returncode == 0


def test_a_run_without_options_writes_into_a_new_folder_outside_the_checkout(bench):
    out = bench.parse_args([]).out
    try:
        assert out.is_dir() and not any(out.iterdir())
        assert ROOT not in out.resolve().parents
    finally:
        out.rmdir()


def test_only_docs_writes_the_tracked_copies_the_readme_shows(bench, tmp_path):
    docs = bench.parse_args(["--docs"]).out
    assert docs == ROOT / "docs"
    if (ROOT / ".git").exists():
        assert _tracked(docs / "park_cluster.png") and _tracked(docs / "benchmarks-maps.md")
    assert bench.parse_args(["--out", str(tmp_path)]).out == tmp_path
    with pytest.raises(SystemExit):
        bench.parse_args(["--out", str(tmp_path), "--docs"])
