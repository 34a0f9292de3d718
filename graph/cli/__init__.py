"""Layer 10, cli: the ``wujing-kg`` command line; each command is a thin call of one library function.

``graph.cli.run`` is the program (``setup.cfg``'s console script; :func:`graph.cli.main.main` the click group it runs); the commands live in one module per area
(:mod:`graph.cli.build`, :mod:`graph.cli.evaluate`, :mod:`graph.cli.query`, :mod:`graph.cli.maps`, :mod:`graph.cli.analytics`,
:mod:`graph.cli.indicators`, :mod:`graph.cli.push`) and are loaded when they run.
"""

from graph.cli.main import main, run

__all__ = ["main", "run"]
