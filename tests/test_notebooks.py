"""The notebooks run end to end on the bundled report, are committed without outputs, write
nothing into the repository and import only the public API (``from graph import …``).

Each notebook is executed in a real kernel (``python3``, from ipykernel) with nbclient; any cell
error fails the test.  The cell tagged ``parameters`` is given the graph the session built and a
temporary output folder, and the kernel runs in a temporary working directory.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import graph

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_analyst_sparql.ipynb", "02_investment_explorer.ipynb"]


def read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def snapshot(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()} if folder.exists() else {}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean(name):
    nb = read(name)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "clear the outputs before committing"
    assert sum("parameters" in c.metadata.get("tags", []) for c in code) == 1
    # notebooks show the package at work: they import it and define no functions or classes of their own
    source = "\n".join(c.source for c in code)
    assert "from graph import" in source
    assert "def " not in source and "class " not in source


def imports_of(source: str) -> list[tuple[str, str]]:
    """(module, name) of every import in a piece of Python; ``import x`` gives (x, "")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found += [(node.module or "", alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("name", NAMES)
def test_notebook_uses_only_the_public_api(name):
    code = "\n".join(c.source for c in read(name).cells if c.cell_type == "code")
    ours = [(module, what) for module, what in imports_of(code) if module == "graph" or module.startswith("graph.")]
    assert ours, "the notebook shows the package at work"
    internals = [f"{module}.{what}" if what else module for module, what in ours if module != "graph"]
    assert not internals, f"import these from graph (graph/__init__.py), not from its modules: {internals}"
    assert {what for _, what in ours if what} <= set(graph.__all__), "a name the public API does not have"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_end_to_end(name, built, tmp_path):
    nb = read(name)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    out = tmp_path / "out"
    params.source += f"\nTRIG = {str(built.out_dir / 'wujing.trig')!r}\nOUT = {str(out)!r}\n"
    work = tmp_path / "cwd"
    work.mkdir()
    before = snapshot(NOTEBOOKS), snapshot(ROOT / "out")
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    assert (snapshot(NOTEBOOKS), snapshot(ROOT / "out")) == before  # nothing written into the repository
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    mimes = {m for o in outputs for m in o.get("data", {})}
    assert "image/png" in mimes  # the chart
    assert "text/html" in mimes  # the tables (and the map)
    printed = "".join(o.get("text", "") for o in outputs)
    if name.startswith("01"):
        assert "银发无忧" in printed  # the sentence behind the link
    else:
        assert "宁德时代" in (out / "focus.html").read_text(encoding="utf-8")
        assert "宁德时代 ←affiliatedWith— 宁德时代未来能源研究院" in printed  # the chain
