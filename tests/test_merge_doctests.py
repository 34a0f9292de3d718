"""The examples in the docstrings of the many-reports modules run and give what they say."""

import doctest
import importlib

import pytest

MODULES = ["graph.reports", "graph.resolve", "graph.cache", "graph.batch", "graph.store", "graph.push", "graph.baselines"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
