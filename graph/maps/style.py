"""How the maps draw things: one colour and one shape per class, one colour and line per relation.

vis-network has seven shapes that put the label under the node (``dot``, ``square``, ``hexagon``,
``diamond``, ``triangle``, ``triangleDown``, ``star``); the other classes get an SVG drawing
embedded as a ``data:`` URI (``shape: image``), so every class has its own shape and nothing is
loaded from outside the file.  The legend uses the same drawings.

Examples
--------
>>> node_style("Park")["shape"]
'square'
>>> node_style("Fund")["shape"], node_style("Fund")["image"][:24]
('image', 'data:image/svg+xml;utf8,')
>>> len({(s.shape, s.color) for s in CLASS_STYLES.values()}) == len(CLASS_STYLES)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

__all__ = [
    "CLASS_STYLES",
    "RELATION_STYLES",
    "FONT_FACE",
    "SHORT_NAMES",
    "ClassStyle",
    "RelationStyle",
    "node_style",
    "shape_svg",
    "line_svg",
]

#: Fonts for Chinese labels, the first one installed wins (Noto CJK on Linux, YaHei on Windows).
FONT_FACE = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif"


@dataclass(frozen=True)
class ClassStyle:
    name: str  # Chinese name, as rdfs:label@zh in ontology/wujing.ttl
    color: str
    shape: str  # a vis-network shape, or the name of an SVG drawing below


@dataclass(frozen=True)
class RelationStyle:
    name: str  # Chinese name, as rdfs:label@zh in ontology/wujing.ttl (or the map's own link kinds)
    color: str
    dashes: bool
    arrow: bool


# fmt: off
#: Every class the extractor emits, in legend order.
CLASS_STYLES: dict[str, ClassStyle] = {
    "Park":              ClassStyle("园区",         "#d62728", "square"),
    "IndustryCluster":   ClassStyle("产业集群",     "#ff7f0e", "hexagon"),
    "Enterprise":        ClassStyle("企业",         "#1f77b4", "dot"),
    "ListedCompany":     ClassStyle("上市公司",     "#17375e", "star"),
    "University":        ClassStyle("高校",         "#2ca02c", "triangle"),
    "ResearchInstitute": ClassStyle("科研院所",     "#98df8a", "pentagon"),
    "Platform":          ClassStyle("创新平台",     "#9467bd", "diamond"),
    "Incubator":         ClassStyle("孵化器",       "#e377c2", "trapezoid"),
    "Laboratory":        ClassStyle("实验室",       "#c5b0d5", "hourglass"),
    "Alliance":          ClassStyle("产业联盟",     "#8c564b", "cross"),
    "Fund":              ClassStyle("基金",         "#bcbd22", "ring"),
    "Project":           ClassStyle("重大项目",     "#17becf", "triangleDown"),
    "MetroLine":         ClassStyle("轨道交通线路", "#7f7f7f", "pill"),
}

#: Short names of the top-level classes, for the counts on the park-cluster map (企业 3 · 平台 1 · 项目 2).
SHORT_NAMES: dict[str, str] = {
    "Enterprise": "企业", "Platform": "平台", "ResearchInstitute": "院所", "University": "高校",
    "Fund": "基金", "Project": "项目", "Park": "园区", "IndustryCluster": "产业",
}

#: Relations of the full graph, and the link kinds of the park-cluster map.
RELATION_STYLES: dict[str, RelationStyle] = {
    "locatedIn":      RelationStyle("位于",     "#d62728", False, True),
    "inCluster":      RelationStyle("所属产业", "#ff7f0e", False, True),
    "cooperatesWith": RelationStyle("合作",     "#2ca02c", True,  False),
    "affiliatedWith": RelationStyle("依托单位", "#9467bd", True,  True),
    # park-cluster map: a park and a cluster linked by the members they share, or stated directly
    "members":        RelationStyle("共有成员（企业、平台、机构）", "#e6550d", False, False),
    "stated":         RelationStyle("报告直接表述园区所属产业",     "#636363", True,  False),
    "parkInPark":     RelationStyle("园区位于园区",                 "#d62728", True,  True),
}

#: SVG drawings on a 100 x 100 canvas (polygon points or a path), for the shapes vis-network lacks
#: and, in the legend, for the ones it has.
_DRAWINGS: dict[str, str] = {
    "dot":          '<circle cx="50" cy="50" r="44"/>',
    "square":       '<rect x="8" y="8" width="84" height="84"/>',
    "hexagon":      '<polygon points="50,4 90,27 90,73 50,96 10,73 10,27"/>',
    "diamond":      '<polygon points="50,3 97,50 50,97 3,50"/>',
    "triangle":     '<polygon points="50,6 96,88 4,88"/>',
    "triangleDown": '<polygon points="4,12 96,12 50,94"/>',
    "star":         '<polygon points="50,3 61,36 96,36 68,57 79,92 50,71 21,92 32,57 4,36 39,36"/>',
    "pentagon":     '<polygon points="50,5 95,38 78,92 22,92 5,38"/>',
    "trapezoid":    '<polygon points="26,14 74,14 96,86 4,86"/>',
    "hourglass":    '<polygon points="8,6 92,6 56,50 92,94 8,94 44,50"/>',
    "cross":        '<polygon points="35,4 65,4 65,35 96,35 96,65 65,65 65,96 35,96 35,65 4,65 4,35 35,35"/>',
    "ring":         '<path fill-rule="evenodd" d="M50 4a46 46 0 1 0 0.01 0zM50 28a22 22 0 1 1-0.01 0z"/>',
    "pill":         '<rect x="3" y="26" width="94" height="48" rx="24"/>',
}
# fmt: on

_VIS_SHAPES = {"dot", "square", "hexagon", "diamond", "triangle", "triangleDown", "star"}


def _darker(color: str, factor: float = 0.65) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * factor):02x}" for c in (r, g, b))


def shape_svg(shape: str, color: str, px: int = 16) -> str:
    """A standalone SVG drawing of ``shape`` filled with ``color`` (``px`` wide)."""
    drawing = _DRAWINGS[shape]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="{px}" viewBox="0 0 100 100">'
        f'<g fill="{color}" stroke="{_darker(color)}" stroke-width="6" stroke-linejoin="round">{drawing}</g></svg>'
    )


def line_svg(color: str, dashes: bool, arrow: bool, px: int = 36) -> str:
    """A short line in a relation's colour and dash pattern, with an arrowhead if it is directed."""
    dash = ' stroke-dasharray="5,4"' if dashes else ""
    head = f'<polygon points="{px - 8},3 {px},7 {px - 8},11" fill="{color}"/>' if arrow else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="14" viewBox="0 0 {px} 14">'
        f'<line x1="1" y1="7" x2="{px - (6 if arrow else 1)}" y2="7" stroke="{color}" stroke-width="2.5"{dash}/>'
        f"{head}</svg>"
    )


def node_style(cls: str) -> dict:
    """vis-network node options for a class: ``shape`` and ``color`` (or ``image`` for SVG shapes)."""
    style = CLASS_STYLES.get(cls, CLASS_STYLES["Enterprise"])
    color = {
        "background": style.color,
        "border": _darker(style.color),
        "highlight": {"background": style.color, "border": "#000000"},
        "hover": {"background": style.color, "border": "#000000"},
    }
    if style.shape in _VIS_SHAPES:
        return {"shape": style.shape, "color": color}
    svg = shape_svg(style.shape, style.color, px=100)
    return {"shape": "image", "image": "data:image/svg+xml;utf8," + quote(svg, safe=""), "color": color}
