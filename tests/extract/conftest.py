"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest

from graph.extract.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    """The pipeline without the lexicon: what the component finds in a report nobody curated.

    A test module that needs another pipeline defines its own ``nlp``, which wins."""
    return make_nlp()
