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
