"""Economic indicators and targets: every figure of a report, read as an observation of an indicator.

A report is full of figures analysts quote: 2025 results with growth rates (财政总收入142亿元，同比
增长16%), five-year averages (年均增长5.4%), counts (高新技术企业701家) and targets (到2030年财政总收入
达到180亿元以上，力争迈上200亿元).  This module reads them (plain data; :mod:`graph.rdf.cube` turns them
into RDF Data Cube observations, :mod:`graph.exports.indicators_table` into a table):

* :func:`extract_indicators` finds the figures of a report's sentences (:mod:`graph.text.numbers`),
  names each one's indicator from the concept list ``graph/extract/indicators.tsv`` and works out its area
  (:func:`area_of`: the whole jurisdiction, its own level 镇本级/区本级/市本级, or a whole that
  includes a zone, 全镇（含紫竹）), period (the sentence's, :mod:`graph.text.sentences`, or the year the
  clause names: 2025, 2021-2025, 2030, 2026), kind (actual, estimate 预计, target, stretch target
  力争), industry cluster (the report's own cluster entities, :func:`cluster_names`), qualifier (超,
  以上, 余, 近) and growth rate.  Nothing in it is about one report: a figure whose period the report
  does not give (a glossary, the preamble) is left out, in ``unmatched``, as ``no period``.

Examples
--------
>>> from graph.model import Report
>>> text = "一、2025年工作回顾\\n预计全年完成财政总收入142亿元，同比增长16%，其中镇本级完成财政总收入32.3亿元。\\n"
>>> result = extract_indicators(Report(slug="t", text=text, year="2026"))
>>> [(o.indicator, str(o.value), o.unit, o.period, o.kind, o.area, str(o.growth)) for o in result.observations]
... # doctest: +NORMALIZE_WHITESPACE
[('fiscal-revenue', '142', '亿元', '2025', 'Estimate', 'Whole', '16'),
 ('fiscal-revenue', '32.3', '亿元', '2025', 'Estimate', 'OwnLevel', 'None')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from graph.errors import WujingError
from graph.extract.relations import cluster_bases
from graph.model import ENTITY_CLASSES, Extraction, Report, Sentence
from graph.text.numbers import Quantity, find_quantities, parse_chinese_integer, to_cny
from graph.text.sentences import split_sentences

__all__ = [
    "Indicator",
    "Observation",
    "Figure",
    "Indicators",
    "IndicatorError",
    "LEADING",
    "NO_PERIOD",
    "area_of",
    "cluster_names",
    "figures_without_period",
    "load_indicators",
    "extract_indicators",
]

INDICATORS_TSV = Path(__file__).with_name("indicators.tsv")


class IndicatorError(WujingError, ValueError):
    """The concept list or a graph of indicators cannot be read."""


# ---------------------------------------------------------------- the concept list

_COLUMNS = ("id", "zh", "en", "unit", "pattern", "counts", "growth_of", "basis", "increment_of", "by_cluster")
_CLAUSE = "[^，；。：#@]*"  # what "~" stands for in a pattern
_BASES = ("YearOnYear", "AverageAnnual", "OverPeriod", "EachYear")


@dataclass(frozen=True)
class Indicator:
    """One row of ``graph/indicators.tsv``: a concept and how to recognise its figures."""
    id: str
    zh: str
    en: str
    unit: re.Pattern
    pattern: re.Pattern | None
    counts: str = ""
    growth_of: str = ""
    basis: str = ""
    increment_of: str = ""
    by_cluster: bool = False

    def matches(self, window: str, unit: str) -> bool:
        """True when a figure with ``unit``, at ``#`` in ``window``, is an observation of this indicator."""
        return self.pattern is not None and bool(self.unit.fullmatch(unit)) and bool(self.pattern.search(window))


