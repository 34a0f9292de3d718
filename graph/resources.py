"""Where the project's own files are: the ontology, the query library, the bundled report.

They live at the top of the repository (``ontology/``, ``queries/``, ``corpus/``) and are installed
with the package as ``graph._ontology``, ``graph._queries`` and ``graph._corpus`` (``setup.cfg``
maps the folders), so :mod:`importlib.resources` finds them in a checkout, an editable install and
a wheel alike.  Built output goes to ``out/`` in the working directory.

Examples
--------
>>> ontology_file("wujing.ttl").name
'wujing.ttl'
>>> sorted(p.name for p in query_files())[:2]
['affiliations.rq', 'changes_between_years.rq']
>>> DEFAULT_REPORT.name
'wujing-2026.txt'
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

__all__ = ["DEFAULT_OUT", "DEFAULT_REPORT", "ONTOLOGY_DIR", "QUERY_DIR", "data_rows", "ontology_file", "query_files"]

#: The folder of the ontology, its SHACL shapes and vocabularies (``ontology/`` of the repository).
ONTOLOGY_DIR = Path(str(files("graph._ontology")))
#: The folder of the named SPARQL queries (``queries/``).
QUERY_DIR = Path(str(files("graph._queries")))
#: The bundled report, the default input of ``wujing-kg build``.
DEFAULT_REPORT = Path(str(files("graph._corpus"))) / "wujing-2026.txt"
#: Where a build writes, relative to the working directory.
DEFAULT_OUT = Path("out")


def ontology_file(name: str) -> Path:
    """A file of ``ontology/`` by name (``wujing.ttl``, ``shapes.ttl``, ``industries.ttl``…)."""
    return ONTOLOGY_DIR / name


def query_files() -> list[Path]:
    """The ``.rq`` files of the query library, sorted by name."""
    return sorted(QUERY_DIR.glob("*.rq"))


def data_rows(path: Path | str) -> Iterator[tuple[int, list[str]]]:
    """The rows of one of the package's tab-separated word lists: ``(line number, columns)``.

    Blank lines and ``#`` comments are skipped.  Every list (families.tsv, stages.tsv, lexicon.tsv,
    nonprojects.tsv, levels.tsv …) has this form; each reader checks its own columns and names the
    line that is wrong.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "words.tsv"
    >>> _ = path.write_text("# word<TAB>kind\\n\\n河\\twater\\n", encoding="utf-8")
    >>> list(data_rows(path))
    [(3, ['河', 'water'])]
    """
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip() and not raw.startswith("#"):
            yield lineno, raw.split("\t")
