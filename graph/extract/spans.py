"""Where the components keep their spans, and the doc text they read.

Every name-finding component adds candidate spans to ``doc.spans[CANDIDATES]`` (label = class,
``id_`` = the rule that found it, ``kb_id_`` = the canonical name when known); ``wj_resolve`` keeps
the longest non-overlapping ones in ``doc.spans[ENTITIES]``.  The components work on characters:
a blank ``zh`` pipeline with the character segmenter makes every character a token, so every
character offset is a token boundary.

Examples
--------
>>> import spacy
>>> doc = spacy.blank("zh").make_doc("推进航电基地建设")
>>> doc.spans[CANDIDATES] = []
>>> add_candidate(doc, 2, 6, "Project", "milestone")
>>> [(s.text, s.label_, s.id_) for s in doc.spans[CANDIDATES]]
[('航电基地', 'Project', 'milestone')]
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract.patterns import WORDS_WITH_ETC

__all__ = ["CANDIDATES", "ENTITIES", "add_candidate", "doc_text", "make_docs", "mask_parentheses", "masked_text"]

#: The span group every name-finding component adds to.
CANDIDATES = "wj_candidates"
#: The span group ``wj_resolve`` leaves: the names chosen, not overlapping.
ENTITIES = "wj_entities"

_SHORT_PARENS = re.compile(r"（[^（）]{1,6}）|\([^()]{1,6}\)")
#: A single dash between two names' characters joins two places in one name (蛇口—赤湾连接线,
#: 新安江—千岛湖生态环境共同保护合作区); a double one (——) is punctuation.
_JOINING_DASH = re.compile(r"(?<=[\u4e00-\u9fff])—(?=[\u4e00-\u9fff])")
#: A slash between two Latin letters joins them in one name (富士康VR/AR高端制造产业园); elsewhere it is a break.
_JOINING_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])")
#: The 等 of a word that holds it (高等研究院): a character of the name, not "etc.".
_WORD_ETC = re.compile("|".join(WORDS_WITH_ETC))


def make_docs(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Tokenise ``texts`` as ``nlp.make_doc`` does, keeping each text in ``doc.user_data``.

    The components read the text many times; spaCy would join it from the tokens on every
    ``doc.text``.  A text without whitespace is one token per character, built directly (what the
    character segmenter does, without its alignment of words and spaces).
    """
    vocab = nlp.vocab
    for text in texts:
        parts = text.split()
        if len(parts) == 1 and parts[0] == text:
            doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
        else:
            doc = nlp.make_doc(text)
        doc.user_data["wj_text"] = text
        yield doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins the tokens on every access: slow on long text).

    :func:`make_docs` stores the text it tokenised, so it is never rebuilt.
    """
    text = doc.user_data.get("wj_text")
    if text is None:
        text = doc.user_data["wj_text"] = doc.text
    return text


def masked_text(doc: Doc) -> str:
    """:func:`mask_parentheses` of the doc's text, made once per doc for all components."""
    text = doc.user_data.get("wj_masked")
    if text is None:
        text = doc.user_data["wj_masked"] = mask_parentheses(doc_text(doc))
    return text


def mask_parentheses(text: str) -> str:
    """The text with short parentheses and joining dashes turned into name characters, same length.

    ``黄浦江防汛墙（二期）提标改造`` keeps its （二期） instead of breaking at the bracket, and
    ``蛇口—赤湾连接线`` its single dash (the fullwidth hyphen － that names already hold:
    上海交大－紫竹高新区); a double dash (——) stays a break.  A slash between Latin letters (VR/AR) and
    the 等 of a word (``patterns.WORDS_WITH_ETC``: 高等研究院) are name characters too.

    Examples
    --------
    >>> mask_parentheses("黄浦江防汛墙（二期）提标改造")
    '黄浦江防汛墙〔二期〕提标改造'
    >>> mask_parentheses("推进蛇口—赤湾连接线——全长3公里")
    '推进蛇口－赤湾连接线——全长3公里'
    >>> mask_parentheses("建设VR/AR产业园、大学高等研究院等项目")
    '建设VR／AR产业园、大学高〓研究院等项目'
    """
    text = _JOINING_DASH.sub("－", _SHORT_PARENS.sub(lambda m: "〔" + m.group(0)[1:-1] + "〕", text))
    text = _WORD_ETC.sub(lambda m: m.group(0).replace("等", "〓"), text)
    return _JOINING_SLASH.sub("／", text)


def add_candidate(doc: Doc, start: int, end: int, cls: str, rule: str, canonical: str = "") -> None:
    """Add the characters ``start:end`` of ``doc`` as a candidate name of class ``cls``."""
    span = doc.char_span(start, end, label=cls, alignment_mode="expand")
    if span is None or not span.text.strip():
        return
    span.id_ = rule
    if canonical:
        span.kb_id_ = canonical
    if CANDIDATES in doc.spans:
        doc.spans[CANDIDATES].append(span)
    else:
        doc.spans[CANDIDATES] = [span]
