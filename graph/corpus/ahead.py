"""Extract ahead: a build's one report extracted in a second process while the first loads the rest.

A build of one report spends most of its time importing: spaCy and the pipeline for the
extraction; rdflib, networkx, pyvis and pypinyin for everything after it.  Neither needs the other,
so on a machine with two cores they run at once: :func:`extract_ahead` forks a process that reads
the report, extracts it and puts the extraction in an extraction cache
(:class:`~graph.corpus.cache.ExtractionCache`: the build's own, or a temporary one that goes with
the build), while this process imports what the build needs after extraction; the build then takes
the extraction from there as it takes any cached one, so what it writes is the same, byte for byte.

The forked process only saves time: it prints nothing, and if it fails for any reason (an
unreadable input, a bad sidecar) the build extracts the report itself and reports the error there,
once.  It is not used where it cannot help: one CPU, ``--jobs 1``, a Dask scheduler, more than one
input (those extract in the process pool, :mod:`graph.corpus.batch`), or no ``os.fork``.

Examples
--------
>>> import tempfile
>>> report = Path(tempfile.mkdtemp()) / "town-2026.txt"
>>> _ = report.write_text("2026年政府工作报告\\n推动纳鸿微球落地。\\n", encoding="utf-8")
>>> with extract_ahead([report], jobs=1) as ahead:  # one process asked for: nothing is forked
...     ahead.pid is None, ahead.wait()
(True, False)
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from graph.corpus.executors import default_jobs
from graph.forked import Forked, alone, fork_call

__all__ = ["Ahead", "alone", "extract_ahead", "worth_it"]


def worth_it(paths: Sequence[Path], jobs: int, scheduler: str | None) -> bool:
    """Whether extracting ahead can save time, and forking is safe: one input file, two CPUs to run
    on, ``os.fork``, and no other thread in this process (a fork copies a lock another thread holds:
    a notebook's kernel, a server).

    >>> worth_it([Path("a.txt"), Path("b.txt")], jobs=0, scheduler=None)
    False
    >>> worth_it([Path("a.txt")], jobs=1, scheduler=None)
    False
    """
    if scheduler is not None or jobs == 1 or len(paths) != 1 or not hasattr(os, "fork"):
        return False
    if not Path(paths[0]).is_file():  # a folder stands for many reports (or for none)
        return False
    return default_jobs() >= 2 and alone()


class Ahead:
    """The forked extraction of a build: :meth:`wait` for it, then build with :attr:`extracted`.

    ``pid`` is None when nothing was forked.  The extraction goes to the build's cache when it has
    one, else to the temporary folder :attr:`extracted`, which the build reads but never writes.
    """

    def __init__(self, forked: Forked | None, extracted: Path | None) -> None:
        self._forked = forked
        self.extracted = extracted

    @property
    def pid(self) -> int | None:
        """The forked process's id while it runs and was not waited for."""
        return self._forked.pid if self._forked is not None else None

    def wait(self) -> bool:
        """Wait for the forked process; whether it put the extraction where the build will look."""
        if self.pid is None:
            return False
        try:
            self._forked.result()
        except Exception:  # noqa: BLE001 - the build extracts the report itself and says what is wrong
            return False
        return True

    def stop(self) -> None:
        """End the forked process if it still runs (the build failed before it waited)."""
        if self.pid is not None:
            self._forked.stop()


def _extract_into(path: Path, folder: Path, use_lexicon: bool, encoding: str | None, meta: dict | None) -> None:
    """In the forked process: read ``path`` as the build reads it, extract it into ``folder``'s cache
    unless the cache has it.

    spaCy is imported only then, without its command line (:mod:`graph.extract.light_import`), with the
    garbage collector paused and what it made frozen after, as the command line imports a command
    (:func:`graph.cli.main.import_frozen`, a layer above this one).
    """
    from graph.corpus.cache import ExtractionCache, cache_key
    from graph.text.metadata import describe, read_report

    report, _ = describe(read_report(path, encoding), path, meta)
    cache = ExtractionCache(folder)
    key = cache_key(report, use_lexicon)
    if cache.get(key) is not None:
        return
    gc.disable()
    from graph.extract.light_import import import_spacy_for_extraction

    import_spacy_for_extraction()
    from graph.extract.pipeline import extract

    gc.freeze()
    gc.enable()
    cache.put(key, extract(report, use_lexicon=use_lexicon))


def _before_forking() -> None:
    """Make, once and before the fork, what both processes need: numpy (spaCy's and the build's
    PageRank), the name rules' module (the extraction's and the resolution's), the extractor's
    version (the cache key) and the industry vocabulary.  The forked process starts with them, and
    this one would make them anyway, so the extraction arrives that much earlier."""
    import numpy  # noqa: F401

    from graph.corpus.cache import extractor_version
    from graph.extract import names  # noqa: F401
    from graph.extract.vocabulary import load_vocabulary

    extractor_version()
    load_vocabulary()


@contextmanager
def extract_ahead(paths: Sequence[Path], use_lexicon: bool = True, encoding: str | None = None,
                  meta: dict | None = None, cache_dir: Path | None = None, jobs: int = 0,
                  scheduler: str | None = None) -> Iterator[Ahead]:
    """Fork a process that extracts the one report of ``paths`` into the build's extraction cache
    (``cache_dir``; a temporary folder, removed on exit, when there is none), when :func:`worth_it`.

    The arguments are the build's own.  Inside the ``with``, import what the build needs, then
    :meth:`Ahead.wait`, and build with the build's ``cache_dir`` and :attr:`Ahead.extracted`.
    """
    if not worth_it(paths, jobs, scheduler):
        yield Ahead(None, None)
        return
    _before_forking()
    temporary = Path(tempfile.mkdtemp(prefix="wujing-kg-ahead-")) if cache_dir is None else None
    folder = temporary if temporary is not None else Path(cache_dir)
    forked = fork_call(lambda: _extract_into(Path(paths[0]), folder, use_lexicon, encoding, meta))  # says nothing
    ahead = Ahead(forked, temporary)
    try:
        yield ahead
    finally:
        ahead.stop()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
