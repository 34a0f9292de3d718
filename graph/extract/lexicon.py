"""Load the curated lexicon (``lexicon.tsv`` beside this file).

The lexicon is data: canonical names, their other names, and the class of entities no pattern can
type.  ``--no-lexicon`` builds without it, so what the patterns alone find can be measured.

Examples
--------
>>> lex = load_lexicon()
>>> lex.canonical("华东师大")
'华东师范大学'
>>> lex.classes["华东师范大学"]
'University'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import WujingError
from graph.model import ENTITY_CLASSES
from graph.resources import data_rows

LEXICON_PATH = Path(__file__).with_name("lexicon.tsv")


class LexiconError(WujingError, ValueError):
    """The lexicon file is malformed."""


@dataclass
class Lexicon:
    """Canonical names with their class, and every alias mapped to its canonical name."""
    classes: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical

    def canonical(self, name: str) -> str:
        """The canonical name for ``name`` (itself when the lexicon does not know it)."""
        return self.aliases.get(name, name)

    def names(self) -> dict[str, str]:
        """Every surface form (canonical names and aliases) -> canonical name."""
        out = {name: name for name in self.classes}
        out.update(self.aliases)
        return out


def load_lexicon(path: Path | str = LEXICON_PATH) -> Lexicon:
    """Read a lexicon TSV file; raise :class:`LexiconError` naming the line that is wrong."""
    lex = Lexicon()
    path = Path(path)
    for lineno, cols in data_rows(path):
        if len(cols) < 2:
            raise LexiconError(f"{path}:{lineno}: expected name<TAB>class<TAB>aliases<TAB>note")
        name, cls = cols[0].strip(), cols[1].strip()
        if cls not in ENTITY_CLASSES:
            raise LexiconError(f"{path}:{lineno}: unknown class {cls!r}")
        if name in lex.classes or name in lex.aliases:
            raise LexiconError(f"{path}:{lineno}: {name!r} is listed twice")
        lex.classes[name] = cls
        for alias in filter(None, (a.strip() for a in (cols[2] if len(cols) > 2 else "").split("|"))):
            if alias in lex.aliases or alias in lex.classes:
                raise LexiconError(f"{path}:{lineno}: alias {alias!r} is listed twice")
            lex.aliases[alias] = name
    return lex


EMPTY = Lexicon()
