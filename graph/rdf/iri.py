"""Mint IRIs: every IRI in the graph is made here, from names, so builds are stable.

An entity's IRI depends on its key only: its canonical name, or for the second sense of a name
(:func:`graph.model.sense_key`, ``森马@Park``) name and class; the same key gives the same IRI on
every build and in every report.  A pinyin slug keeps IRIs readable; a short hash of the Chinese name
keeps homophones apart.

Examples
--------
>>> str(entity_iri("华东师范大学"))
'https://w3id.org/wujing-kg/id/huadongshifandaxue-489549'
>>> pinyin("华东师大")
'huá dōng shī dà'
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rdflib import URIRef

from graph.rdf.namespaces import ID

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)  # pypinyin takes ~0.1 ms a name; a report names the same entities again and again
def pinyin(name: str) -> str:
    """Tone-marked pinyin of a name, syllables separated by spaces (Latin text kept)."""
    parts = lazy_pinyin(name, style=Style.TONE, errors=lambda s: [s])
    return re.sub(r"\s+", " ", " ".join(p.strip() for p in parts if p.strip())).strip()


@lru_cache(maxsize=65536)
def pinyin_plain(name: str) -> str:
    """Toneless pinyin, lower case, no spaces: what people type in a search box."""
    return _SLUG_CHARS.sub("", "".join(lazy_pinyin(name, errors=lambda s: [s])).lower())


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def slug(name: str, limit: int = 40) -> str:
    """A readable, stable slug: toneless pinyin (cut at ``limit``) and a hash of the name."""
    base = pinyin_plain(name)[:limit] or "x"
    return f"{base}-{_hash(name)}"


def entity_iri(name: str) -> URIRef:
    """The IRI of the entity with this key (canonical name, or ``森马@Park`` for a second sense)."""
    return ID[slug(name)]


def report_iri(report_slug: str) -> URIRef:
    return ID[f"report/{report_slug}"]


def sentence_iri(report_slug: str, index: int) -> URIRef:
    """The IRI of a sentence, which is also the name of the graph of its facts."""
    return ID[f"report/{report_slug}/s{index:04d}"]


def milestone_iri(project: str, stage: str, period: str) -> URIRef:
    return ID[f"{slug(project)}/milestone/{stage}-{period}"]
