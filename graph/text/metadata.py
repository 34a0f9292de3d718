"""Describe each report: jurisdiction, level, year, title, date, issuer and source.

Metadata comes from three places; a later one wins:

1. the text itself (:func:`graph.text.read_metadata` reads the title line, issuer and date; the
   jurisdiction and its level are read from the issuer or the title);
2. a sidecar file ``NAME.meta.yaml`` beside the input ``NAME.txt`` (any of :data:`META_KEYS`);
3. the command line (``wujing-kg build --meta key=value``), applied to every input.

A report with a sidecar or command-line metadata is *described*: besides what
:mod:`graph.rdf` writes (dcterms:title/publisher/issued/source, wj:year), its node in the
provenance graph gets ``wj:jurisdiction`` and ``wj:level`` (declared in ``ontology/reports.ttl``).
A report without either is left exactly as :mod:`graph.rdf` writes it, so the bundled build does
not change.

Examples
--------
>>> infer_jurisdiction("闵行区吴泾镇人民政府")
('吴泾镇', 'town')
>>> infer_jurisdiction("上海市闵行区人民政府2026年政府工作报告")
('闵行区', 'district')
>>> check_meta({"year": 2025, "level": "镇"}, "x.meta.yaml")
{'year': '2025', 'level': 'town'}
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from graph.errors import BuildError
from graph.model import Report
from graph.text.readers import ReadError, read_text


def report_slug(path: Path) -> str:
    """The name of a report in IRIs, from its file name: ``corpus/wujing-2026.txt`` -> ``wujing-2026``."""
    stem = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff-]+", "-", path.stem).strip("-").lower()
    return stem or "report"


def read_report(path: Path, encoding: str | None = None) -> Report:
    """Read a report (.txt in any Chinese encoding, .docx, .pdf, .html; see :mod:`graph.readers`) and its metadata."""
    path = Path(path)
    try:
        text = read_text(path, encoding=encoding)
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    meta = read_metadata(text)
    return Report(slug=report_slug(path), text=text, source=path.name, **meta)






__all__ = [
    "META_KEYS",
    "LEVELS",
    "ReportMeta",
    "check_meta",
    "describe",
    "infer_jurisdiction",
    "parse_meta_options",
    "read_sidecar",
    "sidecar_path",
]


#: The keys a sidecar or ``--meta`` may set.
META_KEYS = ("jurisdiction", "level", "year", "title", "date", "issuer", "source")

#: The administrative levels a report can be of.
LEVELS = ("town", "subdistrict", "district", "city")

# the Chinese word that ends a jurisdiction's name -> its level
_SUFFIX_LEVEL = {"街道": "subdistrict", "镇": "town", "乡": "town", "区": "district", "县": "district", "市": "city"}
_LEVEL_WORDS = {**_SUFFIX_LEVEL, **{k: k for k in LEVELS}}
_UNIT = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:街道|镇|乡|区|县|市)")
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处|管委会|委员会).*$")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


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


def infer_jurisdiction(text: str) -> tuple[str, str]:
    """The jurisdiction an issuer or title names, and its level; ``("", "")`` when none is found.

    The last administrative unit before 人民政府 wins: 闵行区吴泾镇人民政府 -> 吴泾镇 (a town).
    """
    head = _GOVERNMENT.sub("", text.strip())
    units = _UNIT.findall(head)
    if not units:
        return "", ""
    name = units[-1]
    level = next(lv for suffix, lv in _SUFFIX_LEVEL.items() if name.endswith(suffix))
    return name, level


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
                raise BuildError(f"{where}: level {text!r} is not one of {', '.join(LEVELS)} (or 镇, 街道, 区, 市)")
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


def describe(report: Report, path: Path | None = None, options: dict | None = None) -> tuple[Report, ReportMeta]:
    """Apply the sidecar beside ``path`` and the command-line ``options`` to a report.

    Returns the report with title, issuer, date, year and source replaced where the metadata gives
    them (the year decides the period of every sentence, so this runs before extraction), and its
    :class:`ReportMeta`.  Without a sidecar or options the report comes back unchanged.
    """
    given: dict[str, str] = {}
    if path is not None and sidecar_path(path).is_file():
        given.update(read_sidecar(sidecar_path(path)))
    given.update(options or {})
    fields = {k: v for k, v in given.items() if k in ("title", "issuer", "date", "year", "source")}
    if "date" in fields and "year" not in fields and not report.year:
        fields["year"] = fields["date"][:4]
    if fields:
        report = replace(report, **fields)
    jurisdiction, level = given.get("jurisdiction", ""), given.get("level", "")
    if given and not jurisdiction:
        jurisdiction, inferred_level = infer_jurisdiction(report.issuer) if report.issuer else ("", "")
        if not jurisdiction and report.title:
            jurisdiction, inferred_level = infer_jurisdiction(report.title)
        level = level or inferred_level
    elif jurisdiction and not level:
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






_TITLE = re.compile(r"^(.{2,40}?(\d{4})年(?:政府)?工作报告)$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def read_metadata(text: str) -> dict[str, str]:
    """Read the title, issuing body, date and year of a report from its cleaned text.

    Examples
    --------
    >>> read_metadata("闵行区吴泾镇人民政府\\n2026年1月13日\\n吴泾镇人民政府2026年工作报告\\n")["date"]
    '2026-01-13'
    """
    meta = {"title": "", "issuer": "", "date": "", "year": ""}
    lines = [line.strip() for line in text.split("\n")[:80]]
    for i, line in enumerate(lines):
        if not meta["title"] and (m := _TITLE.match(line)):
            meta["title"], meta["year"] = m.group(1), m.group(2)
        if not meta["date"] and (m := _DATE.match(line)):
            y, mo, d = m.groups()
            meta["date"] = f"{y}-{int(mo):02d}-{int(d):02d}"
            if i > 0 and lines[i - 1].endswith(("政府", "委员会", "办公室")):
                meta["issuer"] = lines[i - 1]
    if not meta["year"] and meta["date"]:
        meta["year"] = meta["date"][:4]
    return meta
