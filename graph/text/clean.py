"""Clean a report's text: the one text every offset of the pipeline refers to.

Reports come out of Word files and web pages: they carry artifacts (``[bookmark: _GoBack]``),
titles broken over two lines, full-width digits and stray spaces.  :func:`clean` removes those.

Examples
--------
>>> clean("[bookmark: _GoBack]关于《吴泾镇人民政府2026年工作\\n报告》的通知")
'关于《吴泾镇人民政府2026年工作报告》的通知\\n'
"""

from __future__ import annotations

import re
import unicodedata

_ARTIFACTS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:image|picture):[^\]]*\]", re.IGNORECASE)
_FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B) if chr(cp).isalnum()}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def clean(text: str) -> str:
    """Return the report's text without conversion artifacts, one paragraph a line.

    Removes Word bookmarks, control characters, bidi overrides and soft hyphens, maps full-width
    digits and Latin letters to
    ASCII, strips spaces at the ends of lines, joins a line that leaves a 《title》 open with the
    next one, and folds runs of blank lines into one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_FULLWIDTH_ALNUM)
    text = _ARTIFACTS.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].count("《") > joined[-1].count("》"):
            joined[-1] += line
        else:
            joined.append(line)
    out: list[str] = []
    for line in joined:
        if line or (out and out[-1]):
            out.append(line)
    return unicodedata.normalize("NFC", "\n".join(out).strip()) + "\n"
