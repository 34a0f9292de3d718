"""Chinese in the notebook charts and ``docs/make_heatmap.py`` also when matplotlib's font cache was made
before the CJK font was installed (the cache then lists no CJK font at all).

Each test runs Python in a subprocess whose ``MPLCONFIGDIR`` holds such a stale cache: the font cache
of this machine with every CJK font taken out, as it is on a machine where ``fonts-noto-cjk`` came
after matplotlib's first plot.  Without a CJK font on the system the tests fail in CI (``CI`` set)
and are skipped elsewhere: a missing font must never pass silently.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.notebook import CJK_FONTS, cjk_font_files

ROOT = Path(__file__).resolve().parent.parent

STALE_CACHE = """
import os
from matplotlib import font_manager as fm
fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if not any(n in f.name for n in ("CJK", "Han", "WenQuanYi"))]
fm.json_dump(fm.fontManager, os.path.join(os.environ["MPLCONFIGDIR"], f"fontlist-v{fm.FontManager.__version__}.json"))
"""

CHART = """
import json, warnings
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager as fm
from graph.notebook import CJK_FONTS, bar_chart, png_bytes, use_cjk_font
cached = sorted({f.name for f in fm.fontManager.ttflist} & set(CJK_FONTS))
name = use_cjk_font()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    png_bytes(bar_chart(["上海市养老科技产业园", "民用航空"], [4, 1], title="园区 × 产业集群"))
print(json.dumps({"cached": cached, "name": name, "missing": [str(w.message) for w in caught if "missing" in str(w.message)]}))
"""


@pytest.fixture(scope="module")
def stale_config(tmp_path_factory) -> dict:
    if not cjk_font_files():
        if os.environ.get("CI"):
            pytest.fail("no CJK font on this machine (apt-get install fonts-noto-cjk)", pytrace=False)
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    config = tmp_path_factory.mktemp("mplconfig")
    env = {**os.environ, "MPLCONFIGDIR": str(config), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", STALE_CACHE], env=env, check=True, timeout=300)
    assert list(config.glob("fontlist-*.json"))
    return env


def test_charts_find_the_cjk_font_with_a_cache_made_before_it(stale_config):
    done = subprocess.run([sys.executable, "-c", CHART], env=stale_config, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["cached"] == []  # the cache knows no CJK font
    assert result["name"] in CJK_FONTS
    assert result["missing"] == []  # no "Glyph ... missing from font": the Chinese is drawn


def test_make_heatmap_draws_chinese_with_a_cache_made_before_the_font(stale_config, tmp_path):
    out = tmp_path / "heatmap.png"
    done = subprocess.run([sys.executable, str(ROOT / "docs" / "make_heatmap.py"), "-o", str(out)],
                          env=stale_config, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "missing from font" not in done.stderr and "no CJK font" not in done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
