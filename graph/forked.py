"""Run a function in a forked process and take its result back: a second CPU for part of one build.

The forked process starts with a copy of this one (copy-on-write, so a graph already in memory is
not copied), runs the function, sends back what it returned, or the exception it raised, pickled
through a pipe, and ends without running any of this process's clean-up.  Standard ``os.fork``
rather than :mod:`multiprocessing`: a pool would pickle the graph over to its worker, and the point
is not to.  It prints nothing (its output goes to ``/dev/null``); :meth:`Forked.result` raises
:class:`ForkFailed` when it died without a word (killed, out of memory), so the caller can do the
work itself.

Example (not run as a doctest: a test process may hold other threads, see ``tests/test_forked.py``)::

    forked = fork_call(lambda: sum(range(10)))
    forked.result()  # 45
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["ForkFailed", "Forked", "alone", "fork_call"]

T = TypeVar("T")


class ForkFailed(RuntimeError):
    """The forked process ended without sending a result back."""


def alone() -> bool:
    """Whether this process runs no thread but its main one (forking is safe only then: a fork
    copies the locks other threads hold, a notebook kernel's or a server's)."""
    return threading.active_count() == 1


class Forked(Generic[T]):
    """A function running in a forked process: :meth:`result` waits for it, :meth:`stop` ends it."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid: int | None = pid
        self._reader = reader

    def result(self) -> T:
        """Wait for the forked process: what the function returned, or its exception raised here."""
        if self.pid is None:
            raise ForkFailed("the forked process was already waited for")
        with os.fdopen(self._reader, "rb") as pipe:
            payload = pipe.read()  # to its end before waiting: a result larger than the pipe's buffer
        self._wait()
        if not payload:
            raise ForkFailed("the forked process ended without a result")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """End the forked process if it still runs (its result is no longer wanted)."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.close(self._reader)
        self._wait()

    def _wait(self) -> int:
        pid, self.pid = self.pid, None
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)


def fork_call(fn: Callable[[], T]) -> Forked[T]:
    """Run ``fn()`` in a forked process (only where ``os.fork`` exists and :func:`alone`); :meth:`Forked.result` gives
    what it returned.  What ``fn`` returns or raises must pickle (an exception that does not comes
    back as a :class:`ForkFailed` naming it)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the forked process: run fn, send its outcome, never return into the caller's code
        try:
            os.close(reader)
            gc.freeze()  # the parent's objects are never scanned here, so their pages stay shared
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            try:
                outcome = (True, fn())
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
                outcome = (False, exc)
            try:
                payload = pickle.dumps(outcome)
            except Exception as exc:  # noqa: BLE001
                payload = pickle.dumps((False, ForkFailed(f"the forked process's result did not pickle: {exc}")))
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(writer)
    return Forked(pid, reader)
