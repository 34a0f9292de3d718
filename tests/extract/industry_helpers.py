"""The industry clusters the pipeline keeps in a sentence, for the industry tests."""

from __future__ import annotations


def clusters(nlp, text: str) -> dict[str, str]:
    """Surface -> canonical of the industry clusters the pipeline keeps in one sentence."""
    doc = nlp(text)
    return {s.text: s.kb_id_ for s in doc.spans["wj_entities"] if s.label_ == "IndustryCluster"}
