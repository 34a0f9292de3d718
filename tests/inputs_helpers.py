"""Make real input files for the reader tests: Word (python-docx), PDF (fpdf2 with a Noto CJK font
from fonts-noto-cjk) and HTML pages shaped like a government website's."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from graph.resources import DEFAULT_REPORT

TRADITIONAL_SAMPLE = (
    "吳涇鎮人民政府2026年工作報告\n"
    "一、2025年工作回顧\n"
    "依託上海市養老科技產業園，引進銀髮無憂、中順潔柔等26家企業。\n"
    "華東師範大學與奧銳特開展合作，共建聯合實驗室。\n"
    "航電基地一期項目竣工投用。\n"
)


def report_lines() -> list[str]:
    """The bundled report's non-empty lines, without surrounding spaces."""
    text = DEFAULT_REPORT.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def cjk_font() -> tuple[Path, int]:
    """Noto Sans CJK SC Regular from fonts-noto-cjk: (file, index in the collection), found with fc-list."""
    out = subprocess.run(["fc-list", ":lang=zh", "file", "index", "family", "style"], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        path, _, rest = line.partition(": ")
        index = int(rest.rsplit("index=", 1)[1]) if "index=" in rest else 0
        score = ("Sans CJK SC" in rest) * 4 + ("Regular" in rest) * 2 + ("Mono" not in rest)
        found.append((score, path, index))
    assert found, "no Chinese font: install fonts-noto-cjk"
    _, path, index = max(found)
    return Path(path), index


def truetype_cjk(out: Path, text: str) -> Path:
    """A TrueType-outline (glyf) subset of the Noto CJK font covering ``text``.

    Noto CJK is an OpenType/CFF font; for such fonts fpdf2 writes an embedded encoding CMap that
    pdfminer (under pdfplumber) cannot use, so the PDF reader falls back to pdfium.  A PDF set in
    this TrueType version is read by pdfplumber itself, like the PDFs Word and WPS save.
    (The conversion is fontTools' otf2ttf recipe; fontTools comes with fpdf2.)
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    path, index = cjk_font()
    font = TTFont(path, fontNumber=index)
    options = subset.Options()
    options.desubroutinize = True
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + "0123456789-—第页共/ \u00a0")
    subsetter.subset(font)
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    outlines = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        outlines[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, outlines
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for key in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, key, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType, font["post"].extraNames, font["post"].mapping = 2.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(out)
    return out


def make_pdf(path: Path, lines: list[str], font: Path, index: int = 0, running_header: str = "",
             password: str | None = None) -> Path:
    """A PDF of ``lines`` (one paragraph each, first line indented, wrapped by fpdf2),
    with a running header and a ``- n -`` page number in the footer of every page."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if running_header:
                self.set_font("cjk", size=9)
                self.cell(0, 8, running_header, align="C")
                self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Report()
    pdf.add_font("cjk", fname=str(font), collection_font_number=index)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    for line in lines:
        # first-line indent: fpdf2 drops leading ideographic spaces when a paragraph wraps, not NBSPs
        pdf.multi_cell(0, 7, "\u00a0" * 8 + line, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.output(str(path))
    return path


def make_docx(path: Path, lines: list[str], table: list[list[str]] | None = None) -> Path:
    """A Word file of ``lines``: ``一、`` lines as Heading 1, ``（一）`` lines as Heading 2, the rest
    as body paragraphs; then ``table`` (rows of cells) if given."""
    import docx

    from graph.text.sentences import _H1, _H2

    document = docx.Document()
    for line in lines:
        if _H1.match(line):
            document.add_heading(line, level=1)
        elif _H2.match(line):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))
    return path


NAV = """<div class="header"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></div>
<nav><ul><li><a href="/xxgk">信息公开目录</a></li><li><a href="/jgzn">机构职能</a></li></ul></nav>
<div class="menu"><ul><li><a href="/a">镇情概况</a></li><li><a href="/b">通知公告</a></li><li><a href="/c">政策解读</a></li></ul></div>
"""


def make_html(lines: list[str], title: str, container: str = '<div class="TRS_Editor">',
              charset: str = "utf-8") -> str:
    """A page like a government site's: a menu, a sidebar, the title in <h1>, the report's paragraphs
    in ``container``, a footer, and a script."""
    close = "</" + container[1:].split()[0].rstrip(">") + ">"
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_吴泾镇人民政府</title>
<script>var nav = "首页 政务公开";</script><style>.x {{ color: red }}</style></head>
<body>{NAV}
<div class="left"><h3>相关链接</h3><ul><li><a href="/1">闵行区人民政府</a></li><li><a href="/2">上海市人民政府</a></li></ul></div>
<div class="main"><h1>{html.escape(title)}</h1><div class="info">发布日期：2026-01-13 来源：吴泾镇</div>
{container}
{body}
{close}</div>
<div class="footer">版权所有：闵行区吴泾镇人民政府 沪ICP备00000000号</div></body></html>
"""
