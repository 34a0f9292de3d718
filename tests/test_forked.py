"""graph.forked runs a function in a forked process and gives back what it returned or raised; a
forked process that dies without a word is a ForkFailed, and stop() ends and reaps one that runs.
Each test runs in a new process, because this one may hold other threads (a fork copies their locks)."""

from __future__ import annotations

import json
import subprocess
import sys


def _in_a_process(body: str) -> dict:
    """Run ``body`` in a new Python with ``fork_call`` and ``ForkFailed`` imported; it fills ``seen``."""
    code = ("import json, os, signal, time\nfrom graph.forked import ForkFailed, fork_call\nseen = {}\n"
            + body + "\nprint(json.dumps(seen))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_the_result_comes_back_from_the_forked_process_even_past_a_pipes_buffer():
    seen = _in_a_process("""
forked = fork_call(lambda: (os.getpid(), "吴泾" * 500_000))
pid, text = forked.result()
seen.update(elsewhere=pid != os.getpid(), length=len(text), reaped=forked.pid is None)""")
    assert seen == {"elsewhere": True, "length": 1_000_000, "reaped": True}


def test_what_the_function_raised_is_raised_here_with_its_class_and_message():
    seen = _in_a_process("""
from graph.errors import BuildError
def fails():
    raise BuildError("the graph does not conform: 1 violation")
try:
    fork_call(fails).result()
except BuildError as exc:
    seen["raised"] = str(exc)""")
    assert seen == {"raised": "the graph does not conform: 1 violation"}


def test_a_forked_process_that_dies_without_a_result_is_a_fork_failed():
    seen = _in_a_process("""
try:
    fork_call(lambda: os.kill(os.getpid(), signal.SIGKILL)).result()
except ForkFailed as exc:
    seen["failed"] = str(exc)""")
    assert seen == {"failed": "the forked process ended without a result"}


def test_a_result_that_does_not_pickle_comes_back_as_a_fork_failed_naming_it():
    seen = _in_a_process("""
try:
    fork_call(lambda: (lambda: None)).result()
except ForkFailed as exc:
    seen["failed"] = "did not pickle" in str(exc)""")
    assert seen == {"failed": True}


def test_stop_ends_a_forked_process_that_still_runs_and_reaps_it():
    seen = _in_a_process("""
forked = fork_call(lambda: time.sleep(60))
pid = forked.pid
started = time.monotonic()
forked.stop()
seen["quick"] = time.monotonic() - started < 10
try:
    os.waitpid(pid, 0)
    seen["reaped"] = False
except ChildProcessError:
    seen["reaped"] = True""")
    assert seen == {"quick": True, "reaped": True}
