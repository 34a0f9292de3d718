"""One sentence through the extractor without the lexicon, and what came out, for the name tests."""

from __future__ import annotations

from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    """The extraction of ``sentence`` under ``heading``, in a report of 2026 that no lexicon knows."""
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def entities(ex) -> set[tuple[str, str]]:
    return {(name, e.cls) for name, e in ex.entities.items()}


def relations(ex) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in ex.relations}
