"""Draw docs/heatmap.png: the park x industry cluster matrix of the bundled report.

Run from the repository root after changing the extractor or the analytics:

    python docs/make_heatmap.py            # writes docs/heatmap.png
    python docs/make_heatmap.py -o x.png   # somewhere else

Chinese labels need a CJK font (Debian: ``apt-get install fonts-noto-cjk``); one installed after
matplotlib made its font cache is found by path (``graph.notebook.use_cjk_font``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib
from rdflib.namespace import DCTERMS

matplotlib.use("Agg")  # no display needed

from graph.analytics.measures import park_cluster_matrix  # noqa: E402
from graph.build import build  # noqa: E402
from graph.resources import DEFAULT_REPORT  # noqa: E402
from graph.network.convert import to_networkx  # noqa: E402
from graph.notebook import heatmap, png_bytes, use_cjk_font  # noqa: E402
from graph.output import write_bytes  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=HERE / "heatmap.png", help="PNG file to write.")
    args = parser.parse_args(argv)
    if use_cjk_font() is None:
        print("make_heatmap: no CJK font found (install fonts-noto-cjk); Chinese would not show", file=sys.stderr)
        return 1
    ds = build([DEFAULT_REPORT], out_dir=None).dataset
    titles = "；".join(sorted({str(q[2]) for q in ds.quads((None, DCTERMS.title, None, None))}))  # its own title
    fig = heatmap(park_cluster_matrix(to_networkx(ds)), title=f"园区 × 产业集群：关联成员数（{titles}）")
    write_bytes(args.out, png_bytes(fig))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
