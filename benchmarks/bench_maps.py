"""How fast the HTML maps become usable in Chromium, how large their labels are when they open, and how
long they take to make.

Builds the bundled report into a temporary folder, writes the three maps, then opens each one
``--runs`` times in a fresh browser context of Debian's Chromium (no cache) and records

* ``ready``: milliseconds from the start of navigation (``performance.timeOrigin``) until the map
  has been drawn for the first time with every node in place (the page's ``afterDrawing`` flag:
  positions are computed in Python, so there is no physics to wait for);
* ``wall``: seconds from ``page.goto`` until that flag is seen by the test driver;
* on a 1280 x 800 window: how many nodes are on screen when the map opens and the size of their
  smallest label in screen pixels (font size x zoom).

Target: the full graph usable within 2 s.  Writes ``benchmarks-maps.md`` and a screenshot of the
park-cluster map, ``park_cluster.png``, into ``--out`` (a new temporary folder unless given);
``--docs`` writes them into ``docs/`` instead, the copies the README shows (tracked files: only when
the maps changed).

Usage::

    python benchmarks/bench_maps.py [--runs 7] [--out DIR | --docs]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import build  # noqa: E402
from graph.maps.render import focus_view, network_view, park_cluster_view, render  # noqa: E402
from graph.output import write_bytes, write_text  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
TARGET_MS = 2000
LAPTOP = {"width": 1280, "height": 800}

#: (nodes whose centre is inside the map, the smallest of their labels in screen pixels)
LABELS_ON_SCREEN = """() => {
    const n = wjMap.network, box = document.getElementById('map').getBoundingClientRect(), px = [];
    for (const id of n.body.nodeIndices) {
        const p = n.canvasToDOM(n.getPosition(id)), node = wjMap.nodes.get(id);
        if (p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height)
            px.push(((node.font && node.font.size) || 14) * n.getScale());
    }
    return [px.length, px.length ? Math.min(...px) : 0]; }"""


def make_maps(out: Path) -> tuple[dict[str, Path], dict[str, float], object]:
    result = build(out_dir=out / "out")
    ds = result.dataset
    views = {
        "park_cluster": lambda: park_cluster_view(ds),
        "network": lambda: network_view(ds),
        "focus (华东师范大学, depth 2)": lambda: focus_view(ds, "华东师范大学", depth=2),
    }
    paths, seconds = {}, {}
    for name, make in views.items():
        t0 = time.perf_counter()
        html = render(make())
        seconds[name] = time.perf_counter() - t0
        paths[name] = out / f"{name.split()[0]}.html"
        write_text(paths[name], html)
    return paths, seconds, result


def open_times(browser, path: Path, runs: int) -> dict:
    ready, wall, drawn = [], [], None
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("() => window.wjMap && window.wjMap.ready", timeout=30_000)
        wall.append(time.perf_counter() - t0)
        ready.append(page.evaluate("wjMap.readyAt"))
        drawn = page.evaluate("wjMap.drawn()")
        if errors:
            raise SystemExit(f"{path.name}: page error: {errors[0]}")
        context.close()
    return {"ready": ready, "wall": wall, "drawn": drawn}


def labels_at_open(browser, path: Path) -> tuple[int, float]:
    """Nodes on screen and the smallest label (px) when ``path`` opens in a 1280 x 800 window."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.wjMap && window.wjMap.ready", timeout=30_000)
    on_screen, smallest = page.evaluate(LABELS_ON_SCREEN)
    context.close()
    return on_screen, smallest


def screenshot(browser, path: Path, target: Path) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.wjMap && window.wjMap.ready")
    page.wait_for_timeout(200)
    write_bytes(target, page.screenshot())
    context.close()


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return "?"
    return out.strip().splitlines()[-1] if out.strip() else "?"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with ``out``: where the report and the screenshot go.

    Without ``--out`` or ``--docs`` that is a new temporary folder, so that a run never rewrites the
    tracked copies in ``docs/``.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="openings per map (default 7)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, default=None,
                       help="folder for benchmarks-maps.md and park_cluster.png (default: a new temporary folder)")
    where.add_argument("--docs", action="store_true",
                       help="write them into docs/, the copies the README shows (tracked files)")
    args = parser.parse_args(argv)
    args.out = ROOT / "docs" if args.docs else (args.out or Path(tempfile.mkdtemp(prefix="bench-maps-")))
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    out = args.out
    report, shot = out / "benchmarks-maps.md", out / "park_cluster.png"

    from playwright.sync_api import sync_playwright

    load = _load()
    with tempfile.TemporaryDirectory() as tmp:
        paths, make_s, result = make_maps(Path(tmp))
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, path in paths.items():
                t = open_times(browser, path, args.runs)
                t["labels"] = labels_at_open(browser, path)
                rows.append((name, path.stat().st_size, t, make_s[name]))
                print(f"{name}: ready median {statistics.median(t['ready']):.0f} ms, max {max(t['ready']):.0f} ms; "
                      f"wall median {statistics.median(t['wall']):.2f} s; drawn {t['drawn']}; at 1280x800 "
                      f"{t['labels'][0]} nodes on screen, smallest label {t['labels'][1]:.1f} px")
            screenshot(browser, paths["park_cluster"], shot)
            browser.close()

    lines = [
        "# Map opening times",
        "",
        "Made by `python benchmarks/bench_maps.py --docs` (do not edit by hand). Each map of the bundled report",
        f"is opened {args.runs} times in a fresh context of {chromium_version()} (headless), on a machine with",
        f"{platform.machine()} {_cpus()} CPUs (load average {load} when it started), Python "
        f"{platform.python_version()}.",
        "",
        "*ready*: ms from the start of navigation until the map has been drawn with every node in place",
        "(positions come from Python: there is no physics to wait for), so it can be searched, filtered and",
        "clicked. *wall*: seconds from `page.goto` until the driver sees that flag. *make*: seconds to",
        "compute the view and render the HTML in Python (in a process that has already built the graph:",
        "no start-up). *on screen* and *smallest label*: in a 1280 x 800 window, the nodes whose centre is",
        "in the map when it opens, and the smallest of their labels in screen pixels (font size x zoom).",
        f"Target: the full graph usable within {TARGET_MS / 1000:.0f} s.",
        "",
        "| map | nodes drawn | edges drawn | file size | ready median (ms) | ready max (ms) | wall median (s) "
        "| make (s) | on screen (1280x800) | smallest label (px) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, size, t, make in rows:
        lines.append(
            f"| {name} | {t['drawn']['nodes']} | {t['drawn']['edges']} | {size / 1024:.0f} KiB | "
            f"{statistics.median(t['ready']):.0f} | {max(t['ready']):.0f} | {statistics.median(t['wall']):.2f} | "
            f"{make:.2f} | {t['labels'][0]} | {t['labels'][1]:.1f} |"
        )
    worst = max(max(t["ready"]) for _, _, t, _ in rows)
    lines += ["", f"Slowest opening: {worst:.0f} ms ({'within' if worst <= TARGET_MS else 'OVER'} the "
              f"{TARGET_MS} ms target). Build of the graph and both maps, in this process (Python start-up and "
              f"imports not included): {result.seconds:.2f} s.", ""]
    write_text(report, "\n".join(lines))
    print(f"written: {report}, {shot}")
    if worst > TARGET_MS:
        raise SystemExit(f"slowest opening {worst:.0f} ms is over the {TARGET_MS} ms target")


def _load() -> str:
    import os

    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


if __name__ == "__main__":
    main()
