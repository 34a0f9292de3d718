"""graph.build.warm_up makes, ahead of a build, what every build makes on first use (the command line
calls it while its extraction runs in a forked process): afterwards a build finds each one made."""

from __future__ import annotations

import importlib

from graph.corpus.cache import extractor_version
from graph.maps import render
from graph.rdf import cube


def test_warm_up_leaves_the_vocabularies_shapes_and_map_script_made_for_the_build():
    builder = importlib.import_module("graph.build")
    for cached in (extractor_version, render._vis_network_js, render._own_assets, cube._vocabulary_triples):
        cached.cache_clear()
    builder.warm_up()
    for cached in (extractor_version, render._vis_network_js, render._own_assets, cube._vocabulary_triples):
        assert cached.cache_info().currsize == 1, cached.__name__
