"""The two-pass build of many reports (graph/corpus/stream.py): extractions on disk, names in memory."""

from __future__ import annotations

import glob
import tempfile
from pathlib import Path

import pytest

from graph.corpus.stream import ResolvedReports, Spill, resolve_reports
from graph.corpus.names import report_names
from graph.corpus.resolve import plan, resolve
from graph.errors import BuildError
from graph.model import Entity, Extraction, Mention, Report


def extraction(slug: str, name: str) -> Extraction:
    m = Mention(name, 0, len(name), "Project", "suffix", 0, name)
    return Extraction(Report(slug, f"推动{name}建设。", year="2026", jurisdiction="澜川镇"), [],
                      {name: Entity(name, "Project", mentions=[m])}, [], [])


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The temporary folders this process's spills make (other builds on the machine make theirs)."""
    folders: list[str] = []
    real = tempfile.TemporaryDirectory

    def recording(*args, **kwargs):
        tmp = real(*args, **kwargs)
        folders.append(tmp.name)
        return tmp

    monkeypatch.setattr("graph.corpus.stream.tempfile.TemporaryDirectory", recording)
    return folders


def test_extractions_go_to_a_temporary_folder_that_goes_with_the_spill(made):
    spill = Spill(None)
    spill.put("a", extraction("a", "澜川水厂"))
    assert len(made) == 1 and glob.glob(f"{made[0]}/extract/*/*.pickle")
    assert spill.load("a").entities.keys() == {"澜川水厂"}
    spill.close()
    assert not Path(made[0]).exists()


def test_a_held_spill_keeps_its_extraction_in_memory_and_writes_nothing(made):
    spill = Spill(None, hold=True)
    spill.put("a", extraction("a", "澜川水厂"))
    assert made == []
    assert spill.load("a").report.slug == "a"


def test_a_key_never_put_is_a_one_line_build_error():
    with pytest.raises(BuildError, match="lost an entry"):
        Spill(None).load("nothing")


def test_reading_back_resolved_gives_what_resolving_in_memory_gives():
    exs = [extraction("a-2025", "澜川水厂扩建"), extraction("b-2026", "澜川水厂扩建项目")]
    spill = Spill(None)
    for ex in exs:
        spill.put(ex.report.slug, ex)
    streamed = ResolvedReports(spill, ["a-2025", "b-2026"], plan([report_names(ex) for ex in exs]))
    in_memory = resolve(exs)
    assert [ex.entities.keys() for ex in streamed] == [ex.entities.keys() for ex in in_memory.extractions]
    assert streamed.visited
    assert streamed.resolution().to_csv() == in_memory.to_csv()
    spill.close()


def test_a_one_report_build_makes_no_temporary_folder_and_two_make_one(made):
    resolved = resolve_reports([Report("t", "推动纳鸿微球落地。\n", year="2026")])
    assert resolved[0].report.slug == "t" and made == []
    two = resolve_reports([Report("t", "推动纳鸿微球落地。\n", year="2026"), Report("u", "推动澜川水厂建设。\n", year="2026")])
    assert [ex.report.slug for ex in two] == ["t", "u"] and len(made) == 1
