"""Relations and milestones from names that are given, not found: the *oracle* extraction.

:func:`extract_given` projects a list of names (each with its class and other names, as a gold
set lists them) onto every place the report writes them, and runs the relation and milestone
rules of :mod:`graph.extract.relations` on those mentions.  Scored against the same gold set
(``wujing-kg evaluate --oracle-entities``) it measures the relation and milestone rules apart from
how well names are found.

Mentions are chosen as the pipeline chooses them: the longest names first, none overlapping; a
shorter name inside a chosen one becomes a nested mention, as :mod:`graph.extract.pipeline` makes
them (an owner at the start, ``nested:prefix``; a park, ``nested:park``; an industry,
``nested:cluster``).

Examples
--------
>>> from graph.model import Report
>>> text = "一、2025年工作回顾\\n深圳大学龙岗创新研究院开园。\\n"
>>> ex = extract_given(Report(slug="t", text=text, year="2026"),
...                    [("深圳大学龙岗创新研究院", "ResearchInstitute", []), ("深圳大学", "University", [])])
>>> [(r.subject, r.predicate, r.object) for r in ex.relations]
[('深圳大学龙岗创新研究院', 'affiliatedWith', '深圳大学')]
>>> [(m.project, m.stage, m.period) for m in ex.milestones]
[('深圳大学龙岗创新研究院', 'InUse', '2025')]
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from graph.extract.lexicon import EMPTY
from graph.extract.relations import find_relations
from graph.model import Entity, Extraction, Mention, Report, top_class
from graph.text.sentences import split_sentences

__all__ = ["given_mentions", "extract_given"]

#: Classes whose name at the start of a longer name makes it theirs (深圳大学 in 深圳大学龙岗创新研究院).
_OWNERS = ("University", "Enterprise", "ResearchInstitute", "Platform")

Name = tuple[str, str, Iterable[str]]  # (canonical name, class, other names)


def given_mentions(text: str, sentence_starts: list[int], names: Iterable[Name]) -> list[Mention]:
    """Every occurrence of the given names in ``text`` as mentions, nested ones marked.

    ``sentence_starts`` are the sentences' start offsets, in order (a mention belongs to the
    sentence it starts in).
    """
    found: list[tuple[int, int, str, str]] = []  # start, end, canonical, class
    for canonical, cls, aliases in names:
        for surface in sorted({canonical, *aliases}):
            if len(surface) < 2:
                continue
            at = text.find(surface)
            while at >= 0:
                found.append((at, at + len(surface), canonical, cls))
                at = text.find(surface, at + 1)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2]))
    chosen: list[tuple[int, int, str, str]] = []
    taken: set[int] = set()
    inside: list[tuple[int, int, str, str]] = []
    for f in found:
        chars = set(range(f[0], f[1]))
        if chars & taken:
            inside.append(f)
            continue
        taken |= chars
        chosen.append(f)
    mentions = []

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    starts = sorted(chosen)
    for start, end, canonical, cls in starts:
        mentions.append(Mention(text[start:end], start, end, cls, "given", sentence_of(start), canonical))
    inner_taken: set[int] = set()  # inside a name, too, the longest names win (文化创意 in …文化创意产业园, not 文化)
    for start, end, canonical, cls in inside:
        i = bisect.bisect_right(starts, (start, float("inf"))) - 1
        if i < 0:
            continue
        o_start, o_end, o_canonical, o_cls = starts[i]
        if not (o_start <= start and end <= o_end) or o_canonical == canonical:
            continue
        if set(range(start, end)) & inner_taken:
            continue
        inner_taken |= set(range(start, end))
        if start == o_start and top_class(cls) in _OWNERS:
            rule = "nested:prefix"
        elif top_class(cls) == "Park":
            rule = "nested:park"
        elif top_class(cls) == "IndustryCluster":
            rule = "nested:cluster"
        else:
            rule = "nested:other"
        mentions.append(Mention(text[start:end], start, end, cls, rule, sentence_of(start), canonical))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def extract_given(report: Report, names: Iterable[Name]) -> Extraction:
    """The extraction of a report whose entities are given: relations and milestones by the rules.

    Parameters
    ----------
    report
        The report, with cleaned text.
    names
        ``(canonical name, class, other names)`` of each entity, e.g. a gold set's entities.
    """
    names = list(names)
    sentences = split_sentences(report.text, report.year)
    mentions = given_mentions(report.text, [s.start for s in sentences], names)
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.canonical].append(m)
    entities = {
        canonical: Entity(name=canonical, cls=cls, aliases=set(aliases) - {canonical}, mentions=by_name[canonical])
        for canonical, cls, aliases in names
        if by_name.get(canonical)
    }
    relations, milestones, facts = find_relations(report, sentences, mentions, entities, EMPTY)
    return Extraction(report, sentences, entities, relations, milestones, facts)
