#!/usr/bin/env python3
"""Build everything from the bundled report: ``python build_graph.py`` = ``wujing-kg build``.

Takes the same arguments as ``wujing-kg build`` (``INPUT...``, ``--out DIR``, ``--no-lexicon``).
"""

import sys

from graph.cli import run

if __name__ == "__main__":
    sys.argv[1:1] = ["build"]
    run()
