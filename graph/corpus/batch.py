"""Extract many reports: from the cache where possible, the rest in a process pool over all cores,
or on a Dask cluster (:mod:`graph.corpus.executors`).

Extraction is pure Python (spaCy's rule matchers) and holds the GIL, so reports are spread over
processes, not threads.  The parent loads spaCy and builds the pipeline before the pool starts, so
with the ``fork`` start method (Linux) every worker inherits them instead of building its own.
Results come back in the order of the inputs whatever order the workers finish in, so a parallel
build writes the same bytes as a sequential one.  A progress bar (tqdm, on stderr) appears when a
step runs longer than two seconds in a terminal.

Examples
--------
>>> from graph.model import Report
>>> exs, hits = extract_reports([Report(slug="t", text="推动纳鸿微球落地。\\n", year="2026")])
>>> sorted(exs[0].entities), hits
(['纳鸿微球'], 0)
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from functools import partial
from pathlib import Path
from typing import TypeVar

from graph.corpus.cache import ExtractionCache, cache_key
from graph.corpus.executors import default_jobs, executor_for
from graph.model import Extraction, Report

__all__ = ["default_jobs", "extract_each", "extract_reports", "parallel_imap", "parallel_map"]

T = TypeVar("T")
R = TypeVar("R")


def _progress(total: int, desc: str):
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: it outlives the bar by seconds, and a build forks (graph.forked)

    # disable=None: no bar when stderr is not a terminal (CI logs, tests); delay: none for short runs
    return Bar(total=total, desc=desc, unit="report", delay=2.0, disable=None, leave=False)


class _Sized:
    """An iterable of known length, consumed once (what the Dask executor takes)."""

    def __init__(self, items: Iterable, n: int) -> None:
        self.items, self.n = items, n

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return self.n


def parallel_imap(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    desc: str = "",
    warm_up: Callable[[], object] | None = None,
    scheduler: str | None = None,
    total: int | None = None,
) -> Iterator[tuple[int, R]]:
    """Yield ``(i, func(items[i]))`` as the results come, over ``jobs`` processes, with a progress bar.

    ``func`` must be a module-level function (it is pickled to the workers).  With one job or one
    item no process is started and the results come in input order.  ``items`` is read as the
    work goes, at most four items per worker ahead (so a generator of large items is never all in
    memory); ``total`` is its length when it has none.  ``warm_up`` (picklable too)
    loads what ``func`` needs once: in this process before the workers fork, so they share it,
    or, with another start method, in each worker as it starts.  ``scheduler`` (``"local"`` or a
    Dask scheduler address, see :mod:`graph.corpus.executors`) runs the items on a Dask cluster
    instead, ``jobs`` workers for ``"local"``; there each worker loads what it needs on first use.
    """
    n = len(items) if total is None else total
    if scheduler is not None:
        executor = executor_for(scheduler, jobs)
        with _progress(n, desc) as bar:
            results = executor.imap(func, _Sized(items, n))
            try:
                for done in results:
                    yield done
                    bar.update()
            finally:
                results.close()
        return
    jobs = default_jobs() if jobs <= 0 else jobs
    with _progress(n, desc) as bar:
        if jobs == 1 or n < 2:
            for i, item in enumerate(items):
                yield i, func(item)
                bar.update()
            return
        context = multiprocessing.get_context()
        initializer = None
        forked = context.get_start_method() == "fork"
        if warm_up is not None and forked:
            warm_up()
        elif warm_up is not None:
            initializer = warm_up
        # a caller that froze its own objects already (the command line) thaws them itself
        thaw = forked and gc.get_freeze_count() == 0
        if forked:
            # the workers inherit this process's objects (all the extractions of a big corpus): keep
            # their garbage collector from walking them, and from touching (so copying) their pages
            gc.collect()
            gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, n), mp_context=context,
                                     initializer=initializer) as pool:
                todo = iter(enumerate(items))
                running: dict = {}

                def submit_next() -> None:
                    for i, item in todo:
                        running[pool.submit(func, item)] = i
                        return

                for _ in range(4 * min(jobs, n)):
                    submit_next()
                while running:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in sorted(done, key=running.get):
                        i = running.pop(future)
                        result = future.result()
                        submit_next()
                        yield i, result
                        bar.update()
        finally:
            if thaw:
                gc.unfreeze()


def parallel_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int = 1,
    desc: str = "",
    warm_up: Callable[[], object] | None = None,
    scheduler: str | None = None,
) -> list[R]:
    """``[func(x) for x in items]`` over ``jobs`` processes (0: one per CPU) or on the Dask cluster
    ``scheduler``, in input order."""
    results: list = [None] * len(items)
    for i, result in parallel_imap(func, items, jobs=jobs, desc=desc, warm_up=warm_up, scheduler=scheduler):
        results[i] = result
    return results


# spaCy is imported where a report is extracted, not with this module: a build whose extractions
# all come from a cache (or from graph.corpus.ahead) never loads it

def _extract(job: tuple[Report, bool]) -> Extraction:
    from graph.extract.pipeline import extract

    report, use_lexicon = job
    return extract(report, use_lexicon=use_lexicon)


def _warm_up_extractor(use_lexicon: bool) -> None:
    from graph.extract.pipeline import warm_up

    warm_up(use_lexicon)


def extract_each(
    reports: Sequence[Report],
    use_lexicon: bool = True,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[int, Extraction, bool]]:
    """Yield ``(i, extraction of reports[i], whether it came from the cache)`` for every report.

    The cached ones come first, in input order, then the others as the process pool (or the Dask
    cluster ``scheduler``) finishes them, each put in ``cache`` (anything with ``get(key)`` and
    ``put(key, extraction)``, keys by :func:`~graph.corpus.cache.cache_key`).  Nothing is held
    here: a caller that keeps only what it needs of each extraction extracts any number of reports
    in bounded memory.
    """
    keys = [cache_key(report, use_lexicon) for report in reports] if cache is not None else []
    todo: list[int] = []
    for i in range(len(reports)):
        hit = cache.get(keys[i]) if cache is not None else None
        if hit is not None:
            yield i, hit, True
        else:
            todo.append(i)
    fresh = parallel_imap(
        _extract, ((reports[i], use_lexicon) for i in todo), jobs=jobs, desc="extracting",
        warm_up=partial(_warm_up_extractor, use_lexicon), scheduler=scheduler, total=len(todo),
    )
    for j, ex in fresh:
        if cache is not None:
            cache.put(keys[todo[j]], ex)
        yield todo[j], ex, False


def extract_reports(
    reports: Sequence[Report],
    use_lexicon: bool = True,
    jobs: int = 1,
    cache_dir: Path | str | None = None,
    scheduler: str | None = None,
) -> tuple[list[Extraction], int]:
    """Extract every report; return the extractions (in input order) and how many came from the cache.

    Parameters
    ----------
    reports
        The reports, cleaned and with their metadata applied.
    use_lexicon
        Passed to :func:`graph.extract.pipeline.extract`.
    jobs
        Processes for the reports not in the cache (0: one per CPU); workers of a ``"local"`` cluster.
    cache_dir
        Where :class:`~graph.corpus.cache.ExtractionCache` keeps its entries; None: no cache.
    scheduler
        Extract on this Dask cluster instead of in processes (:mod:`graph.corpus.executors`).
    """
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    results: list[Extraction | None] = [None] * len(reports)
    hits = 0
    for i, ex, cached in extract_each(reports, use_lexicon, jobs, cache, scheduler):
        results[i] = ex
        hits += cached
    return results, hits
