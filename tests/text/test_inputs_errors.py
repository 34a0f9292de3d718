"""Bad input gets one line naming the file and the problem, a non-zero exit status, no traceback.

Every case here is a row of the table in ``docs/robustness.md``, and the table says word for word
what the user sees: each case checks its row, and every row names a case or a test.
"""

from __future__ import annotations

import random
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph.text.readers.limits
import graph.validate.conformance
import graph.validate.ontology
from graph.rdf.turtle import read_turtle
from graph.build import build
from graph.errors import BuildError
from graph.resources import DEFAULT_REPORT
from graph.cli import main

import bombs
from inputs_helpers import cjk_font, make_docx, make_pdf, report_lines

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "robustness.md"
SMALL = "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等26家企业。\n"

#: case name -> function(tmp_path, monkeypatch) that makes the bad input and returns the build arguments
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def small_pdf(path: Path, **kw) -> Path:
    font, index = cjk_font()
    return make_pdf(path, report_lines()[:12], font, index, **kw)


@case
def missing_file(tmp, mp):
    return ["nope.txt"]


@case
def folder_without_reports(tmp, mp):
    (tmp / "reports").mkdir()
    (tmp / "reports" / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp / "reports" / "readme.md").write_text("# notes", encoding="utf-8")
    return ["reports"]


@case
def empty_file(tmp, mp):
    (tmp / "empty.txt").write_bytes(b"")
    return ["empty.txt"]


@case
def blank_file(tmp, mp):
    (tmp / "blank.txt").write_text(" \n\u3000\u3000\r\n\t\n", encoding="utf-8")
    return ["blank.txt"]


@case
def random_bytes(tmp, mp):
    (tmp / "random.txt").write_bytes(random.Random(6).randbytes(4096))
    return ["random.txt"]


@case
def image_renamed_txt(tmp, mp):
    (tmp / "photo.txt").write_bytes(png_bytes())
    return ["photo.txt"]


@case
def pdf_renamed_txt(tmp, mp):
    small_pdf(tmp / "report.txt")
    return ["report.txt"]


@case
def undecodable_bytes(tmp, mp):
    raw = DEFAULT_REPORT.read_bytes()
    (tmp / "broken.txt").write_bytes(raw[:3000] + b"\xff" + raw[3000:])
    return ["broken.txt"]


@case
def wrong_forced_encoding(tmp, mp):
    (tmp / "gbk.txt").write_bytes(SMALL.encode("gbk"))
    return ["gbk.txt", "--encoding", "utf-8"]


