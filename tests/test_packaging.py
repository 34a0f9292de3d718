"""``pip install .`` (not editable) gives a package that works without the checkout.

The package is installed with pip into a temporary folder (``--target``, its dependencies taken from
the running environment) and run from another working directory by an interpreter that does not see
the checkout (``python -S``: not even the editable install's import hook).  It builds the bundled
report, lists and runs the query library, loads the trained model, and an audit hook records every
file it opens: none may be a file of the checkout.  The installed tree must hold every file of the
package's folders in the checkout, so that a data file ``setup.cfg`` forgets fails here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The repository's folders installed inside the package (setup.cfg's package_dir), with the files
#: of each that are package data; the rest (corpus/reports/, corpus/README.md) stay in the repository.
MAPPED = {"ontology": ("graph/_ontology", "*"), "queries": ("graph/_queries", "*"),
          "corpus": ("graph/_corpus", "*.txt")}
#: What pip reads from the top of the repository to build the package.
PROJECT_FILES = ("setup.cfg", "setup.py", "pyproject.toml", "MANIFEST.in", "README.md")
#: Data files the probe's commands must read from the install: the extractor's word lists and
#: families, the trained model, the text's parts and divisions, the maps' template and assets, the
#: ontology and shapes, a query of the library and the bundled report.
READ_FROM_INSTALL = (
    "graph/extract/families.tsv", "graph/extract/stages.tsv", "graph/extract/lexicon.tsv",
    "graph/extract/indicators.tsv", "graph/extract/model/names/meta.json", "graph/extract/model/names/ner/model",
    "graph/text/parts.tsv", "graph/text/divisions.tsv",
    "graph/maps/templates/map.html", "graph/maps/assets/map.js", "graph/maps/assets/map.css",
    "graph/_ontology/wujing.ttl", "graph/_ontology/shapes.ttl", "graph/_ontology/industries.ttl",
    "graph/_queries/entities_by_class.rq", "graph/_corpus/wujing-2026.txt",
)


def _files(folder: Path, pattern: str = "*", recursive: bool = True) -> set[Path]:
    found = folder.rglob(pattern) if recursive else folder.glob(pattern)
    return {p.relative_to(folder) for p in found if p.is_file() and "__pycache__" not in p.parts}


def package_files_of_checkout() -> set[str]:
    """Where each file of the checkout's package goes in an install: ``graph/…``, ``graph/_ontology/…``."""
    files = {f"graph/{p.as_posix()}" for p in _files(ROOT / "graph")}
    for folder, (target, pattern) in MAPPED.items():
        own = _files(ROOT / folder, pattern, recursive=False) | {Path("__init__.py")}
        files |= {f"{target}/{p.as_posix()}" for p in own}
    return files