@lru_cache(maxsize=4)
def load_indicators(path: Path = INDICATORS_TSV) -> dict[str, Indicator]:
    """The concept list, in file order (the first matching row wins).

    Raises :class:`IndicatorError` naming the line of a malformed row.

    Examples
    --------
    >>> concepts = load_indicators()
    >>> concepts["fiscal-revenue"].zh, concepts["fiscal-revenue"].en
    ('财政总收入', 'Total fiscal revenue')
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IndicatorError(f"{path}: cannot read: {exc.strerror or exc}") from None
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or rows[0][1].split("\t")[: len(_COLUMNS)] != list(_COLUMNS):
        raise IndicatorError(f"{path}: the first row must name the columns {', '.join(_COLUMNS)}")
    concepts: dict[str, Indicator] = {}
    for n, line in rows[1:]:
        cells = (line.split("\t") + [""] * len(_COLUMNS))[: len(_COLUMNS)]
        row = dict(zip(_COLUMNS, (c.strip() for c in cells)))
        where = f"{path.name}:{n}"
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]) or row["id"] in concepts:
            raise IndicatorError(f"{where}: the id {row['id']!r} is not a new lower-case-with-hyphens name")
        if not row["zh"] or not row["en"]:
            raise IndicatorError(f"{where}: {row['id']} needs a Chinese and an English name")
        if row["counts"] and row["counts"] not in ENTITY_CLASSES:
            raise IndicatorError(f"{where}: counts {row['counts']!r} is not a class of the ontology")
        if row["basis"] and row["basis"] not in _BASES:
            raise IndicatorError(f"{where}: basis {row['basis']!r} is not one of {', '.join(_BASES)}")
        try:
            unit = re.compile(row["unit"])
            pattern = re.compile(row["pattern"].replace("~", _CLAUSE)) if row["pattern"] else None
        except re.error as exc:
            raise IndicatorError(f"{where}: bad regular expression: {exc}") from None
        concepts[row["id"]] = Indicator(
            row["id"], row["zh"], row["en"], unit, pattern, row["counts"], row["growth_of"], row["basis"],
            row["increment_of"], row["by_cluster"].lower() == "yes",
        )  # fmt: skip
    for c in concepts.values():
        for ref in (c.growth_of, c.increment_of):
            if ref and ref not in concepts:
                raise IndicatorError(f"{path.name}: {c.id} refers to the unknown indicator {ref!r}")
    return concepts


# ---------------------------------------------------------------- extraction

#: The cluster of a figure about several of the report's industry clusters together (三大主导产业,
#: 民用航空、养老科技、能源材料三个产业专班).
LEADING = "LeadingClusters"
_LEADING_WORDS = re.compile(r"(?:[一二三四五六七八九十\d]+大)?主导产业")
#: The reason of a figure left out because the report does not say when it is for.
NO_PERIOD = "no period"

#: Areas: the whole jurisdiction (the default, 全镇, 全区, 全市, 全省, 全国 or nothing said), the
#: government's own level (镇本级, 区本级, 市本级, 省本级, 自治区本级, 中央本级), or a whole that says what it
#: includes (全镇（含紫竹）), kept as the report writes it.
WHOLE, OWN_LEVEL = "Whole", "OwnLevel"
_OWN_LEVEL = re.compile(r"(?:镇|乡|街道|区|县|市|州|盟|旗|省|中央)本级")
_INCLUDING = re.compile(r"全(?:镇|乡|街道|区|县|市|州|盟|旗|省|国)[（(]含[^（()）]{1,12}[）)]")

#: Spans that hold numbers with units but are not figures, and why.
NON_FIGURES = (
    (re.compile(r"“[^”]*”"), "part of a name in quotation marks"),
    (re.compile(r"[一二三四五六七八九十]+次会议"), "the name of a congress session"),
    (re.compile(r"八项规定"), "the name of a rule"),
    (re.compile(r"(?<![一二三四五六七八九十\d])一个"), "an article, not a count"),
    (re.compile(r"[一二三四五六七八九十]+(?:个方面|项任务)"), "the outline of the plan"),
    (re.compile(r"五位一体"), "a name"),
    (re.compile(r"破百亿元?"), "a threshold, part of another figure"),
)
_IDIOMS = ("零发案",)
_CLAUSE_END = "，；。：！？,;:!?"
_SENTENCE_END = "。！？!?"
_GROWTH = re.compile(r"(同比|年均|比上年)?(增长|下降|减少|降低|提高|增加)$")
_FALL = re.compile(r"(下降|减少|降低)$")
# what may stand between two figures when the second takes the first's indicator (其中镇本级完成105亿元),
# besides the report's cluster names
_FILLERS = (
    _INCLUDING.pattern, _OWN_LEVEL.pattern, _LEADING_WORDS.pattern,
    "其中", "完成", "达到", "实现", "预计", "全年", "力争", "为", "[，、（）()：]",
)  # fmt: skip
_EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)年(?!度)")
_RUNNING_YEARS = re.compile(r"连续([\d一二三四五六七八九十]+)年")
_TARGET_YEAR = re.compile(r"到((?:19|20)\d\d)年")
_ESTIMATE = re.compile(r"预计(?:为|达到|达)?")
_NOT_GROWING = ("%", "年", "位次")


@dataclass(frozen=True)
class Observation:
    """One figure of a report, read: what it measures, where, when, how sure, and where it was read.

    ``indicator`` is the id of a concept of ``graph/indicators.tsv``; ``kind`` one of ``Actual``,
    ``Estimate``, ``Target``, ``StretchTarget``; ``area`` ``Whole``, ``OwnLevel`` or the area as the
    report writes it (``全镇（含紫竹）``, :func:`area_of`); ``cluster`` the canonical name of one of the
    report's cluster entities, ``LeadingClusters`` (several together) or None;
    ``growth`` a growth rate in per cent given with the figure.  ``start``/``end`` are offsets of
    ``stated`` in the report's cleaned text; ``examples`` the span that names examples (…等11家).
    """
    indicator: str
    value: Decimal
    unit: str
    period: str
    kind: str
    area: str
    cluster: str | None
    qualifier: str
    stated: str
    sentence: int
    start: int
    end: int
    growth: Decimal | None = None
    growth_basis: str | None = None
    examples: tuple[int, int] | None = None

    @property
    def key(self) -> tuple:
        """The values of the dimensions: no two observations of a data set share them."""
        return (self.indicator, self.area, self.period, self.kind, self.cluster)

    @property
    def cny(self) -> Decimal | None:

        return to_cny(self.value, self.unit)


@dataclass(frozen=True)
class Figure:
    """A figure the extractor does not turn into an observation, and why."""
    text: str
    sentence: int
    start: int
    reason: str


@dataclass
class Indicators:
    """The observations read from one report, and the figures left out."""
    report: Report
    sentences: list[Sentence]
    observations: list[Observation] = field(default_factory=list)
    unmatched: list[Figure] = field(default_factory=list)
    restated: list[Observation] = field(default_factory=list)
    leading: set[str] = field(default_factory=set)  # clusters the report gives as parts of LeadingClusters

    @property
    def unplaced(self) -> list[Figure]:
        """The figures left out because the report does not say which period they are for."""
        return [f for f in self.unmatched if f.reason == NO_PERIOD]


def _window(text: str, quantities: list[Quantity], i: int) -> str:
    out = text
    for j in range(len(quantities) - 1, -1, -1):
        q = quantities[j]
        out = out[: q.start] + ("#" if j == i else "@") + out[q.end :]
    return out


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _CLAUSE_END) + 1


def cluster_names(extraction: Extraction) -> dict[str, str]:
    """Every name the report uses for one of its industry clusters -> the cluster a figure is about.

    The clusters are the report's own ``IndustryCluster`` entities (their names, aliases and the
    text of their mentions), so a figure's cluster is always an entity of the graph; a cluster
    inside a broader one (民用航空机载装备产业集群, ``broader`` 民用航空) counts as the broader, as it
    does for the relations (:mod:`graph.extract.relations`).  Longest name first.

    Examples
    --------
    >>> from graph.model import Entity, Extraction, Report
    >>> e = Entity("养老科技", "IndustryCluster", aliases={"生物医药（养老科技）"})
    >>> cluster_names(Extraction(Report("t", ""), [], {"养老科技": e}, [], []))
    {'生物医药（养老科技）': '养老科技', '养老科技': '养老科技'}
    """
    base = cluster_bases(extraction.entities)

    names: dict[str, str] = {}
    for e in sorted(extraction.entities.values(), key=lambda e: e.name):
        if e.cls != "IndustryCluster":
            continue
        for name in sorted({e.name, *e.aliases, *(m.text for m in e.mentions)}):
            names.setdefault(name, base.get(e.name, e.name))
    return dict(sorted(names.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _clusters_in(text: str, clusters: dict[str, str]) -> set[str]:
    found = set()
    rest = text
    for name, canonical in clusters.items():  # the longest name first
        if name in rest:
            found.add(canonical)
            rest = rest.replace(name, "")
    if _LEADING_WORDS.search(text):
        found.add(LEADING)
    return found


def _cluster(found: set[str]) -> str | None:
    if not found:
        return None
    return found.pop() if len(found) == 1 else LEADING


def _period(s: Sentence, clause_lead: str, paragraph_before: str) -> str:
    """The period of a figure of a sentence that has one: the sentence's, unless the clause says
    otherwise (到2030年, 连续三年, a year named in a review)."""
    period = s.period
    if s.planned and "-" in period:
        years = _TARGET_YEAR.findall(paragraph_before)
        if years and not re.search("新增|累计", clause_lead):
            return years[-1]
        return period
    end = period[-4:]
    if (m := _RUNNING_YEARS.search(clause_lead)) and end.isdigit():
        n = int(m.group(1)) if m.group(1).isdigit() else parse_chinese_integer(m.group(1))
        return end if n <= 1 else f"{int(end) - n + 1}-{end}"
    if not s.planned and (m := _EXPLICIT_YEAR.search(clause_lead)):
        return m.group(1)
    return period


def area_of(clause_lead: str) -> str:
    """The area of a figure, from the words of its clause before it (see :data:`WHOLE`).

    Examples
    --------
    >>> area_of("其中镇本级完成"), area_of("全镇（含紫竹）规上工业总产值完成"), area_of("全区完成")
    ('OwnLevel', '全镇（含紫竹）', 'Whole')
    """
    if _OWN_LEVEL.search(clause_lead):
        return OWN_LEVEL
    if m := _INCLUDING.search(clause_lead):
        return m.group(0).replace("(", "（").replace(")", "）")
    return WHOLE


def _figures(text: str) -> list[Quantity]:
    spans = [(m.start(), m.end()) for rx, _ in NON_FIGURES for m in rx.finditer(text)]
    return [
        q
        for q in find_quantities(text)
        if q.text in _IDIOMS or not any(a <= q.start and q.end <= b for a, b in spans)
    ]


def _estimates(text: str, qs: list[Quantity]) -> tuple[set[int], int | None]:
    """Where 预计 applies: the figures right after a 预计 (``预计2.3亿元``), and the offset of a 预计
    that governs the rest of its sentence (``预计全年完成…``), if any."""
    local, sweeping = set(), None
    starts = {q.start for q in qs}
    for m in _ESTIMATE.finditer(text):
        if m.end() in starts:
            local.add(m.end())
        elif sweeping is None:
            sweeping = m.start()
    return local, sweeping


def figures_without_period(s: Sentence, concepts: dict[str, Indicator] | None = None) -> list[Figure]:
    """The figures of a sentence that has no period, each as left out: ``no period`` for those an
    indicator would read, else why not (a vague quantity, no indicator matches).

    Examples
    --------
    >>> from graph.model import Sentence
    >>> s = Sentence(0, 0, 12, "全年财政总收入142亿元。", "名词解释", "")
    >>> [(f.text, f.reason) for f in figures_without_period(s)]
    [('142亿元', 'no period')]
    """
    concepts = concepts if concepts is not None else load_indicators()
    qs = _figures(s.text)
    out = []
    for i, q in enumerate(qs):
        window = _window(s.text, qs, i)
        if q.qualifier == "Vague":
            reason = "a vague quantity"
        elif any(c.matches(window, q.unit) for c in concepts.values()):
            reason = NO_PERIOD
        else:
            reason = "no indicator matches"
        out.append(Figure(q.text, s.index, s.start + q.start, reason))
    return out


def _cluster_of(
    concept: Indicator, clause_lead: str, s: Sentence, sentences: list[Sentence], clusters: dict[str, str]
) -> str | None:
    """The cluster the clause names; for a by-cluster indicator, else the one its sentence (or the
    one before, in the same paragraph) is about."""
    cluster = _cluster(_clusters_in(clause_lead, clusters))
    if cluster is not None or not concept.by_cluster:
        return cluster
    before = [t for t in reversed(sentences[: s.index]) if t.paragraph == s.paragraph]
    for t in [s, *before]:
        names = _clusters_in(t.text, clusters)
        if len(names) == 1:
            return names.pop()
    return None


@dataclass
class _Reading:
    """The state of :func:`extract_indicators` while it reads one report."""
    report: Report
    sentences: list[Sentence]
    concepts: dict[str, Indicator]
    clusters: dict[str, str] = field(default_factory=dict)
    found: list[Observation] = field(default_factory=list)
    unmatched: list[Figure] = field(default_factory=list)
    leading: set[str] = field(default_factory=set)
    estimating: bool = False  # a sweeping 预计 earlier in the sentence (up to 。, in one paragraph)
    paragraph: int = -1

    def __post_init__(self) -> None:
        names = (re.escape(n) for n in self.clusters)
        self.fillers = re.compile("|".join((*names, *_FILLERS)))

    def paragraph_before(self, s: Sentence, offset: int) -> str:
        """The text of ``s``'s paragraph up to ``offset`` in ``s``."""
        start = self.report.text.rfind("\n", 0, s.start) + 1
        return self.report.text[start : s.start + offset]

    def read(self, s: Sentence) -> None:
        if s.paragraph != self.paragraph:
            self.estimating, self.paragraph = False, s.paragraph
        if not s.period:  # the preamble, a glossary, an annex: nothing to place the figures in
            self.unmatched.extend(figures_without_period(s, self.concepts))
            return
        qs = _figures(s.text)
        local, sweeping = _estimates(s.text, qs)
        levels: list[int] = []  # the figures of this sentence a growth rate or a 其中 can refer to
        for i, q in enumerate(qs):
            if q.qualifier == "Vague":
                self.unmatched.append(Figure(q.text, s.index, s.start + q.start, "a vague quantity"))
                continue
            window = _window(s.text, qs, i)
            since_previous = s.text[qs[i - 1].end if i else 0 : q.start]
            concept = next((c for c in self.concepts.values() if c.matches(window, q.unit)), None)
            if concept is None and self._grows(q, since_previous, levels):
                continue
            part_of = None  # the figure this one is a part of (…500亿元，其中民用航空225亿元)
            if concept is None and levels and not self.fillers.sub("", since_previous):
                part_of = self.found[levels[-1]]
                concept = self.concepts[part_of.indicator] if part_of.unit == q.unit else None
            if concept is None:
                self.unmatched.append(Figure(q.text, s.index, s.start + q.start, "no indicator matches"))
                continue
            observation = self._observation(concept, s, q, window, local, sweeping)
            self.found.append(observation)
            self._note_leading(observation, part_of, s.text[_clause_start(s.text, q.start) : q.start])
            if not concept.basis:  # a growth rate of its own neither grows nor passes on its indicator
                levels.append(len(self.found) - 1)
        if s.text[-1] in _SENTENCE_END:
            self.estimating = False
        elif sweeping is not None:
            self.estimating = True

    def _grows(self, q: Quantity, since_previous: str, levels: list[int]) -> bool:
        """Attach a growth rate (``，同比增长16%``) to the figure it follows; False if it is not one."""
        g = _GROWTH.search(since_previous)
        if q.unit != "%" or g is None:
            return False
        for k in reversed(levels):
            o = self.found[k]
            if o.unit not in _NOT_GROWING and o.growth is None:
                rate = -q.value if _FALL.search(g.group(0)) else q.value
                basis = "AverageAnnual" if g.group(1) == "年均" else "YearOnYear"
                self.found[k] = replace(o, growth=rate, growth_basis=basis)
                return True
        return False

    def _note_leading(self, o: Observation, part_of: Observation | None, clause_lead: str) -> None:
        """Remember the clusters the report gives as parts of several together: the 其中 parts of a
        figure of LeadingClusters, and the clusters a clause names together."""
        if o.cluster not in (None, LEADING) and part_of is not None and (
            part_of.cluster == LEADING or part_of.cluster in self.leading  # 其中A300亿元，B200亿元
        ):
            self.leading.add(o.cluster)
        if o.cluster == LEADING:
            self.leading |= _clusters_in(clause_lead, self.clusters) - {LEADING}

    def _observation(
        self, concept: Indicator, s: Sentence, q: Quantity, window: str, local: set[int], sweeping: int | None
    ) -> Observation:
        cstart = _clause_start(s.text, q.start)
        clause_lead = s.text[cstart : q.start]
        value = -q.value if concept.basis and _FALL.search(window[: window.index("#")]) else q.value
        estimate = self.estimating or q.start in local or (sweeping is not None and sweeping < q.start)
        if s.planned:
            kind = "StretchTarget" if "力争" in clause_lead else "Target"
        else:
            kind = "Estimate" if estimate else "Actual"
        examples = None
        if concept.counts and "等" in clause_lead:
            examples = (s.start + cstart, s.start + cstart + clause_lead.rindex("等"))
        return Observation(
            indicator=concept.id,
            value=value,
            unit=q.unit,
            period=_period(s, clause_lead, self.paragraph_before(s, q.start)),
            kind=kind,
            area=area_of(clause_lead),
            cluster=_cluster_of(concept, clause_lead, s, self.sentences, self.clusters),
            qualifier=q.qualifier,
            stated=q.text,
            sentence=s.index,
            start=s.start + q.start,
            end=s.start + q.end,
            examples=examples,
        )


