"""Name families: the endings official prose names things with (…科学城, …高铁, …实验室), as data.

``families.tsv`` beside this module (documented in ``FAMILIES.md``) lists each ending with the class
it gives and when it gives it: always, only with a platform word (…中心), only where the clause
states a construction stage (…医院, …路), or only with one of some words (…基地 of 产业, 科技 …).
:class:`~graph.extract.names.NameRules` types names by it; ``wj_suffix_names`` finds names by it.

Examples
--------
>>> fams = load_families()
>>> [(f.cls, f.when) for f in fams if f.ending == "高铁"]
[('Project', '-')]
>>> [(f.cls, f.when, f.words) for f in fams if f.ending == "医院"]
[('Project', 'stage', ())]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.errors import WujingError
from graph.model import ENTITY_CLASSES
from graph.resources import data_rows

__all__ = [
    "FAMILIES_PATH", "CONDITIONS", "NONE", "WORKS_PATH", "WORKS_ROLES", "Family", "FamilyError", "load_families",
    "load_works",
]

#: The name families of the extractor.
FAMILIES_PATH = Path(__file__).with_name("families.tsv")
#: The words of works done on a facility (改扩建, 提标改造, 主体工程): a project named by them is the facility's.
WORKS_PATH = Path(__file__).with_name("works.tsv")
#: The roles of a word of ``works.tsv``: it names works, or it qualifies them (综合, 快速化).
WORKS_ROLES = ("works", "modifier")
#: The class of a family whose names are none of ours (教育集团, 先行示范区): they stop shorter endings.
NONE = "-"
#: What an ending needs to type a name (see ``FAMILIES.md``).
CONDITIONS = ("-", "platform", "stage", "inner", "section", "with")


class FamilyError(WujingError, ValueError):
    """The name families file is malformed."""


@dataclass(frozen=True)
class Family:
    """One line of ``families.tsv``: an ending, the class it gives, and when."""

    ending: str
    cls: str
    when: str = "-"
    words: tuple[str, ...] = ()

    def as_row(self) -> list[str]:
        """The family as config data: ``[ending, class, when]`` (``stage,with:A|B`` with words)."""
        words = f"with:{'|'.join(self.words)}" if self.words else ""
        when = self.when if self.when != "with" else ""
        return [self.ending, self.cls, ",".join(w for w in (when, words) if w) or "-"]

    @classmethod
    def from_row(cls, row: list[str] | tuple[str, ...], where: str = "families") -> "Family":
        """A family from ``[ending, class, when]``; raise :class:`FamilyError` saying what is wrong."""
        if len(row) < 2:
            raise FamilyError(f"{where}: expected ending<TAB>class<TAB>when<TAB>example")
        ending, klass = row[0].strip(), row[1].strip()
        when = row[2].strip() if len(row) > 2 and row[2].strip() else "-"
        words: tuple[str, ...] = ()
        parts = [p.strip() for p in when.split(",")]
        if parts[-1].startswith("with:"):
            words = tuple(w for w in parts[-1][5:].split("|") if w)
            if not words:
                raise FamilyError(f"{where}: with: needs words (with:产业|科技)")
            when = parts[0] if len(parts) == 2 else "with"
        elif len(parts) > 1:
            when = "?"
        if not ending:
            raise FamilyError(f"{where}: empty ending")
        if klass not in ENTITY_CLASSES and klass != NONE:
            raise FamilyError(f"{where}: unknown class {klass!r}")
        if when not in CONDITIONS:
            raise FamilyError(f"{where}: when must be one of -, platform, stage, inner, section, with:… (or one of them,with:…), "
                              f"not {row[2].strip()!r}")
        return cls(ending, klass, when, words)


def load_families(path: Path | str = FAMILIES_PATH) -> tuple[Family, ...]:
    """Read the name families in file order; raise :class:`FamilyError` naming the line that is wrong."""
    path = Path(path)
    out: list[Family] = []
    seen: set[tuple[str, str, str, tuple[str, ...]]] = set()
    for lineno, row in data_rows(path):
        family = Family.from_row(row, f"{path}:{lineno}")
        key = (family.ending, family.cls, family.when, family.words)
        if key in seen:
            raise FamilyError(f"{path}:{lineno}: {family.ending!r} is listed twice")
        seen.add(key)
        out.append(family)
    return tuple(out)


def load_works(path: Path | str = WORKS_PATH) -> tuple[tuple[str, str], ...]:
    """Read the works words, ``(word, role)`` in file order; raise :class:`FamilyError` naming the line.

    Examples
    --------
    >>> dict(load_works())["改扩建"], dict(load_works())["综合"]
    ('works', 'modifier')
    """
    path = Path(path)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for lineno, row in data_rows(path):
        cols = [c.strip() for c in row]
        if len(cols) < 3 or not cols[0] or not cols[2]:
            raise FamilyError(f"{path}:{lineno}: expected word<TAB>role<TAB>example")
        if cols[1] not in WORKS_ROLES:
            raise FamilyError(f"{path}:{lineno}: role must be one of {', '.join(WORKS_ROLES)}, not {cols[1]!r}")
        if cols[0] in seen:
            raise FamilyError(f"{path}:{lineno}: {cols[0]!r} is listed twice")
        seen.add(cols[0])
        out.append((cols[0], cols[1]))
    return tuple(out)