def _copy_sources(dest: Path) -> Path:
    """What ``pip install .`` reads, copied, so that pip's build folders land in ``dest``, not in the checkout."""
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ["graph", *MAPPED]:
        if folder in MAPPED:  # only the files that are package data: corpus/reports/ is 8 MB of reports
            (dest / folder).mkdir(parents=True)
            for rel in _files(ROOT / folder, MAPPED[folder][1], recursive=False) | {Path("__init__.py")}:
                shutil.copy2(ROOT / folder / rel, dest / folder / rel)
        else:
            shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)
    for name in PROJECT_FILES:
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package as ``pip install --target`` installs it (a wheel built from the sources, not editable)."""
    base = tmp_path_factory.mktemp("packaging")
    source, target = _copy_sources(base / "source"), base / "installed"
    run = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                          "--no-deps", "--no-build-isolation", "--no-index", "--no-compile",
                          "--target", str(target), str(source)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, ("pip could not install the package (building a wheel needs `wheel`, "
                                 "a test extra):\n" + run.stdout[-2000:] + run.stderr[-3000:])
    return target


def run_isolated(installed: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """``python -S`` with the installed package and the environment's libraries, nothing else, in ``cwd``."""
    libraries = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), *libraries])}
    env.pop("PYTHONHOME", None)
    return subprocess.run([sys.executable, "-S", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


# Runs in the isolated interpreter: the commands a newcomer runs first, every file opened recorded.
PROBE = r"""
import json, os, sys, traceback
opened = set()

def audit(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))

sys.addaudithook(audit)
from click.testing import CliRunner
import graph
from graph.cli import main
from graph.extract.trained import load_model

out = sys.argv[1]
commands = [["build", "--out", out], ["query", "--list"], ["query", "-g", out, "entities_by_class", "--format", "csv"]]
runs = [CliRunner().invoke(main, args) for args in commands]
names = [(e.text, e.label_) for e in load_model()("引进华东师范大学").ents]
print(json.dumps({
    "graph": graph.__file__,
    "runs": [[" ".join(args), r.exit_code, r.output + "".join(traceback.format_exception(r.exception) if r.exit_code else [])]
             for args, r in zip(commands, runs)],
    "names": names,
    "opened": sorted(opened),
    "modules": sorted(os.path.realpath(m.__file__) for m in list(sys.modules.values()) if getattr(m, "__file__", None)),
    "path": [os.path.realpath(p) for p in sys.path if p],
}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def probe(installed, tmp_path_factory) -> dict:
    """What the installed package did when run from another folder (see :data:`PROBE`)."""
    work = tmp_path_factory.mktemp("elsewhere")
    run = run_isolated(installed, ["-c", PROBE, str(work / "out")], cwd=work)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.splitlines()[-1])
    report["out"] = work / "out"
    return report


def _inside(path: str, folder: Path) -> bool:
    return Path(path).is_relative_to(folder.resolve())


def test_the_installed_package_holds_every_file_of_the_checkouts_package(installed):
    expected = package_files_of_checkout()
    got = {f"graph/{p.as_posix()}" for p in _files(installed / "graph")}
    missing, extra = sorted(expected - got), sorted(got - expected)
    assert not missing, f"not installed: list them in setup.cfg [options.package_data]: {missing}"
    assert not extra, f"installed but not in the checkout: {extra}"
    assert {"graph/extract/families.tsv", "graph/maps/templates/map.html", "graph/_queries/funds.rq",
            "graph/extract/model/names/meta.json", "graph/_corpus/wujing-2026.txt"} <= got


def test_the_installed_package_builds_and_queries_from_another_folder(installed, probe):
    assert _inside(probe["graph"], installed)
    (build, listing, rows) = probe["runs"]
    assert build[1] == 0, build
    assert f"written to: {probe['out']}" in build[2]
    assert {"wujing.trig", "wujing.ttl", "entities.csv", "maps", "exports"} <= {p.name for p in probe["out"].iterdir()}
    assert "park_cluster.html" in {p.name for p in (probe["out"] / "maps").iterdir()}
    assert listing[1] == 0, listing
    assert {p.stem for p in (ROOT / "queries").glob("*.rq")} <= set(listing[2].split()), "the library, listed"
    assert rows[1] == 0 and "https://w3id.org/wujing-kg/ontology#Enterprise" in rows[2], rows
    assert ("华东师范大学", "University") in [tuple(n) for n in probe["names"]]  # the trained model, installed


def test_the_installed_package_reads_nothing_of_the_checkout(installed, probe):
    venv = Path(sys.prefix).resolve()  # the environment's libraries may live inside the checkout (.venv/)

    def of_checkout(path: str) -> bool:
        return _inside(path, ROOT) and not _inside(path, venv)

    assert not [p for p in probe["path"] if Path(p) == ROOT.resolve()], "the checkout is on sys.path"
    assert not [m for m in probe["modules"] if of_checkout(m)], "modules imported from the checkout"
    assert not [p for p in probe["opened"] if of_checkout(p)], "files of the checkout were opened"


def test_the_installed_package_reads_its_own_data_files(installed, probe):
    opened = {Path(p).relative_to(installed.resolve()).as_posix() for p in probe["opened"] if _inside(p, installed)}
    unread = sorted(set(READ_FROM_INSTALL) - opened)
    assert not unread, f"not read from the installed package: {unread}"


def test_the_installed_console_script_runs(installed, tmp_path):
    entry_points = next(installed.glob("wujing_kg-*.dist-info")) / "entry_points.txt"
    assert "wujing-kg = graph.cli:run" in entry_points.read_text(encoding="utf-8")
    run = subprocess.run([str(installed / "bin" / "wujing-kg"), "--version"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(installed)})
    assert run.returncode == 0 and run.stdout.startswith("wujing-kg "), run.stderr
