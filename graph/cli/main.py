"""The ``wujing-kg`` command line: one group, its commands loaded when they are run.

Commands are thin: each calls one library function.  Errors are handled here, once: a
:class:`~graph.errors.WujingError` (anything the user can fix) becomes one line on stderr and the
error's exit status; ``--debug`` shows the traceback instead.  A command's module is imported only
when the command runs (click's lazy-group pattern), so ``wujing-kg query`` does not load spaCy.

Examples
--------
>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["query", "--file", "missing.rq"]).exit_code
2
>>> sorted(main.list_commands(None))[:3]
['analyze', 'build', 'evaluate']
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
import threading
from types import ModuleType
from typing import NoReturn

import click

from graph.errors import WujingError

__all__ = ["COMMANDS", "import_frozen", "main", "run"]

#: Command name -> "module:attribute" of its click command.
COMMANDS = {
    "build": "graph.cli.build:build",
    "evaluate": "graph.cli.evaluate:evaluate",
    "query": "graph.cli.query:query",
    "serve": "graph.cli.query:serve",
    "map": "graph.cli.maps:map_command",
    "analyze": "graph.cli.analytics:analyze",
    "path": "graph.cli.analytics:path",
    "matrix": "graph.cli.analytics:matrix",
    "export": "graph.cli.analytics:export",
    "indicators": "graph.cli.indicators:indicators",
    "push": "graph.cli.push:push",
    "train": "graph.cli.train:train",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # on --version only: 0.04 s to import

    try:
        return version("wujing-kg")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: print ``wujing-kg VERSION`` and stop."""
    if value and not ctx.resilient_parsing:
        click.echo(f"wujing-kg {_version()}")
        ctx.exit()


class _Main(click.Group):
    """The group: commands from :data:`COMMANDS`, loaded on use; user errors turned into one line."""
    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context | None, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(import_frozen(module), attribute)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WujingError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"wujing-kg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("wujing-kg: interrupted", err=True)
            ctx.exit(130)
        finally:
            gc.unfreeze()  # for a caller that goes on after the command (tests, a notebook)


def import_frozen(module: str) -> ModuleType:
    """Import a command's module with the garbage collector paused, then freeze what is there.

    What the imports make (modules, classes, the tables of spaCy, rdflib and pypinyin) lives as long
    as the command, and each full collection walks all of it again: a cold build spent 0.25 s CPU in
    five of them.  Frozen (:func:`gc.freeze`), those objects are left out of every collection of the
    command; :meth:`_Main.invoke` unfreezes them when it ends.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        loaded = importlib.import_module(module)
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return loaded


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """wujing-kg: a knowledge graph of the enterprises, parks, industry clusters and projects named in
    Chinese local-government work reports."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def debug_option(command):
    """``--debug`` on a command too (``wujing-kg build --debug`` = ``wujing-kg --debug build``)."""
    def set_debug(ctx: click.Context, _param, value: bool) -> bool:
        if value:
            ctx.ensure_object(dict)
            ctx.find_root().ensure_object(dict)["debug"] = True
        return value

    return click.option("--debug", is_flag=True, expose_value=False, callback=set_debug, is_eager=True,
                        help="Show the full traceback when something fails (as wujing-kg --debug).")(command)


def run() -> NoReturn:
    """The ``wujing-kg`` program (``setup.cfg``'s console script, ``build_graph.py``): :func:`main`,
    then the process ends as soon as its exit handlers have run and its output is flushed.

    What the interpreter would do after that, a last full collection and freeing every object of
    the graph, the imports and their tables (0.25-0.3 s after a build of the bundled report), writes
    nothing; files are closed by the commands and temporary folders removed by the exit handlers
    (:mod:`atexit`: ``weakref.finalize``, :mod:`multiprocessing`, :mod:`logging`).  Where another
    thread still runs (a server's), the process exits the usual way, which waits for it.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    code = 0 if code is None else code
    if threading.active_count() > 1 or not hasattr(atexit, "_run_exitfuncs"):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (wujing-kg query ... | head)
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
