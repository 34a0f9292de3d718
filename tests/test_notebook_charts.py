"""The notebooks' park x cluster heatmap: a hand-made matrix, drawn as the map counts it."""

from __future__ import annotations

import matplotlib
import pytest

from graph.notebook import heatmap

matplotlib.use("Agg")

# fmt: off
MATRIX = {
    "park_labels": ["甲园", "乙园", "丙园", "丁园", "戊园"],
    "cluster_labels": ["民用航空", "养老科技", "能源材料"],
    "counts": [[4, 0, 0],
               [0, 1, 0],
               [0, 0, 0],
               [0, 0, 0],
               [0, 0, 0]],
    "stated": [[True, False, False],
               [False, False, True],
               [False, False, False],
               [False, False, False],
               [False, False, False]],
}
# fmt: on


@pytest.fixture()
def figure():
    import matplotlib.pyplot as plt

    fig = heatmap(MATRIX)
    yield fig
    plt.close(fig)


def test_each_cell_shows_its_count_and_a_star_where_the_report_states_the_link(figure):
    texts = sorted(t.get_text() for t in figure.axes[0].texts)
    assert texts == ["*", "1", "4*"]


def test_the_colour_bar_counts_whole_members(figure):
    figure.canvas.draw()
    bar = figure.axes[1]
    ticks = [t for t in bar.get_yticks() if 0 <= t <= 4]
    assert ticks and all(float(t).is_integer() for t in ticks)
