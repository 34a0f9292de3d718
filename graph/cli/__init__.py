"""Layer 10, cli: the ``wujing-kg`` command line; each command is a thin call of one library function.

``graph.cli.main`` is the entry point (``setup.cfg``); the commands live in one module per area
(:mod:`graph.cli.build`, :mod:`graph.cli.evaluate`, :mod:`graph.cli.query`, :mod:`graph.cli.maps`, :mod:`graph.cli.analytics`,
:mod:`graph.cli.indicators`, :mod:`graph.cli.push`) and are loaded when they run.
"""

from graph.cli.main import main

__all__ = ["main"]
