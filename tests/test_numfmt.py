"""Number phrasing as township reports write it."""
import pytest

from govreport.text import numfmt


@pytest.mark.parametrize("value,expected", [
    (0, "0"), (7, "7"), (10, "10"), (26, "20余"), (128, "120余"), (100, "100"), (312, "310余"),
    (5000, "5000"), (5234, "5200余"), (9999, "9900余"), (10000, "1万"), (18300, "1.8万余"),
    (35000, "3.5万"), (40230, "4万余"), (1234567, "123.4万余"), (-5, "-5"), (3.5, "3.5"),
])
def test_approx_rounds_down_to_a_clerks_round_figure(value, expected):
    assert numfmt.approx(value) == expected


@pytest.mark.parametrize("value,expected", [
    (93.84, "93.84%"), (100, "100%"), (100.0, "100%"), (95.5, "95.5%"), (0, "0%"),
    (97.6562, "97.66%"), (12.0, "12%"),
])
def test_percent_has_at_most_two_decimals_and_never_100_point_0(value, expected):
    assert numfmt.percent(value) == expected


@pytest.mark.parametrize("value,expected", [
    (96.3, "95%以上"), (95, "95%"), (100, "100%"), (99.9, "95%以上"), (0, "0%"), (4.9, "0%以上"),
])
def test_at_least_floors_a_rate_to_the_step(value, expected):
    assert numfmt.at_least(value) == expected


@pytest.mark.parametrize("cur,prev,expected", [
    (128, 110, "同比增长16.4%"), (110, 128, "同比下降14.1%"), (100, 100, "与上年持平"),
    (100.01, 100, "与上年持平"), (0, 50, "同比下降100%"), (3_000_000, 1, "同比增长299999900%"),
    (-10, 10, "同比下降200%"),
])
def test_year_on_year_change_is_phrased_with_direction(cur, prev, expected):
    assert numfmt.yoy(cur, prev) == expected


@pytest.mark.parametrize("n,expected", [
    (0, "零"), (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"),
    (110, "一百一十"), (1001, "一千零一"), (2024, "二千零二十四"), (10000, "一万"),
    (10005, "一万零五"), (123456, "十二万三千四百五十六"), (-3, "负三"),
])
def test_chinese_numerals(n, expected):
    assert numfmt.chinese(n) == expected


def test_ordinal_and_quarter():
    assert [numfmt.ordinal(i) for i in (1, 2, 3)] == ["一是", "二是", "三是"]
    assert numfmt.quarter(1) == "第一季度"
    assert numfmt.quarter(4) == "第四季度"


@pytest.mark.parametrize("value,kind,expected", [
    (128.0, "int", "128"), (2.4, "dec", "2.4"), (93.84, "pct", "93.84%"),
    (22000.0, "money", "22000"), (1234.5, "money", "1234.5"),
])
def test_plain_rendering_by_indicator_type(value, kind, expected):
    assert numfmt.plain(value, kind) == expected
