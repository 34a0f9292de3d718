"""Import spaCy without its command line, for a process that only extracts.

``import spacy`` (3.8) also imports spaCy's own command line (typer, weasel, httpx, requests, rich:
about a quarter of its import time), only to offer ``spacy.info``; extraction never uses it.
:func:`import_spacy_for_extraction` imports spaCy with ``spacy.cli.info`` standing in as a small
module whose ``info`` imports the real one when called; the stand-ins are taken out of
``sys.modules`` again at once, so a later ``import spacy.cli`` (``wujing-kg train``) gets the real
command line.  Should a spaCy release import more of its command line at import time, the stand-in
lacks it and spaCy is imported as usual.

Examples
--------
>>> spacy = import_spacy_for_extraction()
>>> spacy.blank("zh").lang
'zh'
"""

from __future__ import annotations

import sys
import types
from types import ModuleType

__all__ = ["import_spacy_for_extraction"]


def _info(*args, **kwargs):
    """``spacy.info``, importing spaCy's command line on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_for_extraction() -> ModuleType:
    """``import spacy``, without its command line when spaCy is not imported yet (see above)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that spacy.cli.info can be found in it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:  # spaCy wanted more of its command line: import it as usual
        _take_out(stand_ins)
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    else:
        _take_out(stand_ins)
    return spacy


def _take_out(stand_ins: dict[str, ModuleType]) -> None:
    """Remove the stand-ins from ``sys.modules`` and from the ``spacy`` package's attributes."""
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        delattr(spacy, "cli")
