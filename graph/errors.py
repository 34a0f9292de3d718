"""The one base of every error a user can fix, and the errors of the build.

Each layer raises its own subclass of :class:`WujingError` (:class:`graph.text.readers.ReadError`,
:class:`graph.extract.lexicon.LexiconError`, :class:`graph.store.queries.QueryError`, …); the command
line catches :class:`WujingError` in one place (:func:`graph.cli.main.main`) and prints its message on
one line, with exit status :attr:`WujingError.exit_code`.  Anything else is a bug and keeps its
traceback.

Examples
--------
>>> issubclass(BuildError, WujingError), BuildError("x").exit_code
(True, 1)
"""

from __future__ import annotations

__all__ = ["BuildError", "InputError", "UsageError", "WujingError"]


class WujingError(Exception):
    """A problem the user can fix: its message is one line that says what and where."""
    #: The command line's exit status for this error.
    exit_code = 1


class UsageError(WujingError):
    """A command used the wrong way (a malformed option value, options that exclude each other)."""

    exit_code = 2  # as click's own usage errors


class InputError(WujingError):
    """An input that cannot be used: unreadable, of the wrong format, or over a limit."""


class BuildError(WujingError):
    """A build that cannot go on: bad input, a graph that does not conform, unwritable output."""
