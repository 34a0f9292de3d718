"""Many reports in bounded memory: extractions on disk, names in memory, resolved on the way out.

A build holds no report's extraction longer than it works on it.  The first pass extracts each
report (or takes it from the cache), keeps its extraction on disk (:class:`Spill`: the extraction
cache, else a temporary folder) and in memory only its name index entry
(:func:`graph.corpus.names.report_names`); resolution decides from the index
(:func:`graph.corpus.resolve.plan`).  The second pass is :class:`ResolvedReports`: the sequence of
resolved extractions, each read back from disk when asked for, renamed and settled
(:meth:`~graph.corpus.resolve.Plan.apply`) and without what the graph cannot hold
(:func:`graph.extract.unplaced.leave_out`).  What each report adds to the build's tables (the
``dropped`` rows of ``resolution.csv``, ``unplaced.csv``, anything ``first_visit`` gathers) is
taken the first time it is read.

Examples
--------
>>> from graph.corpus.names import report_names
>>> from graph.corpus.resolve import plan
>>> from graph.model import Extraction, Report
>>> ex = Extraction(Report("t", "推动纳鸿微球落地。", year="2026"), [], {}, [], [])
>>> spill = Spill(None)
>>> spill.put("k", ex)
>>> resolved = ResolvedReports(spill, ["k"], plan([report_names(ex)]))
>>> len(resolved), resolved[0].report.slug
(1, 't')
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence

from graph.corpus.batch import extract_each
from graph.corpus.cache import ExtractionCache, cache_key
from graph.corpus.names import report_names
from graph.corpus.resolve import Decision, Plan, Resolution, plan
from graph.errors import BuildError
from graph.extract.unplaced import Unplaced, leave_out
from graph.model import Extraction, Report

__all__ = ["ResolvedReports", "Spill", "resolve_reports"]


class Spill:
    """The extractions of a build on disk, by cache key: in the extraction cache of ``cache_dir``
    (what cannot be written there, and everything when ``cache_dir`` is None, in a temporary folder
    that goes with this object).  With ``hold`` (a build of one report) what would go to the
    temporary folder stays in memory: one extraction is no burden, and writing it costs time.
    ``extracted`` is a folder of extractions made for this build by another process
    (:mod:`graph.corpus.ahead`), read like the cache and never written."""

    def __init__(self, cache_dir=None, hold: bool = False, extracted=None) -> None:
        self.cache = ExtractionCache(cache_dir) if cache_dir is not None else None
        self.extracted = ExtractionCache(extracted) if extracted is not None else None
        self.hold = hold
        self._held: dict[str, Extraction] = {}
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._spilled: ExtractionCache | None = None
        self._in_tmp: set[str] = set()

    def get(self, key: str) -> Extraction | None:
        """The extraction of ``key`` in the cache (a build's first pass asks it before extracting)."""
        for where in (self.cache, self.extracted):
            ex = where.get(key) if where is not None else None
            if ex is not None:
                return ex
        return None

    def put(self, key: str, ex: Extraction) -> None:
        if self.cache is not None and self.cache.put(key, ex):
            return
        if self.hold:
            self._held[key] = ex
            return
        if self._spilled is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="wujing-kg-extractions-", ignore_cleanup_errors=True)
            self._spilled = ExtractionCache(self._tmp.name)
        if not self._spilled.put(key, ex):
            raise BuildError(f"cannot keep extractions on disk in {self._tmp.name}: is the disk full?")
        self._in_tmp.add(key)

    def load(self, key: str) -> Extraction:
        """The extraction put or found under ``key``."""
        if key in self._held:
            return self._held[key]
        ex = self._spilled.get(key) if key in self._in_tmp else self.get(key)
        if ex is None:
            raise BuildError(f"the extraction cache lost an entry during the build ({key[:12]}…): build again")
        return ex

    def close(self) -> None:
        """Remove the temporary folder (the cache stays)."""
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp, self._spilled, self._in_tmp = None, None, set()


class ResolvedReports(Sequence[Extraction]):
    """The resolved extractions of a build, in build order, each read from ``spill`` when asked for.

    Parameters
    ----------
    spill
        Where the extractions are.
    keys
        The key of each report's extraction in ``spill``, in build order.
    decided
        What resolution decided for all of them.
    first_visit
        Called with each resolved extraction the first time it is read (e.g. to gather ``entities.csv``).
    """

    def __init__(self, spill: Spill, keys: list[str], decided: Plan,
                 first_visit: Callable[[Extraction], None] | None = None) -> None:
        self.spill, self.keys, self.plan = spill, keys, decided
        self.first_visit = first_visit
        self._dropped: dict[int, list[Decision]] = {}
        self._unplaced: dict[int, list[Unplaced]] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        ex, dropped = self.plan.apply(self.spill.load(self.keys[i]))
        (ex,), unplaced = leave_out([ex])
        if i not in self._dropped:
            self._dropped[i], self._unplaced[i] = dropped, unplaced
            if self.first_visit is not None:
                self.first_visit(ex)
        return ex

    def __iter__(self) -> Iterator[Extraction]:
        return (self[i] for i in range(len(self)))

    @property
    def visited(self) -> bool:
        """Whether every report has been read once (so the tables below are complete)."""
        return len(self._dropped) == len(self)

    @property
    def decisions(self) -> list[Decision]:
        """Resolution's decisions: the plan's, then what each report read so far dropped, in build order."""
        return self.plan.decisions + [d for i in sorted(self._dropped) for d in self._dropped[i]]

    @property
    def unplaced(self) -> list[Unplaced]:
        """What the graph cannot hold, of the reports read so far, sorted (``unplaced.csv``)."""
        return sorted({u for items in self._unplaced.values() for u in items})

    def resolution(self) -> Resolution:
        """The decisions as a :class:`~graph.corpus.resolve.Resolution` (``to_csv`` writes ``resolution.csv``)."""
        return Resolution(self, self.decisions)


def resolve_reports(
    reports: Sequence[Report],
    use_lexicon: bool = True,
    jobs: int = 1,
    cache_dir=None,
    scheduler: str | None = None,
    first_visit: Callable[[Extraction], None] | None = None,
    extracted=None,
) -> ResolvedReports:
    """Extract ``reports`` (in build order) to disk, index their names and resolve them: the first pass.

    Extraction runs as :func:`graph.corpus.batch.extract_each` runs it (the cache of ``cache_dir``,
    then ``jobs`` processes or the Dask cluster ``scheduler``); what comes back is the second pass, to
    read in order (:class:`ResolvedReports`).  ``extracted``: a folder of extractions made ahead
    (:class:`Spill`).
    """
    spill = Spill(cache_dir, hold=len(reports) == 1, extracted=extracted)
    index = [None] * len(reports)
    for i, ex, _ in extract_each(reports, use_lexicon=use_lexicon, jobs=jobs, cache=spill, scheduler=scheduler):
        index[i] = report_names(ex)
    keys = [cache_key(report, use_lexicon) for report in reports]
    return ResolvedReports(spill, keys, plan(index, use_lexicon=use_lexicon), first_visit)
