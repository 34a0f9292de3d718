"""Two senses of one name: a report that writes one name for two kinds of thing has two entities.

A town's report writes 森马 for a firm (``深挖衣恋、森马存量企业潜力``) and for its industrial park
(``创E谷、森马等一批产业园区转型提升``).  A name is one entity of the class most of its mentions
support; a mention that the head noun of its own list types as the other class of a pair of
:data:`SENSE_CLASSES` (``A、B等一批产业园区`` -> Park, ``A、B存量企业`` -> Enterprise) is the name's
second sense in its sentence: every mention of the name in that sentence is rewritten to the key
:func:`graph.model.sense_key` (``森马@Park``), so the relations and milestones of the sentence go to
the second sense.  The head types the mention even where the lexicon or another sentence named it
first (the lexicon's 森马 is an Enterprise).  Plain data: no spaCy.

Examples
--------
>>> from graph.model import Mention
>>> ms = [Mention("森马", 0, 2, "Enterprise", "enum:head", 0, "森马"),
...       Mention("森马", 10, 12, "Enterprise", "lexicon", 1, "森马")]
>>> heads = {(10, 12): ("Park", "enum:等")}
>>> [(m.canonical, m.cls) for m in split_senses(ms, heads, lambda name, ms: "Enterprise")]
[('森马', 'Enterprise'), ('森马@Park', 'Park')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from graph.model import Mention, sense_key, top_class

__all__ = ["HEAD_RULES", "SENSE_CLASSES", "split_senses"]

#: Rules that type a name by the head noun of its own list (``A、B等企业``, ``衣恋、森马存量企业``).
HEAD_RULES = ("enum:等", "enum:head")

#: Top-level classes one name may have both of in one report: a firm and the park named after it.
#: A firm listed among projects (``中航机载、旻天实业等项目``) stays a firm: its works are the project.
SENSE_CLASSES = (frozenset({"Enterprise", "Park"}),)


def split_senses(mentions: list[Mention], heads: dict[tuple[int, int], tuple[str, str]],
                 class_of: Callable[[str, list[Mention]], str]) -> list[Mention]:
    """The mentions, those of a name's second sense keyed by :func:`~graph.model.sense_key`.

    Parameters
    ----------
    mentions
        The report's mentions, with their canonical names.
    heads
        ``(start, end)`` of a candidate typed by the head of its list -> (class, rule): a mention
        at the same place is typed by it, whichever rule chose the mention.
    class_of
        The class a name gets from its mentions (the majority vote of the pipeline).

    Returns
    -------
    list of Mention
        The same mentions in the same order; those of a second sense with its key, class and rule.
    """
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.canonical].append(m)
    moved: dict[tuple[str, int], tuple[str, str, str]] = {}  # (name, sentence) -> (key, class, rule)
    for name, ms in by_name.items():
        typed = [(m, *(heads.get((m.start, m.end)) or (m.cls, m.rule))) for m in ms]
        typed = [(m, cls, rule) for m, cls, rule in typed if rule in HEAD_RULES]
        if not typed:
            continue
        major = top_class(class_of(name, ms))
        for m, cls, rule in typed:
            if top_class(cls) != major and frozenset({major, top_class(cls)}) in SENSE_CLASSES:
                moved.setdefault((name, m.sentence), (sense_key(name, cls), cls, rule))
    if not moved:
        return mentions
    out = []
    for m in mentions:
        key = moved.get((m.canonical, m.sentence))
        if key is None:
            out.append(m)
        else:
            out.append(replace(m, canonical=key[0], cls=key[1], rule=key[2] if m.rule in ("lexicon", "known") else m.rule))
    return out
