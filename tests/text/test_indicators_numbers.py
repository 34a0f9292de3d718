"""Chinese numerals and the mixed forms of report figures parse to the numbers they stand for."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.text.numbers import find_quantities, format_decimal, parse_chinese_integer, parse_number, parse_quantity, to_cny




# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("一千二百", "1200"),
    ("1.2万", "12000"),
    ("5.4%", "0.054"),
    ("五分之一", "0.2"),
    ("四分之一", "0.25"),
    ("十五", "15"),
    ("二十", "20"),
    ("一百零五", "105"),
    ("两万三千", "23000"),
    ("一亿二千万", "120000000"),
    ("百分之五", "0.05"),
    ("１２３", "123"),          # full-width digits
    ("３２．３", "32.3"),       # full-width digits and point
    ("５.４％", "0.054"),       # full-width percent sign
    ("0.52", "0.52"),
])
# fmt: on
def test_parse_number_reads_numerals_and_mixed_forms(text, expected):
    assert parse_number(text) == Decimal(expected)


# fmt: off
@pytest.mark.parametrize("text, value, unit, cny", [
    ("142亿元", "142", "亿元", "14200000000"),
    ("32.3亿元", "32.3", "亿元", "3230000000"),
    ("1322.35万元", "1322.35", "万元", "13223500"),
    ("0.52亿元", "0.52", "亿元", "52000000"),
    ("１４２亿元", "142", "亿元", "14200000000"),
    ("5.4%", "5.4", "%", None),
    ("9.6万平方米", "9.6", "万平方米", None),
    ("701家", "701", "家", None),
    ("三个", "3", "个", None),
    ("五分之一", "20", "%", None),
])
# fmt: on
def test_parse_quantity_keeps_the_stated_unit_and_converts_money_to_yuan(text, value, unit, cny):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (Decimal(value), unit)
    assert q.cny == (Decimal(cny) if cny else None)


@pytest.mark.parametrize("text", ["吴泾", "", "亿元", "第三"])
def test_parse_quantity_rejects_text_that_is_not_a_figure(text):
    with pytest.raises(ValueError):
        parse_quantity(text)


# fmt: off
@pytest.mark.parametrize("text, stated, qualifier", [
    ("转化合同金额超10亿元", "超10亿元", "MoreThan"),
    ("接待超过80万人次", "超过80万人次", "MoreThan"),
    ("安置居民逾6500户", "逾6500户", "MoreThan"),
    ("商品销售额突破700亿元", "突破700亿元", "MoreThan"),
    ("签订安全承诺书1600余份", "1600余份", "MoreThan"),
    ("发放各类救助帮困金3800余万元", "3800余万元", "MoreThan"),
    ("财政总收入达到180亿元以上", "180亿元以上", "AtLeast"),
    ("连续三年保持10%以上增长", "10%以上", "AtLeast"),
    ("全区占比近五分之一", "近五分之一", "Nearly"),
    ("约5家", "约5家", "Approximately"),
    ("加梯工作签约74台", "74台", "Exact"),      # 签约 is "sign", not 约 "about"
    ("惠及困难群众数千人次", "数千人次", "Vague"),
])
# fmt: on
def test_words_around_a_figure_make_it_a_bound(text, stated, qualifier):
    (q,) = find_quantities(text)
    assert (q.text, q.qualifier) == (stated, qualifier)
    assert text[q.start : q.end] == stated


@pytest.mark.parametrize(
    "text",
    ["2025年是冲刺收官之年", "第五届大赛", "稳步推进23号线", "12345热线", "第十五个五年规划", "2018-2022年度"],
)
def test_dates_ordinals_and_names_are_not_figures(text):
    assert find_quantities(text) == []


def test_a_rank_and_idioms_are_figures():
    found = find_quantities("完成率全区排名第三，固定资产投资实现翻倍增长，实现入室盗窃“零发案”")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("第三", Decimal(3), "位次"),
        ("翻倍", Decimal(100), "%"),
        ("零发案", Decimal(0), "起"),
    ]


def test_full_width_digits_keep_their_offsets():
    text = "新增１２家企业"
    (q,) = find_quantities(text)
    assert (q.value, text[q.start : q.end]) == (Decimal(12), "１２家")


def test_format_decimal_writes_plain_digits():
    assert format_decimal(Decimal("3.23E+9")) == "3230000000"
    assert format_decimal(Decimal("74.140")) == "74.14"
    assert to_cny(Decimal("1.77"), "亿元") == Decimal("177000000")


def _to_chinese(n: int) -> str:
    """An independent writer of Chinese numerals (一亿零五, 两万三千 is written 二万三千)."""
    digits = "零一二三四五六七八九"

    def section(x: int) -> str:
        out, zero = "", False
        for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
            d = x // 10**power % 10
            if d == 0:
                zero = bool(out)
            else:
                out += ("零" if zero else "") + digits[d] + unit
                zero = False
        return out

    if n == 0:
        return "零"
    out, gap = "", False
    for value, unit in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            gap = bool(out)
            continue
        if out and (gap or value < 1000):
            out += "零"
        out += section(value) + unit
        gap = False
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numerals_read_back_as_the_number_written(n):
    assert parse_chinese_integer(_to_chinese(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_arabic_and_full_width_numbers_read_back_exactly(d):
    text = format(d, "f")
    full_width = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert parse_number(text) == d
    assert parse_number(full_width) == d


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["亿元", "万元"]))
def test_money_in_yuan_is_the_stated_value_times_its_multiplier(n, unit):
    q = parse_quantity(f"{n}{unit}")
    assert q.cny == n * (10**8 if unit == "亿元" else 10**4)
