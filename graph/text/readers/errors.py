"""The one error every reader raises."""

from __future__ import annotations


class ReadError(ValueError):
    """A report file cannot be read; the message is one line that starts with the file's path."""
