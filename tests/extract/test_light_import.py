"""spaCy imported for extraction leaves its command line out (typer, weasel, httpx), extracts as
usual, and a later ``import spacy.cli`` still finds the real command line.  In a new process:
this one has spaCy imported already."""

from __future__ import annotations

import json
import subprocess
import sys

CODE = """
import json, sys
from graph.extract.light_import import import_spacy_for_extraction
spacy = import_spacy_for_extraction()
seen = {"left out": sorted(m for m in ("typer", "weasel", "httpx", "requests") if m in sys.modules),
        "stand-ins left": sorted(m for m in sys.modules if m.startswith("spacy.cli"))}
from graph.extract.pipeline import extract
from graph.model import Report
x = extract(Report(slug="town-2026", text="2026年政府工作报告\\n推动纳鸿微球落地紫竹高新区。\\n", year="2026"))
seen["names"] = sorted(e.label for e in x.entities.values())
import spacy.cli
seen["real cli"] = hasattr(spacy.cli, "train") and callable(spacy.info)
print(json.dumps(seen, ensure_ascii=False))
"""


def test_spacy_for_extraction_leaves_its_command_line_out_and_still_extracts():
    run = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])
    assert seen["left out"] == [] and seen["stand-ins left"] == []
    assert "紫竹高新区" in seen["names"]
    assert seen["real cli"] is True
