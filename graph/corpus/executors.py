"""Where the per-report work runs: this machine's process pool (the default) or a Dask cluster.

:func:`graph.corpus.batch.parallel_imap` runs the work of each report (extraction; with an Oxigraph
build, also the report's RDF) in a pool of this machine's processes.  Given a *scheduler* it sends
the same work to Dask distributed instead: ``"local"`` starts a ``LocalCluster`` of this machine's
cores (one single-threaded worker process per job, on 127.0.0.1), ``"tcp://HOST:8786"`` uses a
running cluster (``dask scheduler`` on one machine, ``dask worker tcp://HOST:8786`` on each of the
others, every one with the same version of this package installed).  The reports travel with the
tasks, so workers need no shared folder.  Results are put back in input order, so a build on a
cluster writes the same bytes as one in the process pool.

A client is opened once per scheduler and kept for the life of the process (a ``LocalCluster``
takes seconds to start: a notebook that builds twice starts it once); :func:`close_executors`
closes them, and does so at exit.  Dask is an optional dependency (``pip install
"wujing-kg[distributed]"``), imported only here and only when a scheduler is asked for.

Examples
--------
>>> check_scheduler("local"), check_scheduler("tcp://10.0.0.5:8786")
('local', 'tcp://10.0.0.5:8786')
>>> check_scheduler("10.0.0.5:8786")
Traceback (most recent call last):
...
graph.errors.UsageError: --scheduler 10.0.0.5:8786: use local (a cluster of this machine's cores) or a scheduler address such as tcp://HOST:8786
"""

from __future__ import annotations

import atexit
import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from graph.errors import BuildError, UsageError

__all__ = ["CONNECT_TIMEOUT", "LOCAL", "DaskExecutor", "check_scheduler", "close_executors", "default_jobs", "executor_for"]

T = TypeVar("T")
R = TypeVar("R")

#: The scheduler that starts a Dask ``LocalCluster`` on this machine.
LOCAL = "local"
#: Seconds to wait for a scheduler to answer before the build gives up.
CONNECT_TIMEOUT = 10.0

_ADDRESS = re.compile(r"(?:tcp|tls|ucx|ws|wss)://[^\s/]+")
_OPEN: dict[tuple[str, int], DaskExecutor] = {}


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def check_scheduler(scheduler: str) -> str:
    """``scheduler`` if it is ``"local"`` or a Dask scheduler address, else :class:`UsageError`."""
    scheduler = scheduler.strip()
    if scheduler == LOCAL or _ADDRESS.fullmatch(scheduler):
        return scheduler
    raise UsageError(f"--scheduler {scheduler}: use {LOCAL} (a cluster of this machine's cores) or a scheduler "
                     "address such as tcp://HOST:8786")


class DaskExecutor:
    """A Dask distributed client (and the ``LocalCluster`` it started, if any) that maps functions
    over items, a bounded number of tasks at a time."""

    def __init__(self, client, cluster=None) -> None:
        self.client = client
        self.cluster = cluster

    @property
    def workers(self) -> int:
        """Threads over all workers of the cluster now."""
        return sum(self.client.nthreads().values())

    def imap(self, func: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        """Yield ``(i, func(items[i]))`` as the tasks finish, in any order.

        At most four tasks per worker thread (at least 16) are on the cluster at a time, so the
        items of a large corpus are not all copied to the scheduler at once.  A task's exception is
        raised here; a report whose workers kept dying is a one-line :class:`BuildError`.  Closing
        the iterator early cancels the tasks still queued.
        """
        from dask.distributed import as_completed
        from distributed.scheduler import KilledWorker

        client = self.client
        todo = iter(enumerate(items))
        index: dict[str, int] = {}
        running = as_completed()

        def submit_next() -> None:
            for i, item in todo:
                future = client.submit(func, item, pure=False)
                index[future.key] = i
                running.add(future)
                return

        for _ in range(max(16, 4 * self.workers)):
            submit_next()
        try:
            for future in running:
                i = index.pop(future.key)
                try:
                    result = future.result()
                except KilledWorker as exc:
                    raise BuildError(f"the Dask cluster lost every worker that ran item {i + 1} of {len(items)} "
                                     f"({exc.args[0] if exc.args else exc}): is a worker short of memory?") from None
                future.release()
                submit_next()
                yield i, result
        finally:
            pending = list(running.futures)
            if pending:
                client.cancel(pending)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _connect(scheduler: str, jobs: int) -> DaskExecutor:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BuildError("--scheduler needs Dask distributed: pip install \"wujing-kg[distributed]\"") from None
    if scheduler == LOCAL:
        # one single-threaded process per job: extraction holds the GIL; 127.0.0.1 and no dashboard,
        # so nothing listens beyond this machine and no port is taken that another build wants
        try:
            cluster = LocalCluster(n_workers=jobs if jobs > 0 else default_jobs(), threads_per_worker=1,
                                   processes=True, host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
        except Exception as exc:  # the workers start in new processes: a script without a main guard fails there
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise BuildError(f"cannot start a local Dask cluster: {detail} (a script that builds with "
                             "scheduler='local' must do so under if __name__ == '__main__':)") from None
        return DaskExecutor(Client(cluster), cluster)
    try:
        return DaskExecutor(Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s"))
    except (OSError, TimeoutError) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {detail}") from None


def executor_for(scheduler: str, jobs: int = 0) -> DaskExecutor:
    """The executor of ``scheduler`` (see the module docstring), opened on first use and kept.

    ``jobs`` is the number of workers of a ``"local"`` cluster (0: one per CPU); a running
    cluster has the workers it has.
    """
    scheduler = check_scheduler(scheduler)
    key = (scheduler, jobs if scheduler == LOCAL else 0)
    if key not in _OPEN:
        _OPEN[key] = _connect(scheduler, jobs)
    return _OPEN[key]


def close_executors() -> None:
    """Close every client (and local cluster) that :func:`executor_for` opened."""
    while _OPEN:
        _, executor = _OPEN.popitem()
        executor.close()


atexit.register(close_executors)
