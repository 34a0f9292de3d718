"""Read the numbers of Chinese reports: numerals, mixed forms, units, and the words around them.

Reports write figures as Arabic digits with a Chinese unit (``142亿元``, ``1322.35万元``,
``9.6万平方米``, ``5.4%``), sometimes in Chinese numerals (``三个``, ``一千二百``), as fractions
(``五分之一``) or idioms (``翻倍``, ``零发案``), with words that make them bounds rather than exact
values (``超10亿元``, ``180亿元以上``, ``1600余份``, ``近五分之一``).  Everything here is a pure function
of its input; values are :class:`~decimal.Decimal` so that ``32.3亿元`` is exactly 3230000000 yuan.

Examples
--------
>>> parse_number("一千二百"), parse_number("1.2万"), parse_number("5.4%")
(Decimal('1200'), Decimal('12000'), Decimal('0.054'))
>>> q = parse_quantity("32.3亿元")
>>> q.value, q.unit, q.cny
(Decimal('32.3'), '亿元', Decimal('3230000000'))
>>> [(q.text, q.qualifier) for q in find_quantities("走访重点企业122家，助力企业融资超0.52亿元。")]
[('122家', 'Exact'), ('超0.52亿元', 'MoreThan')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "Quantity",
    "QUALIFIERS",
    "UNITS",
    "find_quantities",
    "format_decimal",
    "parse_chinese_integer",
    "parse_number",
    "parse_quantity",
    "to_cny",
]

#: Full-width digits, point, percent sign and plus -> ASCII (one character for one, offsets stay put).
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)} | {0xFF0E: ord("."), 0xFF05: ord("%")}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_MULTIPLIERS = {"万": Decimal(10**4), "亿": Decimal(10**8)}

#: Units a figure can carry, longest first so that 家次 wins over 家 and 个月 over 个.  A multiplier
#: (万, 亿) may stand before any of them: 亿元, 万平方米, 万人次.
UNITS = (
    "平方米", "人次", "家次", "个月", "公里",
    "元", "家", "个", "项", "所", "名", "位", "条", "次", "台", "户", "处", "场", "件",
    "宗", "幅", "块", "份", "栋", "幢", "起", "张", "年", "%",
)  # fmt: skip

#: Words that turn a figure into a bound, and the qualifier each gives.
QUALIFIERS = {
    "超过": "MoreThan",
    "超": "MoreThan",
    "逾": "MoreThan",
    "突破": "MoreThan",
    "余": "MoreThan",
    "多": "MoreThan",
    "以上": "AtLeast",
    "迈上": "AtLeast",
    "近": "Nearly",
    "约": "Approximately",
    "左右": "Approximately",
    "数": "Vague",
    "几": "Vague",
}

_AR = r"\d+(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+"
_UNIT = "|".join(re.escape(u) for u in UNITS)
_UNIT_CN = "|".join(re.escape(u) for u in UNITS if u not in ("年", "%"))
_QUANTITY = re.compile(
    rf"""
    (?P<pre>超过|超|逾|突破|迈上|(?<![最附就])近|(?<![签节预合制契公条履违特邀])约|[数几](?=[十百千万]))?
    (?:
        (?P<idiom>翻一番|翻番|翻倍|零发案)
      | (?<=排名)第(?P<rank>\d+|[一二三四五六七八九十]+)(?:名|位)?
      | 百分之(?P<pct>{_AR}|{_CN})
      | (?P<den>\d+|[一二三四五六七八九十百]+)分之(?P<num>\d+|[一二三四五六七八九十百]+)
      | (?<![A-Za-z0-9.第])(?P<ar>{_AR})(?P<ar_about>余|多)?(?P<ar_mult>[万亿])?(?P<ar_unit>{_UNIT})
      | (?<![第零〇一二两三四五六七八九十百千万亿])(?P<cn>{_CN})(?P<cn_about>余|多)?(?P<cn_unit>{_UNIT_CN})
    )
    (?P<post>以上|左右)?
    """,
    re.VERBOSE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Quantity:
    """A figure found in a text: its value as stated, its unit, and how exact it is.

    ``value`` is the number as written, in the stated ``unit`` (``142`` with ``亿元``); a fraction or
    ``百分之…`` is given as a percentage (``五分之一`` -> ``20`` ``%``); a rank (``排名第三``) has the
    unit ``位次``.  ``qualifier`` is ``Exact`` or one of the values of :data:`QUALIFIERS`.
    ``start``/``end`` are offsets of ``text`` in the searched string.
    """
    text: str
    value: Decimal
    unit: str
    qualifier: str = "Exact"
    start: int = 0
    end: int = 0

    @property
    def cny(self) -> Decimal | None:
        """The value in yuan when the unit is an amount of money, else None."""
        return to_cny(self.value, self.unit)


def format_decimal(value: Decimal) -> str:
    """A decimal as plain digits: no exponent, no trailing zeros.

    Examples
    --------
    >>> format_decimal(Decimal("32.3") * Decimal("1E8")), format_decimal(Decimal("5.40"))
    ('3230000000', '5.4')
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _normalise(text: str) -> str:
    return text.translate(_FULLWIDTH)


