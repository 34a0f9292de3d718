"""wujing-kg: a knowledge graph of the organisations, parks, clusters and projects of government work reports.

The public API: what a notebook or a script needs, from a report to a query, a network and a map.
Each name is the function or class of the module that owns it (``graph.build`` is
:func:`graph.build.build`), loaded the first time it is used, so ``import graph`` and
``import graph.model`` load neither spaCy nor rdflib.

=====================  =======================================================================
read and build         :func:`read_report`, :func:`extract`, :func:`build` (-> :class:`BuildResult`),
                       :data:`DEFAULT_REPORT`, :class:`Report`, :class:`Extraction`
open a built graph     :func:`open_graph` (a build folder of either store, or a graph file),
                       :func:`load` (dataset and networkx graph), :func:`union_graph`, :data:`PREFIXES`
query                  :func:`run_query` (the library of ``queries/*.rq``), :func:`list_queries`
network                :func:`to_networkx`, :func:`search_entities`, :func:`relations_of`,
                       :func:`shortest_paths`, :func:`format_chain`, :func:`park_cluster_matrix`,
                       :func:`analyze`
maps and exports       :func:`focus_view`, :func:`render` (a view as one HTML page),
                       :func:`write_focus_map`, :func:`write_maps`, :func:`write_exports`
notebooks              :func:`heatmap`, :func:`bar_chart`, :func:`inline_html`, :func:`output_dir`
evaluation             :func:`evaluate`, :func:`load_gold`
errors                 :class:`WujingError`, the base of every error a user can fix
=====================  =======================================================================

``build`` and ``evaluate`` are also the names of modules (``graph/build.py``, ``graph/evaluate.py``);
here they always stand for the functions, whatever was imported before: reach the modules' other
names with ``from graph.build import …``.  ``extract`` is the package ``graph/extract/`` itself,
callable as its pipeline's :func:`~graph.extract.pipeline.extract`, so that
``import graph.extract.pipeline as pipeline`` reaches its modules.

Examples
--------
>>> import graph
>>> result = graph.build(out_dir=None)            # the bundled report, in memory
>>> rows = graph.run_query("university_cooperation", university="华东师范大学", graph=result.backend)
>>> [row["partnerLabel"] for row in rows]
['奥锐特']
>>> G = graph.to_networkx(result.backend)
>>> [m["label"] for m in graph.search_entities(G, "华东师大")][:1]
['华东师范大学']
"""

from __future__ import annotations

import importlib
import sys
import types

#: Public name -> the module that owns it.
_OWNERS = {
    "BuildResult": "graph.build",
    "build": "graph.build",
    "DEFAULT_REPORT": "graph.resources",
    "Extraction": "graph.model",
    "Report": "graph.model",
    "extract": "graph",  # the package graph/extract/, callable as its pipeline's extract
    "read_report": "graph.text.metadata",
    "open_graph": "graph.store.backend",
    "load": "graph.notebook",
    "union_graph": "graph.rdf.convert",
    "PREFIXES": "graph.rdf.namespaces",
    "list_queries": "graph.store.queries",
    "run_query": "graph.store.queries",
    "to_networkx": "graph.network.convert",
    "analyze": "graph.analytics.measures",
    "format_chain": "graph.analytics.measures",
    "park_cluster_matrix": "graph.analytics.measures",
    "relations_of": "graph.analytics.measures",
    "search_entities": "graph.analytics.measures",
    "shortest_paths": "graph.analytics.measures",
    "focus_view": "graph.maps.render",
    "render": "graph.maps.render",
    "write_focus_map": "graph.maps.render",
    "write_maps": "graph.maps.render",
    "write_exports": "graph.exports.formats",
    "bar_chart": "graph.notebook",
    "heatmap": "graph.notebook",
    "inline_html": "graph.notebook",
    "output_dir": "graph.notebook",
    "evaluate": "graph.evaluate",
    "load_gold": "graph.evaluate",
    "WujingError": "graph.errors",
}

__all__ = sorted(_OWNERS)


def __getattr__(name: str):
    """Load a public name from its module the first time it is asked for (PEP 562)."""
    module = _OWNERS.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    if module == __name__:  # a subpackage of its own (graph.extract)
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """``graph`` itself: importing the module ``graph.build`` (or ``graph.extract``, ``graph.evaluate``)
    does not replace the function of the same name, which the import system would otherwise do by
    setting the submodule as an attribute of its package."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and name in _OWNERS and _OWNERS[name] != __name__:
            return  # the submodule stays in sys.modules, where `from graph.build import …` finds it
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
