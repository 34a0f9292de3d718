"""The build's time, as printed and as the README gives it, says whether Python start-up is in it."""

from __future__ import annotations

import re
from pathlib import Path

from graph.cli.build import print_summary

README = Path(__file__).resolve().parents[2] / "README.md"
SUMMARY = {"reports": 1, "entities": {"Park": 2}, "relations": {"locatedIn": 1}, "triples": 9, "graphs": 2,
           "seconds": 1.5}


def test_the_time_a_build_prints_says_start_up_is_not_in_it(capsys):
    print_summary(SUMMARY, None)
    line = capsys.readouterr().out.splitlines()[-1]
    assert line == "time: 1.50 s (the build; Python start-up and imports not included)"


def test_every_build_time_in_the_readme_says_whether_start_up_is_in_it():
    paragraphs = re.split(r"\n\s*\n", README.read_text(encoding="utf-8"))
    timed = [p for p in paragraphs if re.search(r"builds? in [\d.–]+ s|time taken by the build", p)]
    assert len(timed) >= 2  # what `build` prints, and the benchmark's summary
    for paragraph in timed:
        assert "start-up" in paragraph, paragraph[:200]
