"""Layer 2, extract: the spaCy pipeline that finds entities, relations, milestones and figures in one report.

The only layer that imports spaCy; what it returns is plain data from :mod:`graph.model`.

Called, the package is its pipeline's :func:`~graph.extract.pipeline.extract` (``graph.extract(report)``),
so that ``graph.extract`` is both the public function and this package, whose modules
``import graph.extract.pipeline as pipeline`` reaches.
"""

from __future__ import annotations

import importlib
import sys
import types


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`graph.extract.pipeline.extract` (loaded, with spaCy, on the first call)."""

    def __call__(self, *args, **kwargs):
        return importlib.import_module("graph.extract.pipeline").extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
