"""Small helpers the notebooks (and ``docs/make_heatmap.py``) share: a CJK font for matplotlib, the
park x cluster heatmap, a bar chart, and an HTML map shown inline.

matplotlib and IPython are test/notebook dependencies, so they are imported inside the functions.

Examples
--------
>>> m = {"park_labels": ["甲园"], "cluster_labels": ["航空"], "counts": [[3]], "parks": ["p"], "clusters": ["c"]}
>>> fig = heatmap(m)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['甲园']
"""

from __future__ import annotations

import html
import io

from graph.build import build
from graph.network.convert import load_dataset, to_networkx

__all__ = ["CJK_FONTS", "load", "output_dir", "use_cjk_font", "heatmap", "bar_chart", "png_bytes", "inline_html"]

#: Fonts that have the Chinese characters, in order of preference (Debian: fonts-noto-cjk).
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "PingFang SC", "SimHei")


def load(trig=None):
    """The dataset and its networkx graph: read ``trig`` (a built ``wujing.trig``) or, when it is
    ``None``, build the bundled report in memory (nothing is written)."""
    ds = load_dataset(trig) if trig else build(out_dir=None).dataset
    return ds, to_networkx(ds)


def output_dir(path=None):
    """``path`` as a folder that exists, or a new temporary folder when ``path`` is ``None``."""
    import tempfile
    from pathlib import Path

    out = Path(path) if path else Path(tempfile.mkdtemp(prefix="wujing-kg-"))
    out.mkdir(parents=True, exist_ok=True)
    return out


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese with the first installed font of :data:`CJK_FONTS`.

    Returns the font's name, or ``None`` when none is installed (labels then show as boxes).
    """
    from matplotlib import font_manager, rcParams

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            rcParams["font.family"] = "sans-serif"
            rcParams["font.sans-serif"] = [name] + [f for f in rcParams["font.sans-serif"] if f != name]
            rcParams["axes.unicode_minus"] = False
            return name
    return None


def heatmap(matrix: dict, ax=None, title: str = "园区 × 产业集群 Park × industry cluster"):
    """Draw :func:`graph.analytics.park_cluster_matrix` as a heatmap with the count in each cell.

    Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    use_cjk_font()
    parks, clusters, counts = matrix["park_labels"], matrix["cluster_labels"], matrix["counts"]
    if ax is None:
        _, ax = plt.subplots(figsize=(2.5 + 1.1 * max(len(clusters), 2), 1.6 + 0.45 * max(len(parks), 2)),
                             layout="constrained")
    ax.set_title(title)
    if not parks or not clusters:
        ax.text(0.5, 0.5, "no park is linked to a cluster", ha="center", va="center")
        ax.set_axis_off()
        return ax.figure
    import numpy as np

    top = max(max(row) for row in counts) or 1
    cmap = plt.get_cmap("YlOrRd").with_extremes(bad="white")  # empty cells stay white: "none" is not "a few"
    image = ax.imshow(np.ma.masked_equal(np.array(counts), 0), cmap=cmap, vmin=0, vmax=top, aspect="auto")
    ax.set_xticks([x - 0.5 for x in range(1, len(clusters))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(parks))], minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_xticks(range(len(clusters)), labels=clusters, rotation=30, ha="right")
    ax.set_yticks(range(len(parks)), labels=parks)
    for i, row in enumerate(counts):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", color="white" if n > top / 2 else "black")
    ax.figure.colorbar(image, ax=ax, label="members linking them 关联成员数")
    return ax.figure


def bar_chart(labels: list[str], values: list[float], ax=None, title: str = "", xlabel: str = ""):
    """A horizontal bar chart, largest at the top; returns the matplotlib Figure."""
    import matplotlib.pyplot as plt

    use_cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 1.2 + 0.4 * max(len(labels), 1)), layout="constrained")
    ax.barh(list(reversed(labels)), list(reversed(values)), color="#c0392b")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return ax.figure


def png_bytes(fig, dpi: int = 150) -> bytes:
    """A figure as PNG bytes, without the matplotlib version stamp (so reruns give the same file)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def inline_html(page: str, height: int = 600):
    """Show a whole HTML page (e.g. a map from :mod:`graph.maps`) inside a notebook cell.

    The page goes into an ``<iframe srcdoc>`` (escaped), so its scripts and styles stay apart from
    the notebook's and nothing is written to disk.
    """
    from IPython.display import HTML

    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe></div>')
