"""Reports as users download them: other encodings, Word, PDF, web pages, folders.

Each test makes a real file from the bundled report and checks that it reads to the same text (or
that the same entities come out) as the UTF-8 original.
"""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from graph.build import build
from graph.resources import DEFAULT_REPORT
from graph.cli import main
from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.readers import expand_inputs, read_text
from graph.text.readers.pdf import Line, Page, paragraphs, strip_furniture
from graph.text.readers.web import read_html
from graph.text.clean import clean
from graph.text.metadata import read_metadata
from graph.text.sentences import split_sentences

from inputs_helpers import (
    TRADITIONAL_SAMPLE,
    cjk_font,
    make_docx,
    make_html,
    make_pdf,
    report_lines,
    truetype_cjk,
)

RUNNING_HEADER = "吴泾镇人民政府2026年工作报告"


@pytest.fixture(scope="module")
def reference() -> str:
    """The bundled report read from its UTF-8 file."""
    return read_text(DEFAULT_REPORT)


def paragraphs_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def entity_names(text: str) -> set[str]:
    return set(extract(Report(slug="r", text=text, year=read_metadata(text)["year"])).entities)




# --- text files in other encodings -------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_report_in_another_encoding_reads_to_the_same_text(encoding, reference, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(DEFAULT_REPORT.read_text(encoding="utf-8").encode(encoding))
    assert read_text(path) == reference


