#!/usr/bin/env python3
"""Build everything from the bundled report: ``python build_graph.py`` = ``wujing-kg build``.

Takes the same arguments as ``wujing-kg build`` (``INPUT...``, ``--out DIR``, ``--no-lexicon``).
"""

import sys

from graph.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