def parse_chinese_integer(text: str) -> int:
    """The value of a whole number written in Chinese numerals.

    Examples
    --------
    >>> [parse_chinese_integer(t) for t in ("十五", "一百零五", "两万三千", "一亿二千万", "百亿", "二〇二五")]
    [15, 105, 23000, 120000000, 10000000000, 2025]
    """
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_SMALL and ch not in _CN_BIG for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(ch in _CN_DIGITS for ch in text):  # digit by digit: 二〇二五
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = section = number = 0
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10**4
            section = number = 0
        else:  # 亿 scales everything before it
            total = (total + section + number) * 10**8
            section = number = 0
    return total + section + number


def _number(text: str) -> Decimal:
    """Arabic or Chinese digits, with an optional trailing 万/亿 (``1.2万``, ``两万``)."""
    mult = Decimal(1)
    if len(text) > 1 and text[-1] in _MULTIPLIERS and re.fullmatch(_AR, text[:-1]):
        text, mult = text[:-1], _MULTIPLIERS[text[-1]]
    if re.fullmatch(_AR, text):
        return Decimal(text) * mult
    return Decimal(parse_chinese_integer(text)) * mult


def parse_number(text: str) -> Decimal:
    """The number a string stands for: digits, Chinese numerals, ``1.2万``, ``5.4%``, ``五分之一``.

    A percentage or fraction is returned as a plain ratio (``5.4%`` -> ``0.054``).  Full-width
    digits are read like ASCII ones.  Raises ValueError for anything else (including a number
    with a unit: use :func:`parse_quantity` for ``142亿元``).

    Examples
    --------
    >>> [str(parse_number(t)) for t in ("一千二百", "1.2万", "5.4%", "五分之一", "１２３", "百分之五")]
    ['1200', '12000', '0.054', '0.2', '123', '0.05']
    """
    raw = _normalise(text.strip())
    try:
        if m := re.fullmatch(r"(.+)分之(.+)", raw):
            value = _number(m.group(2)) / _number(m.group(1))
        elif m := re.fullmatch(r"百分之(.+)", raw):
            value = _number(m.group(1)) / 100
        elif raw.endswith("%"):
            value = _number(raw[:-1].strip()) / 100
        else:
            value = _number(raw)
    except (ValueError, ArithmeticError):
        raise ValueError(f"not a number: {text!r}") from None
    return Decimal(format_decimal(value))


def to_cny(value: Decimal, unit: str) -> Decimal | None:
    """``value`` in yuan when ``unit`` is 元, 万元 or 亿元; None for any other unit.

    Examples
    --------
    >>> to_cny(Decimal("1322.35"), "万元"), to_cny(Decimal("142"), "亿元"), to_cny(Decimal("7"), "家")
    (Decimal('13223500'), Decimal('14200000000'), None)
    """
    if unit == "元":
        return value
    if len(unit) == 2 and unit[1] == "元" and unit[0] in _MULTIPLIERS:
        return Decimal(format_decimal(value * _MULTIPLIERS[unit[0]]))
    return None