@pytest.mark.parametrize("encoding", ["gbk", "gb2312"])
def test_report_in_gbk_or_gb2312_reads_to_the_same_text(encoding, tmp_path):
    # GBK and GB2312 lack a few characters of the report (the katakana dot ・, and for GB2312 some
    # rarer hanzi): a file in them has a near neighbour or nothing there, as its UTF-8 twin does.
    original = DEFAULT_REPORT.read_text(encoding="utf-8").replace("・", "·")
    narrow = original.encode(encoding, errors="ignore")
    twin = tmp_path / "utf8.txt"
    twin.write_text(narrow.decode(encoding), encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(narrow)
    assert len(narrow.decode(encoding)) > 0.99 * len(original)
    assert read_text(path) == read_text(twin)


def test_gb18030_report_with_windows_line_ends_gives_the_same_entities(extraction, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(DEFAULT_REPORT.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    text = read_text(path)
    assert "\r" not in text
    assert entity_names(text) == set(extraction.entities)


def test_full_width_digits_give_the_same_text(reference, tmp_path):
    original = DEFAULT_REPORT.read_text(encoding="utf-8")
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in original)
    assert wide != original
    path = tmp_path / "wide.txt"
    path.write_text(wide, encoding="utf-8")
    assert read_text(path) == reference


def test_big5_traditional_report_reads_like_its_utf8_version(tmp_path):
    # Big5 has no simplified characters: the sample is written in traditional characters.  (The
    # extractor's patterns are simplified Chinese: it finds little in traditional text.)
    big5, utf8 = tmp_path / "big5.txt", tmp_path / "utf8.txt"
    big5.write_bytes(TRADITIONAL_SAMPLE.encode("big5"))
    utf8.write_text(TRADITIONAL_SAMPLE, encoding="utf-8")
    text = read_text(big5)
    assert text == read_text(utf8)
    assert "依託上海市養老科技產業園，引進銀髮無憂" in text


def test_encoding_option_forces_the_encoding(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL_SAMPLE.encode("big5"))
    assert read_text(path, encoding="big5") == read_text(path)
    # the same bytes forced through GB18030 decode, but into other characters
    assert read_text(path, encoding="gb18030") != read_text(path)


def test_build_command_accepts_encoding(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL_SAMPLE.encode("big5"))
    result = CliRunner().invoke(main, ["build", str(path), "--encoding", "big5", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "reports: 1" in result.output


# --- Word -----------------------------------------------------------------------------------

def test_docx_reads_to_the_same_paragraphs_with_headings_as_section_lines(reference, tmp_path):
    path = make_docx(tmp_path / "report.docx", report_lines())
    text = read_text(path)
    assert paragraphs_of(text) == paragraphs_of(reference)
    sections = {(s.text, s.section, s.period) for s in split_sentences(text, "2026")}
    assert sections == {(s.text, s.section, s.period) for s in split_sentences(reference, "2026")}


def test_docx_table_rows_become_lines(tmp_path):
    table = [["企业", "所在园区"], ["银发无忧", "上海市养老科技产业园"], ["中顺洁柔", "上海市养老科技产业园"]]
    path = make_docx(tmp_path / "t.docx", ["吴泾镇2026年重点企业", "一、企业名单"], table=table)
    lines = read_text(path).splitlines()
    assert "银发无忧 上海市养老科技产业园" in lines  # cells joined by a tab, which cleaning makes a space
    assert lines.index("一、企业名单") < lines.index("企业 所在园区")


def test_docx_automatic_heading_numbers_are_written_out(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("2025年工作回顾", 0), ("聚力经济提质", 1), ("聚焦产业发展", 1), ("2026年工作安排", 0), ("抓项目", 1)]:
        p = document.add_heading(text, level=level + 1)
        num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        p._p.get_or_add_pPr().append(num_pr)
    document.add_paragraph("航电基地一期项目竣工。")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    lines = read_text(path).splitlines()
    assert lines[:5] == ["一、2025年工作回顾", "（一）聚力经济提质", "（二）聚焦产业发展", "二、2026年工作安排", "（一）抓项目"]
    assert split_sentences(read_text(path), "2026")[-1].period == "2026"


# --- PDF ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_files(tmp_path_factory):
    """The bundled report as two real PDFs with running headers and page numbers: one set in Noto CJK
    (OpenType/CFF, read through pdfium) and one in a TrueType conversion of it (read by pdfplumber)."""
    d = tmp_path_factory.mktemp("pdf")
    lines = report_lines()
    font, index = cjk_font()
    ttf = truetype_cjk(d / "noto-cjk-subset.ttf", "\n".join(lines) + RUNNING_HEADER)
    return {
        "opentype": make_pdf(d / "opentype.pdf", lines, font, index, running_header=RUNNING_HEADER),
        "truetype": make_pdf(d / "truetype.pdf", lines, ttf, running_header=RUNNING_HEADER),
    }


@pytest.mark.parametrize("kind", ["opentype", "truetype"])
def test_pdf_reads_back_into_the_report_paragraphs(kind, pdf_files, reference):
    text = read_text(pdf_files[kind])
    assert "- 2 -" not in text and "- 3 -" not in text  # page numbers gone
    # the running header is gone; the title line of the report itself stays, once
    assert paragraphs_of(text) == paragraphs_of(reference)


def test_pdf_gives_the_same_entities_as_the_text(pdf_files, extraction):
    assert entity_names(read_text(pdf_files["truetype"])) == set(extraction.entities)


def test_pdf_has_several_pages_and_both_readers_are_used(pdf_files):
    import pdfplumber

    from graph.text.readers.pdf import _readable, _pdfplumber_pages

    with pdfplumber.open(pdf_files["opentype"]) as pdf:
        assert len(pdf.pages) >= 4
    assert not _readable(_pdfplumber_pages(pdf_files["opentype"], 10**7))  # pdfminer sees no text: pdfium reads it
    assert _readable(_pdfplumber_pages(pdf_files["truetype"], 10**7))


def test_pdf_lines_join_into_paragraphs_chinese_without_spaces_latin_with_one():
    page = Page([
        Line("（一）聚力经济提质", 72, 200, 0, 10),
        Line("依托华东师范大学和Shanghai Jiao", 72, 500, 14, 10),
        Line("Tong University，建成产业园。", 72, 300, 28, 10),
        Line("全年完成财政总收入142", 82, 500, 42, 10),  # indented: a new paragraph
        Line("亿元。", 72, 110, 56, 10),
    ])
    assert paragraphs([page]) == [
        "（一）聚力经济提质",
        "依托华东师范大学和Shanghai Jiao Tong University，建成产业园。",
        "全年完成财政总收入142亿元。",
    ]


def test_a_numbered_heading_after_a_full_line_ending_a_sentence_starts_a_paragraph():
    page = Page([Line("完成全年目标任务。", 72, 500, 0, 10), Line("二、2026年工作安排", 72, 500, 14, 10)])
    assert paragraphs([page]) == ["完成全年目标任务。", "二、2026年工作安排"]


@pytest.mark.parametrize("footer", ["- 3 -", "第3页 共9页", "3/9", "3", "Page 3 of 9"])
def test_page_numbers_and_repeated_headers_are_removed(footer):
    body = ["引进北辰航空。", "依托上海市养老科技产业园。", "2025年完成财政总收入142亿元。"]

    def page(n: int) -> Page:
        number = footer.replace("3", str(n), 1)
        return Page([Line("吴泾镇人民政府2026年工作报告", 200, 400, 10, 9), Line(body[n - 1], 72, 300, 50, 10),
                     Line(number, 290, 310, 800, 9)])

    pages = strip_furniture([page(n) for n in (1, 2, 3)])
    assert [[ln.text for ln in p.lines] for p in pages] == [[line] for line in body]


# --- web pages ------------------------------------------------------------------------------

def test_gbk_government_page_gives_the_article_without_menus(reference, tmp_path):
    lines = report_lines()
    page = make_html(lines[1:], title=lines[0], charset="gb2312")
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gb18030"))
    text = read_text(path)
    for menu in ("首页", "互动交流", "信息公开目录", "镇情概况", "相关链接", "版权所有", "发布日期", "var nav"):
        assert menu not in reference and menu not in text
    assert paragraphs_of(text) == paragraphs_of(reference)


def test_page_without_a_known_container_falls_back_to_the_largest_text_block(reference):
    lines = report_lines()
    page = make_html(lines, title="吴泾镇工作报告全文", container='<div class="wrapper-x">')
    text = clean(read_html(page.encode("utf-8"), "page.html"))
    assert "镇情概况" not in text and "首页" not in text
    assert paragraphs_of(text)[1:] == paragraphs_of(reference)


def test_html_gives_the_same_entities_as_the_text(extraction, tmp_path):
    lines = report_lines()
    path = tmp_path / "report.htm"
    path.write_text(make_html(lines[1:], title=lines[0]), encoding="utf-8")
    assert entity_names(read_text(path)) == set(extraction.entities)


# --- folders --------------------------------------------------------------------------------

SMALL = "吴泾镇人民政府2026年工作报告\n一、2025年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等26家企业。\n"


def test_folder_builds_every_supported_file_in_name_order(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "b-gbk.txt").write_bytes(SMALL.encode("gbk"))
    make_docx(folder / "a-word.docx", SMALL.splitlines())
    (folder / "c-web.html").write_text(make_html(SMALL.splitlines()[1:], title=SMALL.splitlines()[0]), encoding="utf-8")
    (folder / "notes.md").write_text("not a report", encoding="utf-8")
    (folder / "~$a-word.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in expand_inputs([folder])] == ["a-word.docx", "b-gbk.txt", "c-web.html"]
    result = build([folder], out_dir=None, validate_shapes=False)
    assert [ex.report.slug for ex in result.extractions] == ["a-word", "b-gbk", "c-web"]
    for ex in result.extractions:
        assert {"银发无忧", "上海市养老科技产业园"} <= set(ex.entities), ex.report.source
