"""Text of a web page saved from a government website: the article body, without menus.

Government sites (TRS, Hanweb and similar content systems) put the article in a known container:
``div.TRS_Editor``, ``#zoom``, ``.article-content``, ``<article>``...  The first of
:data:`CONTAINERS` that holds a real amount of text wins; otherwise the element whose own
paragraphs hold the most text that is not link text (a menu is mostly links).  The page title
(``<h1>``, else ``<title>``) is put first when the container does not include it, so the report's
title and year are found.

Examples
--------
>>> page = '''<html><head><meta charset="utf-8"><title>吴泾镇</title></head><body>
... <ul class="nav"><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul>
... <h1>吴泾镇人民政府2026年工作报告</h1>
... <div id="zoom"><p>一、2025年工作回顾</p><p>引进银发无忧等26家企业。</p></div></body></html>'''
>>> print(read_html(page.encode(), "page.html"), end="")
吴泾镇人民政府2026年工作报告
一、2025年工作回顾
引进银发无忧等26家企业。
"""

from __future__ import annotations

import re

from graph.text.readers.encoding import decode
from graph.text.readers.errors import ReadError
from graph.text.readers.limits import check_html_depth, check_html_size

__all__ = ["CONTAINERS", "read_html"]

#: CSS selectors of article containers on Chinese government websites, most specific first.
CONTAINERS = (
    ".TRS_Editor", "#zoom", ".zoom", "#UCAP-CONTENT", ".article-content", "#article-content",
    ".article_content", ".pages_content", "#content_text", ".content_text", "article", ".article",
    "#article", ".view", "#content", ".content", "main",
)
#: Elements that never hold the article.
_DROP = ("script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "select",
         "button", "svg", "object", "embed")  # not <form>: ASP.NET pages wrap everything in one
#: Elements that start a new line.
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "hr")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_HAN_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")
_MIN_CONTAINER_CHARS = 50


def _text(element) -> str:
    """The text of ``element``, one block a line; source line breaks inside a block are not kept."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                block = child.name in _BLOCKS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")
            elif isinstance(child, NavigableString) and type(child).__name__ in ("NavigableString", "CData"):
                parts.append(_SPACE.sub(" ", str(child)))

    walk(element)
    lines = (_HAN_GAP.sub("", line.strip()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _own_text_score(element) -> int:
    """Characters in ``element``'s own paragraphs and text, minus link text: a menu scores low."""
    from bs4 import NavigableString, Tag

    score = 0
    for child in element.children:
        if isinstance(child, NavigableString):
            score += len(child.strip())
        elif isinstance(child, Tag) and child.name in ("p", "span", "font", "strong", "b", "br", "section"):
            text = child.get_text(strip=True)
            links = sum(len(a.get_text(strip=True)) for a in child.find_all("a"))
            score += len(text) - 2 * links
    return score


def _container(soup):
    body = soup.body or soup
    for selector in CONTAINERS:
        for found in soup.select(selector):
            if len(found.get_text(strip=True)) >= _MIN_CONTAINER_CHARS:
                return found
    candidates = [body, *body.find_all(("div", "section", "td", "article", "main"))]
    return max(candidates, key=_own_text_score)


def read_html(raw: bytes, name: str, encoding: str | None = None) -> str:
    """The article text of an HTML page given as bytes, one paragraph a line.

    The encoding is ``encoding`` when given, else the byte-order mark, else the page's own
    ``<meta charset>`` (when it decodes), else detected.
    """
    from bs4 import BeautifulSoup

    declared = _CHARSET.search(raw[:4096])
    text = decode(raw, name, encoding, declared.group(1).decode("ascii") if declared else None)
    if "<" not in text:
        raise ReadError(f"{name}: not an HTML page (no tags)")
    check_html_size(text, name)
    soup = BeautifulSoup(text, "lxml")
    check_html_depth(soup, name)  # the walks below recurse
    for tag in soup.find_all(("script", "style")):
        tag.decompose()
    title = soup.find("h1")
    title_text = _text(title) if title is not None else ""
    if not title_text and soup.title is not None:
        title_text = re.split(r"\s*[_|｜\-—]\s*", soup.title.get_text(strip=True))[0]
    for tag in soup.find_all(_DROP):
        tag.decompose()
    body = _text(_container(soup))
    if title_text and title_text not in body:
        body = f"{title_text}\n{body}"
    return body + "\n"
