"""The query page of ``wujing-kg serve`` in Chromium: it works offline, with the project's prefixes.

Every request the page makes is recorded; any request to another host than the endpoint's is
stopped (so the test never reaches the internet) and fails the test.  Without Chromium the test
fails in CI (``CI`` set) and is skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from urllib.parse import urlsplit

import pytest

from graph.store.endpoint import Endpoint
from graph.store.query_page import PREFIXES_PATH
from graph.store.tables import TABLE_PREFIXES

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.browser


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def endpoint(built_trig, tmp_path_factory):
    with Endpoint(built_trig, port=0, store_dir=tmp_path_factory.mktemp("endpoint-page")) as ep:
        yield ep


@pytest.fixture(scope="module")
def page_of(endpoint):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")):
        _missing(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium"),
                                    args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        requests: list[str] = []
        outside: list[str] = []

        def route(r):
            requests.append(r.request.url)
            if urlsplit(r.request.url).hostname != "127.0.0.1":
                outside.append(r.request.url)
                return r.abort()
            return r.continue_()

        page.route("**/*", route)
        page.goto(endpoint.url + "/")
        page.wait_for_selector(".CodeMirror", timeout=20_000)
        yield page, requests, outside
        browser.close()


def test_the_query_page_sends_no_request_outside_the_endpoint(endpoint, page_of):
    page, requests, outside = page_of
    page.wait_for_function("() => window.Yasgui !== undefined")
    editor = "document.querySelector('.CodeMirror').CodeMirror"
    assert "PREFIX wj: <https://w3id.org/wujing-kg/ontology#>" in page.evaluate(f"{editor}.getValue()")
    # type a prefix declaration: the autocompleter offers the project's prefixes, from this server
    page.evaluate(f"{editor}.setCursor({editor}.lineCount(), 0)")
    page.click(".CodeMirror")
    page.keyboard.press("Control+End")
    page.keyboard.type("\nPREFIX wj")
    page.wait_for_selector(".CodeMirror-hints li", timeout=10_000)
    hints = page.inner_text(".CodeMirror-hints")
    assert "wji: <https://w3id.org/wujing-kg/ontology/indicators#>" in hints
    page.keyboard.press("Escape")
    page.evaluate(f"{editor}.setValue({editor}.getValue().replace(/\\nPREFIX wj\\S*$/, ''))")
    # run the first query: entities per class, from this endpoint
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table td", timeout=20_000)
    assert "Enterprise" in page.inner_text(".yasr")
    page.screenshot(path=str(_artifact("query_page.png")))
    assert outside == []
    hosts = {urlsplit(u).hostname for u in requests}
    assert hosts == {"127.0.0.1"}
    assert any(u.endswith(PREFIXES_PATH) for u in requests)
    assert any("/query" in u for u in requests)


def test_the_prefixes_are_the_projects(endpoint):
    with urllib.request.urlopen(endpoint.url + PREFIXES_PATH, timeout=30) as resp:
        assert resp.headers["Content-Type"] == "application/json"
        assert json.loads(resp.read()) == TABLE_PREFIXES


def _artifact(name: str):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "artifacts"
    folder.mkdir(exist_ok=True)
    return folder / name
