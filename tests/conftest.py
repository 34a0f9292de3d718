"""Shared fixtures: the bundled report built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import DEFAULT_REPORT, build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled report built into a fresh out/ directory: a ``BuildResult`` with ``.out_dir``."""
    out = tmp_path_factory.mktemp("out")
    result = build([DEFAULT_REPORT], out_dir=out)
    result.out_dir = out
    return result


@pytest.fixture(scope="session")
def built_trig(built) -> Path:
    return built.out_dir / "wujing.trig"


@pytest.fixture(scope="session")
def report_text() -> str:
    """The bundled report, cleaned."""
    from graph.text import clean

    return clean(DEFAULT_REPORT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extraction():
    """The bundled report extracted with the lexicon."""
    from graph.build import read_report
    from graph.extract.pipeline import extract

    return extract(read_report(DEFAULT_REPORT))
