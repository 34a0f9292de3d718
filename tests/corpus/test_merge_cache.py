"""Incremental builds: the extraction cache (graph/cache.py) and the process pool (graph/batch.py)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import graph.corpus.batch
import graph.corpus.cache
from graph.build import build
from graph.text.metadata import read_report
from graph.corpus.cache import ExtractionCache, cache_key, extractor_files

# fmt: off
TEXTS = {
    "town-a-2025": "甲镇人民政府2025年工作报告\n一、2024年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等12家企业。\n",
    "town-b-2025": "乙镇人民政府2025年工作报告\n一、2024年工作回顾\n华东师大与奥锐特等5个校企合作项目落地。推动航电基地一期项目开工。\n",
    "town-c-2025": "丙镇人民政府2025年工作报告\n一、2024年工作回顾\n中航机载低空选型中心落地金领谷产业园。\n",
}
# fmt: on


def write(folder: Path, names) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        (folder / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
        paths.append(folder / f"{name}.txt")
    return paths


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The slugs of the reports actually extracted (not taken from the cache)."""
    calls: list[str] = []
    real = graph.corpus.batch._extract

    def extract(job):
        calls.append(job[0].slug)
        return real(job)

    monkeypatch.setattr(graph.corpus.batch, "_extract", extract)
    return calls


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("wujing.trig", "wujing.ttl", "entities.csv", "resolution.csv")}


def test_adding_a_report_extracts_only_the_new_one(tmp_path, counted):
    cache = tmp_path / "cache"
    inputs = write(tmp_path / "in", ["town-a-2025", "town-b-2025"])
    build(inputs, out_dir=tmp_path / "out1", cache_dir=cache, validate_shapes=False)
    assert sorted(counted) == ["town-a-2025", "town-b-2025"]
    inputs += write(tmp_path / "in", ["town-c-2025"])
    counted.clear()
    build(inputs, out_dir=tmp_path / "out2", cache_dir=cache, validate_shapes=False)
    assert counted == ["town-c-2025"]
    build(inputs, out_dir=tmp_path / "fresh", validate_shapes=False)  # no cache at all
    assert files(tmp_path / "out2") == files(tmp_path / "fresh")


def test_changing_a_report_extracts_it_again_and_only_it(tmp_path, counted):
    cache = tmp_path / "cache"
    inputs = write(tmp_path / "in", ["town-a-2025", "town-b-2025"])
    build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    inputs[1].write_text(TEXTS["town-b-2025"] + "推动航电基地二期项目开工。\n", encoding="utf-8")
    counted.clear()
    result = build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    assert counted == ["town-b-2025"]
    assert "航电基地二期" in result.extractions[1].entities


def test_a_new_extractor_version_extracts_everything_again(tmp_path, counted, monkeypatch):
    cache = tmp_path / "cache"
    inputs = write(tmp_path / "in", ["town-a-2025", "town-c-2025"])
    build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    monkeypatch.setattr(graph.corpus.cache, "extractor_version", lambda: "a-changed-extractor")
    counted.clear()
    build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    assert sorted(counted) == ["town-a-2025", "town-c-2025"]


def test_the_extractor_version_covers_the_code_the_lexicon_and_the_text_splitter():
    names = {p.name for p in extractor_files()}
    assert {"pipeline.py", "components.py", "relations.py", "lexicon.tsv", "sentences.py", "model.py"} <= names


def test_metadata_is_part_of_the_key(tmp_path):
    report = read_report(write(tmp_path, ["town-a-2025"])[0])
    from dataclasses import replace

    assert cache_key(report, True) != cache_key(replace(report, year="2026"), True)
    assert cache_key(report, True) != cache_key(report, False)
    assert cache_key(report, True) == cache_key(replace(report), True)


def test_an_unreadable_cache_entry_is_a_miss_not_an_error(tmp_path, counted):
    cache = tmp_path / "cache"
    inputs = write(tmp_path / "in", ["town-c-2025"])
    build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    (entry,) = (cache / "extract").rglob("*.pickle")
    entry.write_bytes(pickle.dumps("not an extraction")[:7])
    counted.clear()
    result = build(inputs, out_dir=None, cache_dir=cache, validate_shapes=False)
    assert counted == ["town-c-2025"]
    assert "中航机载低空选型中心" in result.extractions[0].entities
    assert ExtractionCache(cache).get(entry.stem) is not None  # written again


def test_a_parallel_build_writes_the_same_bytes_as_a_sequential_one(tmp_path):
    inputs = write(tmp_path / "in", list(TEXTS))
    one = build(inputs, out_dir=tmp_path / "one", jobs=1, validate_shapes=False)
    two = build(inputs, out_dir=tmp_path / "two", jobs=2, validate_shapes=False)
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert [ex.report.slug for ex in two.extractions] == [ex.report.slug for ex in one.extractions]


def test_parallel_map_keeps_the_input_order():
    from graph.corpus.batch import parallel_map

    assert parallel_map(abs, [-3, 1, -2, 5], jobs=2) == [3, 1, 2, 5]
    assert parallel_map(abs, [], jobs=2) == []


def test_the_cli_caches_in_the_output_folder_and_can_be_told_not_to(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    inputs = [str(p) for p in write(tmp_path / "in", ["town-a-2025"])]
    ok = CliRunner().invoke(main, ["build", *inputs, "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert ok.exit_code == 0, ok.output
    assert len(list((tmp_path / "out" / ".cache" / "extract").rglob("*.pickle"))) == 1
    ok = CliRunner().invoke(main, ["build", *inputs, "--out", str(tmp_path / "bare"), "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert not (tmp_path / "bare" / ".cache").exists()
    assert files(tmp_path / "out") == files(tmp_path / "bare")


def test_with_oxigraph_a_new_report_is_the_only_one_turned_into_rdf(tmp_path, monkeypatch):
    import graph.store.load

    calls: list[str] = []
    real = graph.store.load._report_nquads

    def to_rdf(job):
        calls.append(job[0].report.slug)
        return real(job)

    monkeypatch.setattr(graph.store.load, "_report_nquads", to_rdf)
    cache = tmp_path / "cache"
    inputs = write(tmp_path / "in", ["town-a-2025", "town-b-2025"])
    build(inputs, out_dir=tmp_path / "out1", cache_dir=cache, store="oxigraph")
    assert sorted(calls) == ["town-a-2025", "town-b-2025"]
    inputs += write(tmp_path / "in", ["town-c-2025"])
    calls.clear()
    build(inputs, out_dir=tmp_path / "out2", cache_dir=cache, store="oxigraph")
    assert calls == ["town-c-2025"]
    build(inputs, out_dir=tmp_path / "fresh", store="oxigraph")
    for name in ("wujing.trig", "wujing.ttl", "entities.csv"):
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()


def test_the_rdf_key_follows_the_resolved_extraction_not_the_order_of_its_sets(tmp_path):
    from dataclasses import replace

    from graph.corpus.cache import rdf_key
    from graph.extract.pipeline import extract

    ex = extract(read_report(write(tmp_path, ["town-b-2025"])[0]))
    again = replace(ex, entities={n: replace(e, aliases=set(sorted(e.aliases, reverse=True))) for n, e in ex.entities.items()})
    assert rdf_key(ex, None, True) == rdf_key(again, None, True)
    assert rdf_key(ex, None, True) != rdf_key(ex, None, False)
    renamed = replace(ex, milestones=[replace(m, planned=not m.planned) for m in ex.milestones])
    assert rdf_key(ex, None, True) != rdf_key(renamed, None, True)