@case
def unknown_encoding(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    return ["small.txt", "--encoding", "klingon"]


@case
def truncated_pdf(tmp, mp):
    raw = small_pdf(tmp / "whole.pdf").read_bytes()
    (tmp / "truncated.pdf").write_bytes(raw[: len(raw) // 2])
    return ["truncated.pdf"]


@case
def password_protected_pdf(tmp, mp):
    small_pdf(tmp / "secret.pdf", password="1234")
    return ["secret.pdf"]


@case
def scanned_pdf_without_text(tmp, mp):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160, style="F")  # a page that is only a picture
    pdf.output(str(tmp / "scan.pdf"))
    return ["scan.pdf"]


@case
def text_renamed_pdf(tmp, mp):
    (tmp / "fake.pdf").write_text(SMALL, encoding="utf-8")
    return ["fake.pdf"]


@case
def docx_that_is_a_zip_of_something_else(tmp, mp):
    with zipfile.ZipFile(tmp / "fake.docx", "w") as zf:
        zf.writestr("data.csv", "a,b\n1,2\n")
        zf.writestr("photo.png", png_bytes())
    return ["fake.docx"]


@case
def docx_that_is_not_a_zip(tmp, mp):
    (tmp / "notzip.docx").write_text(SMALL, encoding="utf-8")
    return ["notzip.docx"]


@case
def encrypted_or_old_word_file_named_docx(tmp, mp):
    (tmp / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return ["locked.docx"]


@case
def old_doc_file(tmp, mp):
    (tmp / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return ["report.doc"]


@case
def report_of_50_mb(tmp, mp):
    with open(tmp / "huge.txt", "wb") as fh:
        fh.truncate(50 * 2**20)  # sparse: the size is checked before anything is read
    return ["huge.txt"]


@case
def too_many_characters(tmp, mp):
    sentence = "依托上海市养老科技产业园，引进银发无忧等企业。\n"  # 24 characters
    (tmp / "long.txt").write_text(sentence * 45_000, encoding="utf-8")
    return ["long.txt"]


@case
def line_of_1_mb_without_punctuation(tmp, mp):
    chars = [c for c in DEFAULT_REPORT.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"]
    line = "".join(chars[i % len(chars)] for i in range(2**20 // 3))  # 1 MB of UTF-8
    (tmp / "line.txt").write_text("吴泾镇人民政府2026年工作报告\n" + line + "\n", encoding="utf-8")
    return ["line.txt"]


@case
def text_in_english(tmp, mp):
    text = "Wujing Town Government Work Report 2026\nWe attracted 26 companies to the elderly-care park.\n"
    (tmp / "english.txt").write_text(text, encoding="utf-8")
    return ["english.txt"]


@case
def text_in_japanese(tmp, mp):
    text = "呉涇鎮人民政府2026年活動報告\n上海市の養老科学技術産業園を拠点として、26社の企業を誘致しました。\n"
    (tmp / "japanese.txt").write_text(text, encoding="utf-8")
    return ["japanese.txt"]


@case
def mostly_english_with_a_little_chinese(tmp, mp):
    text = "Wujing Town (吴泾镇) Government Work Report 2026. We attracted 26 companies to the park.\n"
    (tmp / "mixed.txt").write_text(text, encoding="utf-8")
    return ["mixed.txt"]


@case
def two_inputs_with_the_same_name(tmp, mp):
    (tmp / "reports").mkdir()
    (tmp / "reports" / "wujing.txt").write_text(SMALL, encoding="utf-8")
    make_docx(tmp / "reports" / "wujing.docx", SMALL.splitlines())
    return ["reports"]


@case
def out_is_not_writable(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    (tmp / "blocker").write_text("a file where the output folder's parent should be", encoding="utf-8")
    return ["small.txt", "--out", "blocker/out"]


def _broken_turtle(tmp: Path, name: str) -> Path:
    path = tmp / name
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nwj:Park a sh:NodeShape ;\n", encoding="utf-8")
    return Path(name)  # relative: the message names it as the user would


@case
def malformed_shapes_file(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    bad = _broken_turtle(tmp, "shapes.ttl")
    real = graph.validate.ontology.load_shapes
    # only ontology/shapes.ttl (the default) is broken; the indicator shapes load as usual
    mp.setattr(graph.validate.conformance, "load_shapes", lambda *a: real(*a) if a else read_turtle(bad))
    return ["small.txt"]


@case
def malformed_ontology_file(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    bad = _broken_turtle(tmp, "wujing.ttl")
    real = graph.validate.ontology.load_ontology
    mp.setattr(graph.validate.conformance, "load_ontology", lambda *a: real(*a) if a else read_turtle(bad))
    return ["small.txt"]


@case
def malformed_indicator_shapes_file(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    mp.setattr(graph.validate.conformance, "INDICATOR_SHAPES", _broken_turtle(tmp, "indicator-shapes.ttl"))
    return ["small.txt"]



# Inputs that cost far more to parse than their size (graph/text/readers/limits.py)

@case
def sidecar_alias_bomb(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    (tmp / "small.meta.yaml").write_text(bombs.alias_bomb(), encoding="utf-8")  # 387 million strings
    return ["small.txt"]


@case
def sidecar_nested_5000_deep(tmp, mp):
    (tmp / "small.txt").write_text(SMALL, encoding="utf-8")
    (tmp / "small.meta.yaml").write_text(bombs.nested_yaml(5000), encoding="utf-8")
    return ["small.txt"]


@case
def docx_zip_bomb(tmp, mp):
    bombs.docx_bomb(tmp / "bomb.docx", unpacked_mb=20)
    return ["bomb.docx"]


@case
def docx_past_the_unpacked_cap(tmp, mp):
    mp.setattr(graph.text.readers.limits, "MAX_ZIP_UNPACKED_BYTES", 2**20)  # 1 MB instead of 512 MB
    bombs.docx_bomb(tmp / "big.docx", unpacked_mb=2)
    return ["big.docx"]


@case
def docx_of_10001_parts(tmp, mp):
    with zipfile.ZipFile(tmp / "parts.docx", "w") as zf:
        for i in range(10_001):
            zf.writestr(f"p/{i}", b"")
    return ["parts.docx"]


@case
def pdf_bomb(tmp, mp):
    bombs.pdf_bomb(tmp / "bomb.pdf", unpacked_mb=40)
    return ["bomb.pdf"]


@case
def html_nested_100000_deep(tmp, mp):
    (tmp / "deep.html").write_text(bombs.nested_html(100_000), encoding="utf-8")
    return ["deep.html"]


@case
def html_of_250000_tags(tmp, mp):
    (tmp / "tags.html").write_text(bombs.flat_html(250_000), encoding="utf-8")
    return ["tags.html"]


def run_case(name: str, tmp_path: Path, monkeypatch) -> tuple[int, list[str], BaseException | None]:
    monkeypatch.chdir(tmp_path)
    args = CASES[name](tmp_path, monkeypatch)
    if "--out" not in args:
        args += ["--out", "out"]
    result = CliRunner().invoke(main, ["build", *args])
    lines = [line for line in result.output.splitlines() if line.strip()]
    return result.exit_code, lines, result.exception


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_one_line_naming_the_problem_and_exit_1(name, tmp_path, monkeypatch):
    code, lines, exception = run_case(name, tmp_path, monkeypatch)
    assert code == 1, lines
    assert isinstance(exception, SystemExit), exception  # anything else would be a traceback
    assert len(lines) == 1, lines
    assert lines[0].startswith("wujing-kg: error: ")
    assert not (tmp_path / "out" / "wujing.ttl").exists()  # nothing half-built is left behind
    assert (lines[0], str(code)) == doc_table().get(name), "docs/robustness.md says otherwise"


def doc_table() -> dict[str, tuple[str, str]]:
    """Rows of the tables in docs/robustness.md: case or test name -> (what the user sees, exit status)."""
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and (m := re.fullmatch(r"`(\w+)`", cells[0])):
            rows[m.group(1)] = (cells[2].strip("`") if len(cells) > 2 else "", cells[3] if len(cells) > 3 else "")
    return rows


def test_every_case_is_in_the_robustness_table():
    missing = sorted(set(CASES) - set(doc_table()))
    assert not missing, f"cases not in docs/robustness.md: {missing}"


def test_every_row_of_the_robustness_table_is_a_test():
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    for name in doc_table():
        assert name in CASES or f"def {name}(" in sources, f"docs/robustness.md row {name!r} has no test"


def test_out_that_is_a_file_is_refused_by_the_option_check(tmp_path):
    (tmp_path / "out.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(DEFAULT_REPORT), "--out", str(tmp_path / "out.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].endswith("is a file.")


def test_debug_option_shows_the_traceback_both_ways(tmp_path):
    for args in (["--debug", "build", "nope.txt"], ["build", "--debug", "nope.txt"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert isinstance(result.exception, BuildError)  # raised, so Python prints the traceback


def test_build_graph_script_with_debug_prints_a_traceback(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "--debug", "nope.txt", "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "nope.txt: file not found" in proc.stderr


def test_build_graph_script_without_debug_prints_one_line(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "nope.txt", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "wujing-kg: error: nope.txt: file not found"


def test_library_raises_build_error_with_the_same_message(tmp_path):
    with pytest.raises(BuildError, match=r"nope\.txt: file not found"):
        build([tmp_path / "nope.txt"], out_dir=None)


def test_malformed_rq_file_gives_one_line(built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.rq").write_text("PREFIX wj: <https://w3id.org/wujing-kg/ontology#>\nSELECT ?s WHERE { ?s a wj:Park\n",
                              encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "--file", "bad.rq", "-g", str(built.out_dir / "wujing.trig")])
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert isinstance(result.exception, SystemExit), result.exception
    assert (lines, str(result.exit_code)) == ([doc_table()["test_malformed_rq_file_gives_one_line"][0]],
                                              doc_table()["test_malformed_rq_file_gives_one_line"][1])
