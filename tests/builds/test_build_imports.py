"""What the bundled build loads: not the libraries that only some commands or inputs need, since each
import is CPU the main command spends on every run (docs/benchmarks.md, "Bundled build against its
imports")."""

from __future__ import annotations

import json
import subprocess
import sys

#: Needed by some inputs, commands or tests, never by ``wujing-kg build`` of the bundled report:
#: scipy (PageRank and the maps' layout are computed with numpy), pyshacl (only for shapes the SHACL
#: compiler does not know), the readers of other formats, the notebook's plotting, Dask.
NOT_FOR_THE_BUNDLED_BUILD = ("scipy", "pyshacl", "matplotlib", "pandas", "pdfplumber", "docx", "bs4",
                             "openpyxl", "dask", "distributed", "playwright")


def test_bundled_build_loads_none_of_the_libraries_it_does_not_use(tmp_path):
    code = ("import json, sys\nfrom graph.cli import main\n"
            f"rc = main(['build', '--no-cache', '--jobs', '1', '--out', {str(tmp_path / 'out')!r}], standalone_mode=False)\n"
            "print(json.dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    loaded = {m.split(".")[0] for m in json.loads(run.stdout.splitlines()[-1])}
    assert (tmp_path / "out" / "exports" / "analytics.trig").exists()  # the measures were computed
    assert "spacy" in loaded and "networkx" in loaded
    assert not loaded & set(NOT_FOR_THE_BUNDLED_BUILD), sorted(loaded & set(NOT_FOR_THE_BUNDLED_BUILD))
