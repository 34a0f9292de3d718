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

__all__ = ["CJK_FONTS", "CJK_FONT_FILES", "cjk_font_files", "load", "output_dir", "use_cjk_font", "heatmap", "bar_chart", "png_bytes", "inline_html"]

#: Fonts that have the Chinese characters, in order of preference (Debian: fonts-noto-cjk).
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "PingFang SC", "SimHei")
#: Where Linux distributions install those fonts (Debian and Ubuntu: fonts-noto-cjk, fonts-wqy-zenhei;
#: Fedora: google-noto-sans-cjk-fonts), looked at when neither matplotlib's font list nor fc-list has one.
CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)

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


def cjk_font_files() -> list[str]:
    """Font files that have Chinese characters: what ``fc-list :lang=zh`` lists, then :data:`CJK_FONT_FILES`.

    Sans-serif faces first (a file named ``…Serif…`` last), each file once, only files that exist.
    """
    import os
    import shutil
    import subprocess

    found: list[str] = []
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found += [line.split(":", 1)[0].strip() for line in out.splitlines() if line.strip()]
    found += list(CJK_FONT_FILES)
    unique = [f for i, f in enumerate(found) if f and f not in found[:i] and os.path.isfile(f)]
    return sorted(unique, key=lambda f: ("serif" in os.path.basename(f).lower(), unique.index(f)))


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese with the first installed font of :data:`CJK_FONTS`.

    matplotlib knows the fonts that were installed when it made its font cache
    (``~/.cache/matplotlib/fontlist-*.json``); a font installed later (``apt-get install
    fonts-noto-cjk`` after the first plot) is not in it.  So when the cache has none of
    :data:`CJK_FONTS`, the font files are found by path (:func:`cjk_font_files`: ``fc-list``, then
    the usual places) and added to matplotlib's font manager for this process.

    Returns the font's name, or ``None`` when no CJK font is installed at all (labels would then
    show as boxes).
    """
    from matplotlib import font_manager, rcParams

    def first_installed():
        installed = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in CJK_FONTS if name in installed), None)

    name = first_installed()
    if name is None:
        for path in cjk_font_files():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # not a font FreeType can read
                continue
            name = first_installed()
            if name is not None:
                break
    if name is None:
        return None
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name] + [f for f in rcParams["font.sans-serif"] if f != name]
    rcParams["axes.unicode_minus"] = False
    return name


def heatmap(matrix: dict, ax=None, title: str = "园区 × 产业集群 Park × industry cluster"):
    """Draw :func:`graph.analytics.park_cluster_matrix` as a heatmap with the count in each cell
    (``*`` where the report states the link directly, as the map's dashed links).

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
    from matplotlib.ticker import MaxNLocator

    top = max(max(row) for row in counts) or 1
    cmap = plt.get_cmap("YlOrRd").with_extremes(bad="white")  # empty cells stay white: "none" is not "a few"
    image = ax.imshow(np.ma.masked_equal(np.array(counts), 0), cmap=cmap, vmin=0, vmax=top, aspect="auto")
    ax.set_xticks([x - 0.5 for x in range(1, len(clusters))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(parks))], minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_xticks(range(len(clusters)), labels=clusters, rotation=30, ha="right")
    ax.set_yticks(range(len(parks)), labels=parks)
    stated = matrix.get("stated") or [[False] * len(clusters) for _ in parks]
    for i, row in enumerate(counts):
        for j, n in enumerate(row):
            if n or stated[i][j]:  # * : the report states the link directly (dashed on the map)
                ax.text(j, i, (str(n) if n else "") + ("*" if stated[i][j] else ""), ha="center", va="center",
                        color="white" if n > top / 2 else "black")
    if any(map(any, stated)):
        ax.set_xlabel("* stated by the report 报告直接表述", fontsize=8, color="#555555")
    bar = ax.figure.colorbar(image, ax=ax, label="members linking them 关联成员数")
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 or 1.5 members
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
