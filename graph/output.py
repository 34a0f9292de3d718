"""Write files atomically: to a temporary file beside the target, then rename.

An interrupted or failed build never leaves a half-written file, and the previous file stays
until the new one is complete.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_text(p, "吴泾")
>>> p.read_text(encoding="utf-8")
'吴泾'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temporary_file(path: Path | str) -> tuple[int, str]:
    """A new temporary file beside ``path`` (its descriptor and name), with ordinary permissions.

    ``tempfile.mkstemp`` makes files only their owner can read (0600); a build's outputs are for
    colleagues and web servers too, so the file gets what ``open()`` would give it: 0666 minus
    the umask (0644 with the usual umask 022).  Rename it onto ``path`` once it is complete.

    Examples
    --------
    >>> import tempfile, pathlib, stat
    >>> fd, tmp = temporary_file(pathlib.Path(tempfile.mkdtemp()) / "a.ttl")
    >>> os.close(fd)
    >>> stat.S_IMODE(os.stat(tmp).st_mode) == 0o666 & ~_umask()
    True
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd, tmp


def temporary_folder(parent: Path | str, prefix: str) -> Path:
    """A new folder in ``parent`` with ordinary permissions, to fill and then rename into place.

    ``tempfile.mkdtemp`` makes folders only their owner can enter (0700); a folder a build leaves
    (the Oxigraph store ``out/oxigraph/``) is for colleagues and servers too, so it gets what
    ``mkdir`` would give it: 0777 minus the umask (0755 with the usual umask 022).

    Examples
    --------
    >>> import tempfile, stat
    >>> work = temporary_folder(tempfile.mkdtemp(), ".oxigraph-")
    >>> work.name.startswith(".oxigraph-"), stat.S_IMODE(work.stat().st_mode) == 0o777 & ~_umask()
    (True, True)
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        folder.chmod(0o777 & ~_umask())
    except BaseException:
        folder.rmdir()
        raise
    return folder


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary_file(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path | str, text: str) -> None:
    """Write ``text`` as UTF-8 (always, whatever the platform's default) atomically."""
    write_bytes(path, text.encode("utf-8"))


def _remove_stale(path: Path, age: float = 60.0) -> None:
    """Remove temporary files a killed process left beside ``path`` (older than ``age`` seconds)."""
    import glob
    import time

    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if time.time() - old.stat().st_mtime > age:
                old.unlink()
        except OSError:
            pass  # another process removed or renamed it


def stage_file(path: Path, write) -> str:
    """Write ``path``'s new content through ``write(binary file)`` into a temporary file beside it
    (synced to disk) and return that file's name, for :func:`replace_all` to rename; what a killed
    process left beside ``path`` is removed first, and a failed write leaves nothing."""
    _remove_stale(path)
    fd, tmp = temporary_file(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_files(files: dict[Path | str, str | bytes]) -> None:
    """Write several files as one set: each to a temporary file first, then rename them all.

    If anything fails, or the process is killed, before the renames, every target keeps its
    previous content; the renames themselves take microseconds.  Text is written as UTF-8.
    Temporary files that a killed process left behind are removed by the next call writing the
    same targets.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_files({d / "a.ttl": "a", d / "b.csv": b"b"})
    >>> sorted(p.name for p in d.iterdir())
    ['a.ttl', 'b.csv']
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            content = data.encode("utf-8") if isinstance(data, str) else data
            staged.append((stage_file(path, lambda fh, content=content: fh.write(content)), path))
        replace_all(staged)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


def replace_all(staged: list[tuple[str, Path]]) -> None:
    """Rename each complete temporary file onto its target, in order: the last step of writing a set
    of files (:func:`write_files`, and a build, which writes its files one at a time before)."""
    for tmp, path in staged:
        os.replace(tmp, path)
