"""Numbers for people: hand-checked strings in English, Norwegian and Swedish."""

import math
from string import Formatter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_core import fmt

NB = "\u00a0"  # babel's group separator in nb/sv, also used before units


def test_money_has_the_code_and_the_language_decimal_sign():
    assert fmt.money(1234.5, "NOK", "en") == "1,234" + NB + "NOK"  # cents dropped from 1,000 on
    assert fmt.money(234.5, "NOK", "en") == "234.50" + NB + "NOK"
    assert fmt.money(234.5, "SEK", "sv") == "234,50" + NB + "SEK"
    assert fmt.money(1234567.0, "NOK", "nb") == "1" + NB + "234" + NB + "567" + NB + "NOK"
    assert fmt.money(2_500_000.0, "NOK", "nb", compact_large=True) == "2,5" + NB + "mill." + NB + "NOK"


def test_percentages_keep_two_decimals_for_small_rates():
    assert fmt.percent(0.0345, "en") == "3.45%"
    assert fmt.percent(0.0345, "nb") == "3,45" + NB + "%"
    assert fmt.percent(0.453, "sv") == "45,3" + NB + "%"  # from 10 % on, one decimal


def test_multiples_counts_and_durations():
    assert fmt.multiple(4.283, "en") == "4.28×"
    assert fmt.multiple(4.283, "nb") == "4,28×"
    assert fmt.multiple(12.54, "en") == "12.5×"
    assert fmt.number(60000, "en") == "60,000"
    assert fmt.number(60000, "sv") == "60" + NB + "000"
    assert fmt.compact(1_234_567, "en") == "1.2M"
    assert fmt.seconds(72) == "1 min 12 s"
    assert fmt.seconds(3900) == "1 h 5 min"  # 3900 s = 65 min
    assert fmt.seconds(38.4) == "38 s"


def test_null_and_non_finite_values_are_a_dash():
    for unit in ("rate", "currency", "multiple", "seconds", "count", "number"):
        assert fmt.format_kpi(None, unit, "NOK", "nb") == "–"
        assert fmt.format_kpi(math.nan, unit, "NOK", "en") == "–"
    assert fmt.change(None) is None


def test_format_kpi_picks_the_format_by_unit():
    assert fmt.format_kpi(0.018333, "rate", "NOK", "en") == "1.83%"  # 1100 / 60000
    assert fmt.format_kpi(41.6667, "currency", "NOK", "en") == "41.67" + NB + "NOK"
    assert fmt.format_kpi(7.2, "multiple", None, "nb") == "7,20×"


def test_change_has_an_ascii_sign_for_st_metric():
    assert fmt.change(0.02857, "en") == "+2.9%"  # 7.2 / 7.0 - 1
    assert fmt.change(-0.0568, "nb") == "-5,7" + NB + "%"
    assert fmt.change(0.0, "en") == "±0.0%"


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_change_sign_matches_the_direction(value):
    text = fmt.change(value, "sv")
    # Changes that round to 0.0 % carry no direction (fmt.change's docstring).
    assert text[0] == ("±" if abs(value) < 0.0005 else "+" if value > 0 else "-")


def test_texts_exist_in_every_language():
    for key, texts in fmt.TEXTS.items():
        assert set(texts) == {"en", "nb", "sv"}, key
        assert all(t.strip() for t in texts.values()), key
        names = [{n for _, n, _, _ in Formatter().parse(t) if n is not None} for t in texts.values()]
        assert names[0] == names[1] == names[2], key  # a typo'd placeholder in one language fails here


def test_markdown_escaping_shows_data_literally():
    assert fmt.md("<script>*x*</script>") == "\\<script\\>\\*x\\*\\</script\\>"
    assert fmt.md("NO_Search_Brand") == "NO\\_Search\\_Brand"


def test_stage_goals_translate_the_catalog_text():
    from kpi_core.catalog import STAGE_GOALS

    for stage, english in STAGE_GOALS.items():
        assert fmt.t(f"stage_goal_{stage}", "en") == english


def test_no_change_has_no_direction():
    assert fmt.change(0.0004, "en") == "±0.0%"  # rounds to 0.0 %: neither up nor down
    assert fmt.change(-0.0004, "nb") == "±0,0" + NB + "%"


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("12500,50", "nb", 12500.5), ("12 500,50", "nb", 12500.5), ("12\u00a0500,50", "sv", 12500.5),
    ("12.500,50", "nb", 12500.5), ("12,500.50", "en", 12500.5), ("40,5", "nb", 40.5), ("40,5", "en", 40.5),
    ("12,500", "en", 12500.0), ("12,500", "nb", 12.5), ("0,95", "sv", 0.95), ("1.050", "nb", 1.05),
    ("1.234.567", "nb", 1234567.0), ("25 %", "nb", 25.0), ("−3,5", "sv", -3.5), ("", "nb", None),
])
def test_parse_amount_reads_numbers_as_users_type_them(text, lang, value):
    from kpi_core.fmt import parse_amount

    assert parse_amount(text, lang) == value


def test_parse_amount_refuses_text_and_amount_text_writes_back():
    from kpi_core.fmt import amount_text, parse_amount

    for bad in ("førti", "12,50,3", "1e5", "--"):
        with pytest.raises(ValueError):
            parse_amount(bad, "nb")
    assert (amount_text(12500.5, "nb"), amount_text(40.0, "en"), amount_text(None, "sv")) == ("12500,5", "40", "")
