"""The one error every reader raises."""

from __future__ import annotations

from graph.errors import InputError


class ReadError(InputError, ValueError):
    """A report file cannot be read; the message is one line that starts with the file's path."""
