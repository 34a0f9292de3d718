"""The pipeline without the lexicon and the industry clusters it keeps, for the industry tests."""

from __future__ import annotations

import pytest

from graph.extract.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    """The pipeline without the lexicon: what the component finds in a report nobody curated."""
    return make_nlp()


def clusters(nlp, text: str) -> dict[str, str]:
    """Surface -> canonical of the industry clusters the pipeline keeps in one sentence."""
    doc = nlp(text)
    return {s.text: s.kb_id_ for s in doc.spans["wj_entities"] if s.label_ == "IndustryCluster"}
