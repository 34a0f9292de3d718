"""The name index: what entity resolution needs to know of one report, without its text.

Resolution across many reports decides from the names alone (:mod:`graph.corpus.resolve`): which
names are one entity, which class each gets, which planned milestones a later report states as done,
which report's fund size is kept.  So a build keeps, per report, only a :class:`ReportNames`, a small
fraction of the extraction, and streams the extractions themselves from disk when it turns them
into RDF (:mod:`graph.corpus.stream`).

Examples
--------
>>> from graph.model import Entity, Extraction, Mention, Report
>>> m = Mention("“航电基地”", 0, 6, "Project", "suffix", 0, "航电基地")
>>> ex = Extraction(Report("t", "", year="2026"), [], {"航电基地": Entity("航电基地", "Project", mentions=[m])}, [], [])
>>> names = report_names(ex)
>>> names.names["航电基地"]
Named(cls='Project', mentions=1, aliases=(), texts=('航电基地',))
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from graph.model import Extraction

__all__ = ["Named", "ReportNames", "report_names", "rename"]


@dataclass(frozen=True)
class Named:
    """One entity of one report: its class, how often the report names it, the extractor's other
    names for it, and how its mentions write it (without quotation marks)."""

    cls: str
    mentions: int
    aliases: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportNames:
    """The index entry of one report.

    ``milestones`` are ``(project, stage, period, planned)``, ``amounts`` ``(fund, amountCNY)``.
    """

    slug: str
    year: str
    jurisdiction: str
    level: str
    names: dict[str, Named]
    milestones: tuple[tuple[str, str, str, bool], ...] = ()
    amounts: tuple[tuple[str, str], ...] = ()


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "")


def report_names(ex: Extraction) -> ReportNames:
    """The index entry of an extraction (names are interned: many reports repeat them)."""
    intern = sys.intern
    names = {
        intern(name): Named(e.cls, len(e.mentions), tuple(sorted(map(intern, e.aliases))),
                            tuple(sorted({intern(_unquoted(m.text)) for m in e.mentions})))
        for name, e in ex.entities.items()
    }
    milestones = tuple(sorted({(intern(m.project), m.stage, m.period, m.planned) for m in ex.milestones}))
    amounts = tuple(sorted({(intern(n), v) for n, k, v, _ in ex.facts if k == "amountCNY"}))
    r = ex.report
    return ReportNames(r.slug, r.year or "", r.jurisdiction or "", r.level or "", names, milestones, amounts)


def rename(entry: ReportNames, mapping: dict[str, str]) -> ReportNames:
    """The entry with names replaced by ``mapping``, entities that meet merged as
    :func:`graph.corpus.resolve.rename_extraction` merges them: the first name in code-point order
    gives the class, mentions add up, the names given up become aliases."""
    if not any(name in mapping for name in entry.names):
        return entry
    merged: dict[str, list] = {}
    for name in sorted(entry.names):
        n = entry.names[name]
        target = mapping.get(name, name)
        aliases = set(n.aliases) | ({name} if target != name else set())
        if target in merged:
            kept = merged[target]
            kept[1] += n.mentions
            kept[2] |= aliases
            kept[3] |= set(n.texts)
        else:
            merged[target] = [n.cls, n.mentions, aliases, set(n.texts)]
    names = {t: Named(cls, k, tuple(sorted(a - {t})), tuple(sorted(texts)))
             for t, (cls, k, a, texts) in merged.items()}
    milestones = tuple(sorted({(mapping.get(p, p), s, per, pl) for p, s, per, pl in entry.milestones}))
    amounts = tuple(sorted({(mapping.get(n, n), v) for n, v in entry.amounts}))
    return ReportNames(entry.slug, entry.year, entry.jurisdiction, entry.level, names, milestones, amounts)
