"""The process pool freezes this process's objects while its workers fork (so that they do not copy
the pages a collection would touch), and thaws only what it froze: a caller that froze its own
objects first (the command line does, graph.cli.main._load) keeps them frozen."""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from graph.corpus.batch import parallel_map

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="the freeze is for forked workers only")


def test_pool_thaws_what_it_froze_when_nothing_was_frozen_before():
    gc.unfreeze()
    assert parallel_map(abs, [-1, -2, -3], jobs=2) == [1, 2, 3]
    assert gc.get_freeze_count() == 0


def test_pool_leaves_a_callers_frozen_objects_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert parallel_map(abs, [-1, -2, -3], jobs=2) == [1, 2, 3]
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
