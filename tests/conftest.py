"""Shared fixtures: the bundled report built once per test session into a temporary folder."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from graph.build import build
from graph.resources import DEFAULT_REPORT

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


#: The synthetic 2025 report of tests/data/merge/, which the bundled 2026 report follows.
MERGE_2025 = ROOT / "tests" / "data" / "merge" / "wujing-2025.txt"


@pytest.fixture(scope="session")
def extraction_cache(tmp_path_factory) -> Path:
    """One extraction cache for the builds of the session that reuse extractions on purpose."""
    return tmp_path_factory.mktemp("extraction-cache")


@pytest.fixture(scope="session")
def built_two_years(tmp_path_factory, extraction_cache):
    """``MERGE_2025`` and the bundled report built into one graph (rdflib, files written), once per
    session: a ``BuildResult`` with ``.out_dir``.  Read it, never change it."""
    out = tmp_path_factory.mktemp("two-years")
    result = build([MERGE_2025, DEFAULT_REPORT], out_dir=out, cache_dir=extraction_cache)
    result.out_dir = out
    return result


#: Two years of one Shenzhen district from corpus/reports, for the views of a jurisdiction over the years.
DISTRICT_YEARS = [ROOT / "corpus" / "reports" / f"shenzhen-longgang-{year}.txt" for year in (2024, 2025)]


@pytest.fixture(scope="session")
def district_years(tmp_path_factory) -> Path:
    """``DISTRICT_YEARS`` and the bundled report built into one graph with ``--store oxigraph``: the
    build folder (its ``wujing.trig`` is the same graph for rdflib)."""
    out = tmp_path_factory.mktemp("district-years")
    build([*DISTRICT_YEARS, DEFAULT_REPORT], out_dir=out, store="oxigraph", jobs=1).backend.close()
    return out


@pytest.fixture(scope="session")
def report_text() -> str:
    """The bundled report, cleaned."""
    from graph.text.clean import clean

    return clean(DEFAULT_REPORT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extraction():
    """The bundled report extracted with the lexicon."""
    from graph.text.metadata import read_report
    from graph.extract.pipeline import extract

    return extract(read_report(DEFAULT_REPORT))


@pytest.fixture
def listener():
    """A loopback TCP listener that records every connection made to it."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    srv.settimeout(0.2)
    hits: list = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                hits.append(conn.recv(200))
                conn.close()
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield srv.getsockname()[1], hits
    stop.set()
    t.join()
    srv.close()
