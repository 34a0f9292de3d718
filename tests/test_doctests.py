"""The examples in the docstrings of the core modules run and give what they say."""

import doctest
import importlib

import pytest

MODULES = [
    "graph.text",
    "graph.iri",
    "graph.output",
    "graph.namespaces",
    "graph.network",
    "graph.evaluate",
    "graph.rdf",
    "graph.model",
    "graph.extract.lexicon",
    "graph.extract.patterns",
    "graph.extract.pipeline",
    "graph.extract.components",
    "graph.ontology",
    "graph.build",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
