"""Inputs that cost far more to parse than their size: made by the tests and by
``benchmarks/bench_input_limits.py`` (which measures what each costs with and without its check)."""

from __future__ import annotations

import zipfile
from pathlib import Path

REPORT = "吴泾镇人民政府2025年工作报告\n一、2024年工作回顾\n依托上海市养老科技产业园，引进银发无忧、中顺洁柔等12家企业。\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A sidecar whose ``title`` is a "billion laughs": ``width ** levels`` strings from a few hundred
    bytes (9 levels of 9: 387 million)."""
    anchors = [f"&l0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels - 1):
        anchors.append(f"&l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    anchors.append(f"[{', '.join([f'*l{levels - 2}'] * width)}]")
    return "level: town\ntitle: [" + ", ".join(anchors) + "]\n"


def nested_yaml(depth: int = 5000) -> str:
    """A sidecar whose ``title`` is a list nested ``depth`` deep."""
    return "title: " + "[" * depth + "x" + "]" * depth + "\n"


def nested_html(depth: int = 100_000, tag: str = "span") -> str:
    """A page whose report text sits inside ``depth`` nested ``tag`` elements."""
    body = REPORT.replace("\n", "<br>")
    return (f"<html><head><meta charset='utf-8'></head><body><div id='zoom'>{f'<{tag}>' * depth}{body}"
            f"{f'</{tag}>' * depth}</div></body></html>")


def flat_html(tags: int = 1_000_000) -> str:
    """A page of ``tags`` empty paragraphs around the report text (about 7 bytes a tag)."""
    return (f"<html><head><meta charset='utf-8'></head><body><div id='zoom'>{REPORT}"
            f"{'<p></p>' * tags}</div></body></html>")


def docx_bomb(path: Path, unpacked_mb: int = 300) -> Path:
    """A valid ``.docx`` (the report's three lines) whose ``word/document.xml`` also holds
    ``unpacked_mb`` MB of empty paragraphs: it compresses about 600 times."""
    from inputs_helpers import make_docx

    plain = make_docx(path.with_name(path.stem + "-plain.docx"), REPORT.splitlines())
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "word/document.xml":
                out.writestr(info, data)
                continue
            head, sep, tail = data.partition(b"<w:sectPr")
            chunk = b"<w:p/>" * (2**20 // 6)
            with out.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head)
                for _ in range(unpacked_mb):
                    fh.write(chunk)
                fh.write(sep + tail)
    plain.unlink()
    return path


def pdf_bomb(path: Path, unpacked_mb: int = 300) -> Path:
    """A valid one-page PDF whose page content is ``unpacked_mb`` MB of ``q Q`` operators (save and
    restore the graphics state, nothing drawn) compressed about 1,000 times."""
    import zlib

    pack = zlib.compressobj(9)
    chunk = b"q Q\n" * (2**20 // 4)
    stream = b"".join(pack.compress(chunk) for _ in range(unpacked_mb)) + pack.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
