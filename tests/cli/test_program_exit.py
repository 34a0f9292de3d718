"""The ``wujing-kg`` program (graph.cli.run) ends without the interpreter's teardown, but as a
normal exit would: the command's exit status, its output flushed, every exit handler run (temporary
folders removed), and the usual exit where another thread still runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROGRAM = """
import atexit, sys, tempfile, threading, time
from pathlib import Path
marker, mode, *args = sys.argv[1:]
atexit.register(lambda: Path(marker).write_text("exit handlers ran"))
kept = tempfile.TemporaryDirectory()  # removed by its finalizer, an exit handler
Path(marker + ".tmp").write_text(kept.name)
if mode == "thread":  # a thread that outlives the command: the exit waits for it
    threading.Thread(target=lambda: (time.sleep(0.5), Path(marker + ".thread").write_text("done"))).start()
sys.argv = ["wujing-kg", *args]
from graph.cli import run
run()
"""


def _program(tmp_path: Path, *args: str, mode: str = "plain") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROGRAM, str(tmp_path / "marker"), mode, *args],
                          capture_output=True, text=True, timeout=120)


def test_the_program_exits_with_the_commands_status_after_its_exit_handlers(tmp_path):
    done = _program(tmp_path, "query", "--list")
    assert done.returncode == 0, done.stderr
    assert "park_cluster_links" in done.stdout  # flushed before the process ended
    assert (tmp_path / "marker").read_text() == "exit handlers ran"
    assert not Path((tmp_path / "marker.tmp").read_text()).exists()


def test_a_user_error_and_a_usage_error_keep_their_exit_status_and_message(tmp_path):
    missing = _program(tmp_path, "build", str(tmp_path / "nope.docx"), "--out", str(tmp_path / "out"))
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("wujing-kg: error:") and "nope.docx" in missing.stderr
    usage = _program(tmp_path, "no-such-command")
    assert usage.returncode == 2 and "No such command" in usage.stderr


def test_with_another_thread_running_the_program_exits_the_usual_way_and_waits_for_it(tmp_path):
    done = _program(tmp_path, "--version", mode="thread")
    assert done.returncode == 0 and done.stdout.startswith("wujing-kg ")
    assert (tmp_path / "marker.thread").read_text() == "done"
    assert (tmp_path / "marker").read_text() == "exit handlers ran"