def extract_indicators(
    report: Report, indicators: dict[str, Indicator] | None = None, clusters: dict[str, str] | None = None
) -> Indicators:
    """Read every figure of ``report`` as an :class:`Observation` of an indicator.

    Sentences come from :func:`graph.text.split_sentences` (the indices the rest of the graph
    uses).  A figure's indicator is the first concept whose unit and pattern match; failing that, a
    growth rate (``同比增长16%``) joins the figure before it, and a figure with nothing but area or
    cluster words before it (``其中镇本级完成105亿元``) takes the indicator of the figure before it.
    ``预计`` before a figure makes it an estimate; ``预计全年…`` makes the rest of the sentence (up
    to 。, across ；) estimates.  Figures that still match nothing, vague ones (``数千人次``) and those
    of a part of the report without a period go to ``unmatched``.  A figure stated twice (same
    dimensions) is kept once; the later statements go to ``restated``.  ``clusters`` (name ->
    canonical name, :func:`cluster_names`) are the industry clusters a figure can be about; without
    them no figure has a cluster but ``LeadingClusters`` (主导产业).
    """
    sentences = split_sentences(report.text, report.year)
    concepts = indicators if indicators is not None else load_indicators()
    reading = _Reading(report, sentences, concepts, dict(clusters or {}))
    for s in sentences:
        reading.read(s)
    result = Indicators(report=report, sentences=sentences, unmatched=reading.unmatched, leading=reading.leading)
    seen: set[tuple] = set()
    for o in reading.found:
        (result.restated if o.key in seen else result.observations).append(o)
        seen.add(o.key)
    return result
