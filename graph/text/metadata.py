"""Describe each report: jurisdiction, level, year, title, date, issuer and source.

Metadata comes from three places; a later one wins:

1. the text itself (:func:`read_metadata`): the title line (``2026年安徽省政府工作报告``,
   ``关于印发《吴泾镇人民政府2026年工作报告》的通知``, ``大鹏新区管理委员会工作报告``), the line that says
   where and when it was delivered (``——2026年2月5日在安徽省第十四届人民代表大会第四次会议上``, also
   in Chinese numerals), the issuer above a date, who speaks (``我代表南山区人民政府``, ``我代表国务院``)
   and, when none of these gives the year, the headings (``一、2013年工作回顾``, see
   :func:`graph.text.sentences.year_from_headings`), a web page's time stamp (``时间：2026-02-11``)
   and last the file name (``shenzhen-nanshan-2023.txt``);
2. a sidecar file ``NAME.meta.yaml`` beside the input ``NAME.txt`` (any of :data:`META_KEYS`);
3. the command line (``wujing-kg build --meta key=value``), applied to every input.

The jurisdiction and its level (:data:`LEVELS`) are read from the name of the place: its last
administrative unit (闵行区吴泾镇 -> 吴泾镇, a town), the State Council (国务院, national), and for the
provincial level the names of ``graph/text/divisions.tsv`` (北京市 is a province-level municipality).
:mod:`graph.rdf.reports` writes them as ``wj:jurisdiction`` and ``wj:level``.

Examples
--------
>>> infer_jurisdiction("闵行区吴泾镇人民政府")
('吴泾镇', 'town')
>>> infer_jurisdiction("上海市闵行区人民政府2026年政府工作报告")
('闵行区', 'district')
>>> infer_jurisdiction("2026年广西壮族自治区政府工作报告")
('广西壮族自治区', 'province')
>>> check_meta({"year": 2025, "level": "镇"}, "x.meta.yaml")
{'year': '2025', 'level': 'town'}
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from graph.errors import BuildError
from graph.model import Report
from graph.text.numbers import parse_chinese_integer
from graph.text.readers import ReadError, read_text
from graph.text.readers.limits import check_yaml
from graph.text.sentences import year_from_headings

__all__ = [
    "META_KEYS",
    "LEVELS",
    "ReportMeta",
    "MANIFEST_NAME",
    "check_meta",
    "describe",
    "infer_jurisdiction",
    "manifest_row",
    "parse_meta_options",
    "read_metadata",
    "read_report",
    "read_sidecar",
    "report_slug",
    "sidecar_path",
]


#: The keys a sidecar or ``--meta`` may set.
META_KEYS = ("jurisdiction", "level", "year", "title", "date", "issuer", "source")

#: The administrative levels a report can be of.
LEVELS = ("town", "subdistrict", "district", "city", "province", "national")

DIVISIONS_TSV = Path(__file__).with_name("divisions.tsv")

# the word that ends a jurisdiction's name -> its level (the longer word first: 自治区 before 区)
_SUFFIX_LEVEL = {
    "街道": "subdistrict", "镇": "town", "乡": "town",
    "特别行政区": "province", "自治区": "province", "省": "province",
    "新区": "district", "区": "district", "县": "district", "旗": "district",
    "自治州": "city", "盟": "city", "市": "city",
}  # fmt: skip  (no bare 州: 贵州省 is not the city 贵州 followed by 省)
_LEVEL_WORDS = {
    "街道": "subdistrict", "镇": "town", "乡": "town", "区": "district", "县": "district", "市": "city",
    "省": "province", "国家": "national", "全国": "national", **{k: k for k in LEVELS},
}  # fmt: skip
_NATIONAL = "国务院"
_UNIT = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:" + "|".join(_SUFFIX_LEVEL) + ")")
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处|管理委员会|管委会|委员会|工作报告).*$")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d年(?:度)?")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


@lru_cache(maxsize=1)
def _provincial() -> frozenset[str]:
    """The names of ``graph/text/divisions.tsv``."""
    rows = [line.split("\t") for line in DIVISIONS_TSV.read_text(encoding="utf-8").splitlines()]
    return frozenset(r[1] for r in rows if len(r) >= 3 and r[0].isdigit())


@dataclass(frozen=True)
class ReportMeta:
    """What is known about a report; ``described`` says whether a sidecar or option gave any of it."""
    slug: str
    jurisdiction: str = ""
    level: str = ""
    year: str = ""
    title: str = ""
    date: str = ""
    issuer: str = ""
    source: str = ""
    described: bool = False


def _level_of(name: str) -> str:
    if name == _NATIONAL:
        return "national"
    if name in _provincial():
        return "province"
    return next((lv for suffix, lv in _SUFFIX_LEVEL.items() if name.endswith(suffix)), "")


def infer_jurisdiction(text: str) -> tuple[str, str]:
    """The jurisdiction an issuer or title names, and its level; ``("", "")`` when none is found.

    The last administrative unit before 人民政府 (政府, 管委会, 工作报告…) wins: 闵行区吴泾镇人民政府 ->
    吴泾镇 (a town); years are not part of a name (2026年安徽省政府工作报告 -> 安徽省).
    """
    head = _GOVERNMENT.sub("", _YEAR_WORD.sub("", text.strip()))
    if _NATIONAL in head:
        return _NATIONAL, "national"
    units = _UNIT.findall(head)
    if not units:
        return "", ""
    name = units[-1]
    return name, _level_of(name)


def _date(value, where: str) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if m := _CN_DATE.match(text):
        y, mo, d = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        y, mo, d = (int(x) for x in m.groups())
    else:
        raise BuildError(f"{where}: date {text!r} is not a date like 2026-01-13")
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        raise BuildError(f"{where}: date {text!r} does not exist") from None


def check_meta(values: dict, where: str) -> dict[str, str]:
    """Check and normalise metadata values; raise :class:`~graph.build.BuildError` naming ``where``.

    Years become four-digit strings, dates ISO dates, levels one of :data:`LEVELS` (镇 -> town).
    """
    unknown = sorted(set(values) - set(META_KEYS))
    if unknown:
        raise BuildError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(META_KEYS)}")
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None or str(value).strip() == "":
            continue
        if key == "date":
            out[key] = _date(value, where)
            continue
        text = str(value).strip()
        if key == "year" and not re.fullmatch(r"\d{4}", text):
            raise BuildError(f"{where}: year {text!r} is not a four-digit year")
        if key == "level":
            if text.lower() not in _LEVEL_WORDS:
                raise BuildError(f"{where}: level {text!r} is not one of {', '.join(LEVELS)} (or 镇, 街道, 区, 市, 省, 国家)")
            text = _LEVEL_WORDS[text.lower()]
        out[key] = text
    return out


def sidecar_path(path: Path) -> Path:
    """The sidecar of an input: ``corpus/wujing-2025.txt`` -> ``corpus/wujing-2025.meta.yaml``."""
    path = Path(path)
    return path.with_name(path.stem + ".meta.yaml")


def read_sidecar(path: Path) -> dict[str, str]:
    """The checked metadata of a sidecar file (see :func:`check_meta`)."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BuildError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise BuildError(f"{path}: cannot read: {exc.strerror or exc}") from None
    check_yaml(text, str(path))  # an alias bomb or a deep nesting stops here, before it is loaded
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise BuildError(f"{path}: not valid YAML: {where}{getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BuildError(f"{path}: expected key: value lines ({', '.join(META_KEYS)})")
    return check_meta({str(k): v for k, v in data.items()}, str(path))


def parse_meta_options(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["jurisdiction=吴泾镇", "level=town"]`` -> checked metadata.

    Examples
    --------
    >>> parse_meta_options(["jurisdiction=吴泾镇", "year=2025"])
    {'jurisdiction': '吴泾镇', 'year': '2025'}
    """
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BuildError(f"--meta {pair!r}: expected KEY=VALUE, e.g. jurisdiction=吴泾镇")
        values[key.strip()] = value.strip()
    return check_meta(values, "--meta")


#: A collection's list of its reports, beside them: ``file,place,level,year,…`` (corpus/reports/ has one).
MANIFEST_NAME = "MANIFEST.csv"


@lru_cache(maxsize=16)
def _manifest(folder: Path, mtime_ns: int) -> dict[str, dict[str, str]]:
    try:
        with (folder / MANIFEST_NAME).open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return {row["file"]: row for row in rows if row.get("file")}


def manifest_row(path: Path) -> dict[str, str]:
    """What the ``MANIFEST.csv`` beside ``path`` says of its place: ``jurisdiction`` and ``level``.

    Only the place: the year and the rest are read from the text, which a manifest may have
    wrong.  A manifest without the columns ``file`` and ``place``, or unreadable, says nothing.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / MANIFEST_NAME).write_text("file,place,level,year\\nx.txt,深圳市大鹏新区,district,2023\\n")
    >>> manifest_row(folder / "x.txt"), manifest_row(folder / "y.txt")
    ({'jurisdiction': '大鹏新区', 'level': 'district'}, {})
    """
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    row = _manifest(path.parent, manifest.stat().st_mtime_ns).get(path.name)
    if not row or not row.get("place"):
        return {}
    jurisdiction, level = infer_jurisdiction(row["place"].strip() + "人民政府")
    level = row.get("level", "").strip() if row.get("level", "").strip() in LEVELS else level
    return {"jurisdiction": jurisdiction, "level": level} if jurisdiction else {}


def describe(report: Report, path: Path | None = None, options: dict | None = None) -> tuple[Report, ReportMeta]:
    """Apply the manifest and the sidecar beside ``path`` and the command-line ``options`` to a report.

    Returns the report with title, issuer, date, year and source replaced where the metadata gives
    them (the year decides the period of every sentence, so this runs before extraction), and its
    :class:`ReportMeta`.  Without a sidecar or options the report comes back unchanged.  The place
    a ``MANIFEST.csv`` beside the report gives (:func:`manifest_row`) is taken only when the text
    names none (a fragment without its title lines); a sidecar or an option wins over both.
    """
    given: dict[str, str] = {}
    if path is not None and not report.jurisdiction:
        given.update(manifest_row(path))
    if path is not None and sidecar_path(path).is_file():
        given.update(read_sidecar(sidecar_path(path)))
    given.update(options or {})
    fields = {k: v for k, v in given.items() if k in META_KEYS}
    if "date" in fields and "year" not in fields and not report.year:
        fields["year"] = fields["date"][:4]
    if fields:
        report = replace(report, **fields)
    jurisdiction, level = given.get("jurisdiction", ""), given.get("level", "")
    if not jurisdiction:
        jurisdiction, level = report.jurisdiction, level or report.level
    elif not level:
        level = infer_jurisdiction(jurisdiction + "人民政府")[1]
    meta = ReportMeta(
        slug=report.slug,
        jurisdiction=jurisdiction,
        level=level,
        year=report.year,
        title=report.title,
        date=report.date,
        issuer=report.issuer,
        source=report.source,
        described=bool(given),
    )
    return report, meta


# ---------------------------------------------------------------- the metadata in the text

_HEAD_LINES = 40  # the title, the date and who speaks are at the top, after a web page's menus
_BOOK_TITLE = re.compile(r"关于印发《([^》]{2,60}?工作报告)》")
_TITLE = re.compile(r"^[^，。；：,]{0,40}?工作报告$")
_CN_NUMERAL_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_AR_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
# ——2026年2月5日在安徽省第十四届人民代表大会第四次会议上 (the date before 在 is optional)
_CONGRESS = re.compile(r"在([\u4e00-\u9fff]{2,20}?)第?[一二三四五六七八九十\d]+届人民代表大会")
_SPEAKER = re.compile(r"代表([\u4e00-\u9fff]{0,20}?(?:人民政府|政府|管理委员会|管委会)|国务院)")
_WEB_TIME = re.compile(r"(?:^|时间[：:]\s*)((?:19|20)\d\d)-\d{1,2}-\d{1,2}")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ISSUER_END = ("政府", "委员会", "办公室", "管委会", "办事处")


def _cn_date(m: re.Match) -> str:
    year = "".join(str(parse_chinese_integer(ch)) for ch in m.group(1))
    return f"{year}-{parse_chinese_integer(m.group(2)):02d}-{parse_chinese_integer(m.group(3)):02d}"


def _ar_date(m: re.Match) -> str:
    y, mo, d = (int(x) for x in m.groups())
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def read_metadata(text: str, name: str = "") -> dict[str, str]:
    """Read the title, issuer, date, year, jurisdiction and level of a report from its cleaned text.

    ``name`` (the file name) gives the year when the text does not (see the module docstring).

    Examples
    --------
    >>> meta = read_metadata("闵行区吴泾镇人民政府\\n2026年1月13日\\n吴泾镇人民政府2026年工作报告\\n")
    >>> meta["date"], meta["year"], meta["jurisdiction"], meta["level"]
    ('2026-01-13', '2026', '吴泾镇', 'town')
    >>> meta = read_metadata("政府工作报告\\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\\n")
    >>> meta["date"], meta["year"], meta["jurisdiction"], meta["level"]
    ('2026-01-27', '2026', '甘肃省', 'province')
    """
    meta = {"title": "", "issuer": "", "date": "", "year": "", "jurisdiction": "", "level": ""}
    lines = [line.strip() for line in text.split("\n")]
    head = [line for line in lines if line][:_HEAD_LINES]
    compact = [re.sub(r"\s+", "", line) for line in head]
    congress: list[str] = []  # where the jurisdiction may be named: the congress, the title, who speaks
    speakers: list[str] = []
    web_year = ""
    for i, line in enumerate(compact):
        if not meta["title"] and (m := _BOOK_TITLE.search(line) or _TITLE.match(line)):
            meta["title"] = m.group(1) if m.re is _BOOK_TITLE else m.group(0)
        if m := _CONGRESS.search(line):
            congress.append(m.group(1))
        if not meta["date"]:
            if (m := _CN_NUMERAL_DATE.search(line)) and _CONGRESS.search(line):
                meta["date"] = _cn_date(m)
            elif (m := _AR_DATE.search(line)) and (m.group(0) == line or _CONGRESS.search(line)):
                meta["date"] = _ar_date(m)
                if m.group(0) == line and i > 0 and compact[i - 1].endswith(_ISSUER_END):
                    meta["issuer"] = head[i - 1]
        if not web_year and (m := _WEB_TIME.search(line)):
            web_year = m.group(1)
        if m := _SPEAKER.search(line):
            speakers.append(m.group(1))
            if not meta["issuer"] and infer_jurisdiction(m.group(1))[0]:
                meta["issuer"] = m.group(1)
    places = [*congress, meta["title"], meta["issuer"], *speakers]
    for place in places:
        jurisdiction, level = infer_jurisdiction(place)
        if jurisdiction:
            meta["jurisdiction"], meta["level"] = jurisdiction, level
            break
    else:  # 我代表区人民政府: the level without the name
        for place in places:
            bare = _GOVERNMENT.sub("", place)
            if bare in _LEVEL_WORDS and bare not in LEVELS:
                meta["level"] = _LEVEL_WORDS[bare]
                break
    years = _YEAR_WORD.findall(meta["title"])
    meta["year"] = (
        (years[0][:4] if years else "")
        or meta["date"][:4]
        or year_from_headings(text)
        or web_year
        or next(iter(_FILE_YEAR.findall(name)), "")
    )
    return meta


def report_slug(path: Path) -> str:
    """The name of a report in IRIs, from its file name: ``corpus/wujing-2026.txt`` -> ``wujing-2026``."""
    stem = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff-]+", "-", path.stem).strip("-").lower()
    return stem or "report"


def read_report(path: Path, encoding: str | None = None) -> Report:
    """Read a report (.txt in any Chinese encoding, .docx, .pdf, .html; :mod:`graph.text.readers`) and its metadata."""
    path = Path(path)
    try:
        text = read_text(path, encoding=encoding)
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    meta = read_metadata(text, path.stem)
    return Report(slug=report_slug(path), text=text, source=path.name, **meta)
