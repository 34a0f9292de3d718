"""The command line pauses the garbage collector while it imports a command's module and freezes
what the imports made (graph.cli.main.import_frozen; the build command imports the build's libraries the same way): the collections of a command then leave those objects
alone; once the command ends, nothing stays frozen."""

from __future__ import annotations

import gc
import importlib

from click.testing import CliRunner

from graph.cli import main
from graph.errors import BuildError


def test_build_command_runs_with_the_imports_frozen_and_thaws_them_at_its_end(monkeypatch):
    seen = {}

    def fake_build(*args, **kwargs):
        seen.update(frozen=gc.get_freeze_count(), enabled=gc.isenabled())
        raise BuildError("stopped here")

    monkeypatch.setattr(importlib.import_module("graph.build"), "build", fake_build)
    result = CliRunner().invoke(main, ["build", "--no-cache", "--jobs", "1", "--out", "unused"])
    assert result.exit_code == 1 and "stopped here" in result.output
    assert seen["frozen"] > 0 and seen["enabled"]
    assert gc.get_freeze_count() == 0


def test_import_of_a_command_leaves_a_paused_collector_paused(monkeypatch):
    gc.disable()
    try:
        assert CliRunner().invoke(main, ["query", "--help"]).exit_code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0
