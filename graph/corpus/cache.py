"""Cache each report's extraction by content hash, so adding a report does not re-extract the others.

The key of a report is a hash of its cleaned text and metadata (the whole :class:`~graph.model.Report`),
of ``use_lexicon`` and of the *extractor version*: a hash of every file that decides what the
extractor produces (``graph/extract/*`` and its trained model, ``graph/text/``, ``graph/model.py``)
and of the spaCy and Python versions.  Any change to those files invalidates every entry, so a
cached build is always identical to a fresh one.  Entries are pickles of
:class:`~graph.model.Extraction` under ``out/.cache/extract/``; delete the folder to clear the
cache.  An unreadable entry is a miss.

With ``--store oxigraph`` a second cache, :class:`RDFCache`, keeps each report's validated N-Quads
under ``out/.cache/rdf/``, keyed by the *resolved* extraction (after :mod:`graph.resolve`), its
metadata and a hash of all the code and ontology files: adding a report to a large corpus then
neither re-extracts nor re-validates the others.

Examples
--------
>>> import tempfile
>>> from graph.model import Extraction, Report
>>> cache = ExtractionCache(tempfile.mkdtemp())
>>> report = Report(slug="t", text="推动纳鸿微球落地。\\n")
>>> key = cache_key(report, use_lexicon=True)
>>> cache.get(key) is None
True
>>> cache.put(key, Extraction(report, [], {}, [], []))  # whether it was written
True
>>> cache.get(key).report.slug
't'
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from dataclasses import asdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from graph.model import Extraction, Report
from graph.output import write_bytes
from graph.resources import ONTOLOGY_DIR

__all__ = [
    "ExtractionCache",
    "RDFCache",
    "cache_key",
    "code_version",
    "extractor_files",
    "extractor_version",
    "rdf_key",
]

_PACKAGE = Path(__file__).resolve().parent.parent  # graph/


def extractor_files() -> list[Path]:
    """The files whose content decides what the extractor produces, in a fixed order."""
    extract = _PACKAGE / "extract"
    files = [p for p in extract.iterdir() if p.is_file() and p.suffix in (".py", ".tsv", ".json", ".yaml", ".txt")]
    files += [p for p in (extract / "model" / "names").rglob("*") if p.is_file()]  # the trained model
    text = _PACKAGE / "text"  # its code and its word lists (parts.tsv, divisions.tsv)
    files += sorted([*text.rglob("*.py"), *text.rglob("*.tsv")]) + [_PACKAGE / "model.py"]
    files += [ONTOLOGY_DIR / "industries.ttl", ONTOLOGY_DIR / "industry-umbrellas.tsv"]  # wj_industries reads them
    return sorted(files)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short hash of the extractor's files and of the spaCy and Python versions."""
    h = hashlib.sha256()
    for path in extractor_files():
        name = path.relative_to(_PACKAGE).as_posix() if path.is_relative_to(_PACKAGE) else f"ontology/{path.name}"
        h.update(name.encode("utf-8") + b"\0")  # the same in a checkout and an installed package
        h.update(path.read_bytes() + b"\0")
    try:
        h.update(version("spacy").encode("ascii"))
    except PackageNotFoundError:  # pragma: no cover - spaCy is a hard dependency
        pass
    h.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode("ascii"))
    return h.hexdigest()[:16]


def cache_key(report: Report, use_lexicon: bool) -> str:
    """The cache key of a report's extraction: its content, its metadata and the extractor version."""
    h = hashlib.sha256(f"{extractor_version()}\0{int(use_lexicon)}\0".encode("ascii"))
    for name, value in sorted(asdict(report).items()):
        h.update(name.encode("utf-8") + b"\0" + str(value).encode("utf-8") + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A short hash of every file of ``graph/`` and ``ontology/`` (what turns an extraction into RDF)."""
    h = hashlib.sha256(extractor_version().encode("ascii"))
    for folder in (_PACKAGE, ONTOLOGY_DIR):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".ttl", ".json", ".yaml", ".txt"):
                h.update(path.relative_to(folder.parent).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _canonical(value):
    """JSON-able, with sets sorted: the same extraction gives the same text in every process."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(type(value).__name__)


def rdf_key(ex: Extraction, meta, validate: bool) -> str:
    """The key of a report's RDF: its resolved extraction, its description and the code version."""
    import json
    from dataclasses import asdict, is_dataclass

    data = {"ex": asdict(ex), "meta": asdict(meta) if is_dataclass(meta) else None, "validate": validate}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_canonical)
    return hashlib.sha256(f"{code_version()}\0{text}".encode("utf-8")).hexdigest()


class RDFCache:
    """Each report's RDF (gzip), one file per key, under ``root/rdf/``: N-Quads of its graphs and their
    union (see :func:`graph.store.oxigraph.to_nquads`)."""
    def __init__(self, root: Path | str):
        self.dir = Path(root) / "rdf"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.nq.gz"

    def has(self, key: str) -> bool:
        """Whether there is an entry for ``key`` (:meth:`get` may still find it unreadable)."""
        return self._path(key).exists()

    def get(self, key: str) -> bytes | None:
        """The cached N-Quads, or None."""
        import gzip

        try:
            return gzip.decompress(self._path(key).read_bytes())
        except (OSError, EOFError, ValueError):  # missing or truncated: a miss
            return None

    def put(self, key: str, nquads: bytes) -> None:
        import gzip

        write_bytes(self._path(key), gzip.compress(nquads, compresslevel=3))


class ExtractionCache:
    """Extractions on disk, one pickle per key, under ``root/extract/``."""
    def __init__(self, root: Path | str):
        self.dir = Path(root) / "extract"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Extraction | None:
        """The cached extraction, or None when there is none or it cannot be read."""
        path = self._path(key)
        try:
            with path.open("rb") as fh:
                ex = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or stale entry is a miss, never an error
            return None
        return ex if isinstance(ex, Extraction) else None

    def put(self, key: str, ex: Extraction) -> bool:
        """Store an extraction (atomically: a reader never sees half an entry); whether it was written.

        A cache that cannot be written is no error: the build goes on, and an unwritable ``--out``
        is reported once, in one line, when the outputs are written (docs/robustness.md).
        """
        try:
            write_bytes(self._path(key), pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return False
        return True
