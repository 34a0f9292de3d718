"""The package keeps its layers: each imports only from itself and the layers below (setup.cfg's
import-linter contracts), spaCy stays in graph.extract, plain data stays free of rdflib, no cycles."""

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_linter_contracts_are_kept():
    run = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    result = subprocess.run([sys.executable, "-c", run, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_every_package_folder_is_listed_in_setup_cfg():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(cfg["options"]["packages"].split())
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "graph").rglob("__init__.py")}
    assert folders <= listed, f"add to setup.cfg [options] packages: {sorted(folders - listed)}"
    assert {"graph._ontology", "graph._queries", "graph._corpus"} <= listed


def test_every_layer_folder_is_a_layer_of_the_contract():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    layers = {name.strip() for line in cfg["importlinter:contract:layers"]["layers"].split("\n")
              for name in line.split("|") if name.strip()}
    top = {p.name for p in (ROOT / "graph").iterdir() if (p / "__init__.py").exists()}
    top |= {p.stem for p in (ROOT / "graph").glob("*.py") if p.stem != "__init__"}
    assert top <= layers, f"give these modules a layer in setup.cfg: {sorted(top - layers)}"