def _qualifier(m: re.Match) -> str:
    for word in (m.group("pre"), m.group("ar_about") or m.group("cn_about"), m.group("post")):
        if word:
            return QUALIFIERS[word]
    return "Exact"


def _from_match(m: re.Match, text: str) -> Quantity | None:
    if m.group("idiom"):
        value, unit = (Decimal(0), "起") if m.group("idiom") == "零发案" else (Decimal(100), "%")
    elif m.group("rank"):
        value, unit = _number(m.group("rank")), "位次"
    elif m.group("pct"):
        value, unit = _number(m.group("pct")), "%"
    elif m.group("den"):
        value, unit = _number(m.group("num")) / _number(m.group("den")) * 100, "%"
        value = Decimal(format_decimal(value.quantize(Decimal("0.0001"))))
    elif m.group("ar"):
        number, unit = m.group("ar"), (m.group("ar_mult") or "") + m.group("ar_unit")
        if unit == "年" and _YEAR.fullmatch(number):
            return None  # 2025年 is a date, not five years
        value = Decimal(number)
    else:
        numeral, unit = m.group("cn"), m.group("cn_unit")
        if len(numeral) > 1 and numeral[-1] in _MULTIPLIERS:  # 百亿元 -> 百 亿元
            numeral, unit = numeral[:-1], numeral[-1] + unit
        if numeral in ("万", "亿") or numeral[0] in "万亿":
            return None
        value = Decimal(parse_chinese_integer(numeral))
    return Quantity(text=m.group(0), value=value, unit=unit, qualifier=_qualifier(m), start=m.start(), end=m.end())


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, with its unit, qualifier and offsets.

    Dates (``2025年``), ordinals (``第五届``) and bare numbers without a unit (``23号线``,
    ``12345热线``) are not figures; a rank (``排名第三``) is.  Full-width digits are read like
    ASCII ones and offsets refer to ``text`` as given.

    Examples
    --------
    >>> [(q.text, str(q.value), q.unit, q.qualifier) for q in find_quantities(
    ...     "2025年财政总收入142亿元，同比增长16%，发放3800余万元，全区占比近五分之一，排名第三。")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('142亿元', '142', '亿元', 'Exact'), ('16%', '16', '%', 'Exact'),
     ('3800余万元', '3800', '万元', 'MoreThan'), ('近五分之一', '20', '%', 'Nearly'),
     ('第三', '3', '位次', 'Exact')]
    >>> [(q.text, q.value) for q in find_quantities("新增１２家，三个专班，23号线")]
    [('１２家', Decimal('12')), ('三个', Decimal('3'))]
    """
    normal = _normalise(text)
    found = []
    for m in _QUANTITY.finditer(normal):
        q = _from_match(m, normal)
        if q is not None:
            found.append(Quantity(text[q.start : q.end], q.value, q.unit, q.qualifier, q.start, q.end))
    return found


def parse_quantity(text: str) -> Quantity:
    """The one figure that ``text`` consists of (``142亿元``, ``5.4%``, ``1322.35万元``, ``一千二百``).

    A number without a unit gets the unit ``""``; ``1.2万`` keeps ``万`` as its unit.

    Examples
    --------
    >>> [(str(q.value), q.unit) for q in map(parse_quantity, ("142亿元", "5.4%", "1.2万", "一千二百"))]
    [('142', '亿元'), ('5.4', '%'), ('1.2', '万'), ('1200', '')]
    >>> parse_quantity("1322.35万元").cny
    Decimal('13223500')
    >>> parse_quantity("吴泾")
    Traceback (most recent call last):
    ...
    ValueError: not a quantity: '吴泾'
    """
    raw = text.strip()
    found = find_quantities(raw)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(raw):
        return found[0]
    normal = _normalise(raw)
    if m := re.fullmatch(rf"({_AR})([万亿])", normal):
        return Quantity(raw, Decimal(m.group(1)), m.group(2), "Exact", 0, len(raw))
    try:
        return Quantity(raw, parse_number(raw), "", "Exact", 0, len(raw))
    except ValueError:
        raise ValueError(f"not a quantity: {text!r}") from None
