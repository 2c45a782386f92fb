"""The engine against values computed by hand.

The fixture has three channels and one row of loyalty measures, chosen so every KPI of the
catalog is computable; the expected values are worked out in the comments.
"""

from datetime import date

import polars as pl
import pytest

from kpi_core import catalog
from kpi_core.engine import Inputs, Period, compare, compute, parse_period, to_long, verdict

ROWS = [
    # Search: ctr 600/20000 = 0.03
    dict(channel="Search", spend=300.0, impressions=20000.0, clicks=600.0, engagements=0.0,
         video_views=0.0, sessions=500.0, engagement_seconds=30000.0, pageviews=1500.0, bounces=200.0,
         downloads=10.0, leads=30.0, mqls=12.0, sqls=6.0, new_customers=3.0, conversions=25.0,
         orders=20.0, revenue=6000.0, carts=80.0, returned_orders=2.0),
    # Social: ctr 400/80000 = 0.005; reach given on this one row only
    dict(channel="Social", spend=700.0, impressions=80000.0, reach=40000.0, clicks=400.0,
         engagements=1600.0, video_views=8000.0, sessions=300.0, engagement_seconds=6000.0,
         pageviews=450.0, bounces=180.0, downloads=5.0, leads=20.0, mqls=8.0, sqls=2.0,
         new_customers=1.0, conversions=5.0, orders=5.0, revenue=1000.0, carts=45.0,
         returned_orders=1.0),
    dict(channel="Email", sessions=200.0, conversions=10.0, orders=10.0, revenue=2000.0,
         emails_delivered=5000.0, email_opens=2000.0, email_clicks=250.0, unsubscribes=10.0),
    # What an orders export contributes (loyalty measures count people: one row each).
    dict(channel="Shop", customers=500.0, repeat_customers=140.0, churned_customers=50.0,
         customers_at_start=400.0),
]


@pytest.fixture
def frame() -> pl.DataFrame:
    return pl.DataFrame(ROWS).with_columns(pl.lit("NOK").alias("currency"))


# Totals: spend 1000, impressions 100000, clicks 1000, sessions 1000, conversions 40, orders 35,
# revenue 9000, leads 50, mqls 20, sqls 8, new_customers 4. Inputs: margin 0.4 -> gross profit 3600;
# other costs 250 -> marketing cost 1250.
EXPECTED = {
    "impressions": 100000.0,
    "reach": 40000.0,
    "frequency": 2.0,  # 80000 / 40000: Social's impressions, the rows that give a reach (paired numerator)
    "cpm": 10.0,  # 1000 * 1000 / 100000
    "ctr": 0.01,  # 1000 / 100000
    "engagement_rate": 0.016,  # 1600 / 100000
    "video_view_rate": 0.08,  # 8000 / 100000
    "sessions": 1000.0,
    "cpc": 1.0,  # 1000 / 1000
    "cost_per_session": 1.0,
    # Paired: the Email row's 200 sessions report no time, page views or bounces, so they are left out
    # of those rates' denominators (a part of the rows is no zero).
    "avg_engagement_time": 45.0,  # 36000 s / 800
    "pages_per_session": 1950 / 800,
    "bounce_rate": 0.475,  # 380 / 800
    "downloads": 15.0,
    "email_open_rate": 0.4,  # 2000 / 5000
    "email_click_rate": 0.05,  # 250 / 5000
    "conversion_rate": 0.04,  # 40 / 1000
    "cpa": 25.0,  # 1000 / 40 (media spend only)
    "cpl": 25.0,  # (1000 + 250) / 50
    "lead_to_mql_rate": 0.4,  # 20 / 50
    "mql_to_sql_rate": 0.4,  # 8 / 20
    "mql_to_customer_rate": 0.2,  # 4 / 20
    "roas": 9.0,  # 9000 / 1000
    "poas": 3.6,  # 3600 / 1000
    "roi": 1.88,  # (3600 - 1000 - 250) / 1250
    "romi": 6.2,  # (9000 - 1250) / 1250
    "aov": 9000 / 35,
    "cart_abandonment_rate": 0.72,  # 1 - 35 / 125
    "cac": 312.5,  # 1250 / 4
    "ltv": 18.0,  # 9000 / 500
    "ltv_cac_ratio": 0.0576,  # 18 / 312.5
    "repeat_purchase_rate": 0.28,  # 140 / 500
    "churn_rate": 0.125,  # 50 / 400
    "return_rate": 3 / 35,
    "unsubscribe_rate": 0.002,  # 10 / 5000
}


def test_expected_values_cover_the_whole_catalog():
    assert set(EXPECTED) == set(catalog.KPIS)


def test_every_kpi_matches_the_hand_computed_value(frame):
    result = compute(frame, inputs=Inputs(margin=0.4, other_costs=250.0))
    row = result.row(0)
    assert result.unavailable == {}
    for kpi, expected in EXPECTED.items():
        assert row[kpi] == pytest.approx(expected, rel=1e-12), kpi


def test_segments_use_ratio_of_sums_not_the_average_of_ratios(frame):
    ads = frame.filter(pl.col("channel").is_in(["Search", "Social"]))
    by_channel = compute(ads, ["ctr", "cpc"], by=["channel"])
    ctr = dict(zip(by_channel.frame["channel"], by_channel.frame["ctr"], strict=True))
    assert ctr == {"Search": pytest.approx(0.03), "Social": pytest.approx(0.005)}
    total = compute(ads, ["ctr"]).row(0)["ctr"]
    # 1000 / 100000 = 0.01, while the mean of the two segment CTRs is 0.0175.
    assert total == pytest.approx(0.01)
    assert total != pytest.approx((0.03 + 0.005) / 2)


def test_segments_are_sorted_by_spend_descending(frame):
    result = compute(frame, ["cpc"], by=["channel"])
    assert result.frame["channel"].to_list()[:2] == ["Social", "Search"]


def test_zero_denominators_give_null_never_inf_or_nan():
    df = pl.DataFrame({"spend": [10.0, 0.0], "clicks": [0.0, 0.0], "impressions": [0.0, 0.0],
                       "conversions": [0.0, 0.0], "revenue": [5.0, 0.0]})
    row = compute(df, ["cpc", "ctr", "cpa", "roas", "cpm"]).row(0)
    assert row["cpc"] is None and row["ctr"] is None and row["cpa"] is None and row["cpm"] is None
    assert row["roas"] == pytest.approx(0.5)
    zero_spend = compute(df.filter(pl.col("spend") == 0), ["roas"]).row(0)
    assert zero_spend["roas"] is None


def test_reach_is_never_summed_over_rows():
    df = pl.DataFrame({"campaign": ["A", "A", "B"], "date": [date(2025, 1, 1), date(2025, 1, 2)] * 1
                       + [date(2025, 1, 1)], "impressions": [100.0, 200.0, 50.0],
                       "reach": [80.0, 150.0, 40.0]})
    total = compute(df, ["reach", "frequency", "impressions"])
    assert total.row(0)["reach"] is None and total.row(0)["frequency"] is None
    assert total.row(0)["impressions"] == 350
    assert any("counts people" in n for n in total.notes)
    per_day_campaign = compute(df, ["reach", "frequency"], by=["campaign", "date"])
    rows = {(r["campaign"], r["date"]): r for r in per_day_campaign.frame.iter_rows(named=True)}
    assert rows[("A", date(2025, 1, 2))]["reach"] == 150
    assert rows[("A", date(2025, 1, 2))]["frequency"] == pytest.approx(200 / 150)
    by_campaign = compute(df, ["reach"], by=["campaign"])
    reach = dict(zip(by_campaign.frame["campaign"], by_campaign.frame["reach"], strict=True))
    assert reach == {"A": None, "B": 40.0}


def test_money_in_different_currencies_is_never_added():
    df = pl.DataFrame({"currency": ["NOK", "SEK"], "spend": [100.0, 100.0], "clicks": [10.0, 20.0],
                       "revenue": [300.0, 500.0]})
    total = compute(df, ["cpc", "roas"])
    row = total.row(0)
    assert row["spend"] is None and row["revenue"] is None and row["cpc"] is None
    assert row["clicks"] == 30  # counts still add up
    assert total.currency is None
    assert any("currencies" in n for n in total.notes)
    per = compute(df, ["cpc", "roas"], by=["currency"])
    cpc = dict(zip(per.frame["currency"], per.frame["cpc"], strict=True))
    assert cpc == {"NOK": pytest.approx(10.0), "SEK": pytest.approx(5.0)}


@pytest.mark.parametrize("mixed", [True, False])
def test_currency_rule_per_group_with_one_or_several_currencies_in_the_frame(mixed):
    """Only a group that mixes currencies loses its money; a row without a currency mixes nothing.
    With one currency in the frame the rule is checked once for the frame, with the same answer."""
    df = pl.DataFrame({"campaign": ["A", "A", "B", "B", "C"],
                       "currency": ["NOK", "SEK" if mixed else "NOK", "NOK", None, None],
                       "spend": [100.0, 50.0, 30.0, 10.0, 7.0], "clicks": [10.0, 5.0, 4.0, 4.0, 1.0]})
    per = compute(df, ["cpc"], by=["campaign"]).frame
    rows = {r["campaign"]: r for r in per.iter_rows(named=True)}
    # A: (100 + 50) / (10 + 5) = 10 unless NOK and SEK meet; B: (30 + 10) / (4 + 4) = 5; C: 7 / 1 = 7
    assert rows["A"]["cpc"] == (None if mixed else pytest.approx(10.0))
    assert rows["A"]["currency"] == (None if mixed else "NOK")
    assert rows["B"]["cpc"] == pytest.approx(5.0) and rows["B"]["currency"] == "NOK"
    assert rows["C"]["cpc"] == pytest.approx(7.0) and rows["C"]["currency"] is None
    notes = compute(df, ["cpc"], by=["campaign"]).notes
    assert any("mixes currencies" in n for n in notes) == mixed


def test_bounce_rate_falls_back_to_engaged_sessions_and_says_so():
    df = pl.DataFrame({"sessions": [100.0, 300.0], "engaged_sessions": [60.0, 120.0]})
    result = compute(df, ["bounce_rate"])
    assert result.row(0)["bounce_rate"] == pytest.approx(1 - 180 / 400)
    assert result.formulas["bounce_rate"].note


def test_conversion_rate_per_click_without_sessions_is_announced():
    df = pl.DataFrame({"clicks": [200.0], "conversions": [5.0]})
    result = compute(df, ["conversion_rate"])
    assert result.row(0)["conversion_rate"] == pytest.approx(0.025)
    assert any("per click" in n for n in result.notes)


def test_a_shop_sheet_without_conversions_gets_orders_per_session_and_cost_per_order():
    # E-mail: 3 orders of 100 sessions (3 %); paid search: 5 of 400 (1.25 %). The average of the two
    # rates is 2.125 %; the conversion rate is 8 / 500 = 1.6 %. Cost per order: 240 / 8 = 30.
    df = pl.DataFrame({"channel": ["email", "paid search"], "sessions": [100.0, 400.0], "orders": [3.0, 5.0],
                       "spend": [0.0, 240.0]})
    total = compute(df, ["conversion_rate", "cpa"])
    assert total.row(0)["conversion_rate"] == pytest.approx(0.016)
    assert total.row(0)["cpa"] == pytest.approx(30.0)
    assert total.notes == ("Conversion rate: orders per session: the data has orders but no conversions column.",
                           "Cost per acquisition (CPA): per order: the data has orders but no conversions column.")
    by = compute(df, ["conversion_rate"], by=["channel"])
    assert by.frame.sort("channel")["conversion_rate"].to_list() == pytest.approx([0.03, 0.0125])
    # Conversions, when the data has them, win over orders: 10 on each row, 20 / 500.
    with_conversions = compute(df.with_columns(conversions=pl.lit(10.0)), ["conversion_rate"])
    assert with_conversions.row(0)["conversion_rate"] == pytest.approx(0.04) and not with_conversions.notes
    # Ad spend over a shop's orders (organic ones too) is no acquisition cost: no cost per order across sources.
    shop = pl.DataFrame({"source": ["google_ads", "shopify"], "spend": [240.0, None], "orders": [None, 8.0],
                         "sessions": [None, 500.0]})
    across = compute(shop, ["conversion_rate", "cpa"])
    assert "conversions" in across.unavailable["cpa"] and across.row(0)["conversion_rate"] == pytest.approx(0.016)


def test_missing_measures_are_explained_in_plain_words():
    df = pl.DataFrame({"spend": [100.0], "revenue": [400.0], "clicks": [10.0]})
    result = compute(df, ["poas", "roas", "ltv"])
    assert result.row(0)["roas"] == pytest.approx(4.0)
    assert "margin" in result.unavailable["poas"]
    assert "orders export" in result.unavailable["ltv"]
    with_margin = compute(df, ["poas"], inputs=Inputs(margin=0.25))
    assert with_margin.row(0)["poas"] == pytest.approx(1.0)  # 400 * 0.25 / 100


def test_gross_profit_from_cogs_beats_the_margin_input():
    df = pl.DataFrame({"spend": [100.0], "revenue": [400.0], "cogs": [300.0]})
    assert compute(df, ["poas"], inputs=Inputs(margin=0.9)).row(0)["poas"] == pytest.approx(1.0)


def test_other_costs_go_into_totals_only():
    df = pl.DataFrame({"channel": ["A", "B"], "spend": [100.0, 300.0], "leads": [10.0, 10.0]})
    total = compute(df, ["cpl"], inputs=Inputs(other_costs=100.0))
    assert total.row(0)["cpl"] == pytest.approx(25.0)  # (400 + 100) / 20
    seg = compute(df, ["cpl"], by=["channel"], inputs=Inputs(other_costs=100.0))
    assert dict(zip(seg.frame["channel"], seg.frame["cpl"], strict=True)) == {"A": 10.0, "B": 30.0}
    assert any("totals only" in n for n in seg.notes)


def test_week_grain_starts_on_monday_and_month_grain_on_the_first():
    days = [date(2025, 1, 5), date(2025, 1, 6), date(2025, 1, 12), date(2025, 2, 1)]  # Sun, Mon, Sun, Sat
    df = pl.DataFrame({"date": days, "clicks": [1.0, 2.0, 4.0, 8.0], "impressions": [10.0] * 4})
    weeks = compute(df, ["ctr"], grain="week").frame
    assert weeks["period"].to_list() == [date(2024, 12, 30), date(2025, 1, 6), date(2025, 1, 27)]
    assert weeks["clicks"].to_list() == [1, 6, 8]
    assert weeks["ctr"].to_list() == pytest.approx([0.1, 0.3, 0.8])
    months = compute(df, ["ctr"], grain="month").frame
    assert months["period"].to_list() == [date(2025, 1, 1), date(2025, 2, 1)]
    quarters = compute(df, ["ctr"], grain="quarter").frame
    assert quarters["period"].to_list() == [date(2025, 1, 1)]


def test_unknown_dimension_is_a_clear_error(frame):
    with pytest.raises(ValueError, match="no such column"):
        compute(frame, ["ctr"], by=["keyword"])


def test_to_long_gives_one_row_per_group_and_kpi(frame):
    long = to_long(compute(frame, ["ctr", "cpc"], by=["channel"]))
    assert long.columns == ["channel", "kpi", "value"]
    assert long.height == 4 * 2


# --- period comparison ------------------------------------------------------------------------


def _daily() -> pl.DataFrame:
    # Jan 2024 (a year back), Dec 2024 (previous), Jan 2025 (current); one row a day.
    rows = []
    for d in pl.date_range(date(2024, 1, 1), date(2024, 1, 31), eager=True):
        rows.append(dict(date=d, spend=10.0, clicks=5.0, conversions=1.0))
    for d in pl.date_range(date(2024, 12, 1), date(2024, 12, 31), eager=True):
        rows.append(dict(date=d, spend=10.0, clicks=10.0, conversions=1.0))
    for d in pl.date_range(date(2025, 1, 1), date(2025, 1, 31), eager=True):
        rows.append(dict(date=d, spend=12.0, clicks=10.0, conversions=2.0))
    return pl.DataFrame(rows)


def test_compare_with_previous_period_and_a_year_earlier():
    current = Period(date(2025, 1, 1), date(2025, 1, 31))
    result = compare(_daily(), ["cpc", "cpa"], current=current)
    assert result.previous == Period(date(2024, 12, 1), date(2024, 12, 31))
    assert result.year_before == Period(date(2024, 1, 1), date(2024, 1, 31))
    rows = {r["kpi"]: r for r in result.frame.iter_rows(named=True)}
    # CPC: 372/310 = 1.2 now, 310/310 = 1.0 before: +0.2, +20 %, bad (lower is better).
    assert rows["cpc"]["current"] == pytest.approx(1.2)
    assert rows["cpc"]["previous"] == pytest.approx(1.0)
    assert rows["cpc"]["change"] == pytest.approx(0.2)
    assert rows["cpc"]["change_pct"] == pytest.approx(0.2)
    assert rows["cpc"]["verdict"] == "bad"
    # CPA: 372/62 = 6.0 now, 310/31 = 10.0 before: -40 %, good.
    assert rows["cpa"]["change_pct"] == pytest.approx(-0.4)
    assert rows["cpa"]["verdict"] == "good"
    # Year before: CPC 310/155 = 2.0 -> 1.2 is -40 %, good.
    assert rows["cpc"]["yoy"] == pytest.approx(2.0)
    assert rows["cpc"]["yoy_change_pct"] == pytest.approx(-0.4)
    assert rows["cpc"]["yoy_verdict"] == "good"
    assert list(rows) == ["cpc", "cpa"]


def test_compare_without_a_year_of_history_has_no_yoy_columns():
    df = _daily().filter(pl.col("date") >= date(2024, 12, 1))
    result = compare(df, ["cpc"], current=Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert result.year_before is None
    assert "yoy" not in result.frame.columns


def test_compare_by_segment_and_previous_zero_gives_null_change_pct():
    df = pl.DataFrame({
        "date": [date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 1), date(2025, 1, 2)],
        "channel": ["A", "A", "B", "B"],
        "clicks": [0.0, 5.0, 10.0, 10.0], "impressions": [100.0, 100.0, 100.0, 50.0],
    })
    result = compare(df, ["ctr"], current=Period(date(2025, 1, 2), date(2025, 1, 2)), by=["channel"])
    rows = {r["channel"]: r for r in result.frame.iter_rows(named=True)}
    assert rows["A"]["previous"] == 0 and rows["A"]["change"] == pytest.approx(0.05)
    assert rows["A"]["change_pct"] is None
    assert rows["B"]["change_pct"] == pytest.approx(1.0)  # 0.1 -> 0.2


def test_verdict_follows_the_kpi_direction():
    assert verdict("roas", 0.5) == "good"
    assert verdict("cpa", 0.5) == "bad"
    assert verdict("cpa", -0.5) == "good"
    assert verdict("frequency", 1.0) == "neutral"
    assert verdict("ctr", 0.0) == "neutral"
    assert verdict("ctr", None) is None


def test_parse_period():
    assert parse_period("2025-01-01:2025-01-31") == Period(date(2025, 1, 1), date(2025, 1, 31))
    assert Period(date(2025, 1, 1), date(2025, 1, 31)).previous() == Period(date(2024, 12, 1),
                                                                             date(2024, 12, 31))
    with pytest.raises(ValueError, match="FROM:TO"):
        parse_period("January")
    with pytest.raises(ValueError, match="ends before"):
        parse_period("2025-02-01:2025-01-01")


def test_exchange_rates_add_money_of_several_currencies_in_one():
    # NO_Brand 500 NOK spend, 5 000 NOK revenue; SE_Brand 700 SEK, 6 500 SEK. At 1 SEK = 0.95 NOK:
    # spend 500 + 665 = 1 165 NOK, revenue 5 000 + 6 175 = 11 175 NOK, ROAS 11 175 / 1 165 = 9.592…
    df = pl.DataFrame({"campaign": ["NO_Brand", "SE_Brand"], "currency": ["NOK", "SEK"], "spend": [500.0, 700.0],
                       "revenue": [5000.0, 6500.0], "clicks": [100.0, 150.0]})
    assert compute(df, ["roas"]).row(0)["roas"] is None  # no rates: money is not added across currencies
    rates = Inputs(currency="NOK", rates=(("SEK", 0.95),))
    result = compute(df, ["roas", "cpc"], inputs=rates)
    assert (result.currency, result.row(0)["spend"]) == ("NOK", pytest.approx(1165.0))
    assert result.row(0)["roas"] == pytest.approx(11175 / 1165) and result.row(0)["cpc"] == pytest.approx(1165 / 250)
    assert result.notes == ("Money in SEK is reported in NOK at your rates (1 SEK = 0.95 NOK).",)
    by = compute(df, ["roas"], by=["campaign"], inputs=rates).frame.sort("campaign")
    assert by["spend"].to_list() == pytest.approx([500.0, 665.0])
    assert by["roas"].to_list() == pytest.approx([10, 6175 / 665])
    # a currency without a rate: nothing is converted, money stays per currency
    eur = df.with_columns(pl.Series("currency", ["NOK", "EUR"]))
    assert compute(eur, ["roas"], inputs=rates).row(0)["roas"] is None


def test_a_rate_whose_numerator_one_source_lacks_divides_by_that_source_rows_only():
    # Google Ads: 7 500 video views on 34 500 impressions; Meta reports no video views on its 390 000.
    # Video view rate 7500 / 34500 = 21.74 %, not 7500 / 424500 = 1.77 %. CTR still uses every impression.
    frame = pl.DataFrame({"source": ["google_ads", "google_ads", "meta_ads"],
                          "impressions": [30000.0, 4500.0, 390000.0], "video_views": [7000.0, 500.0, None],
                          "clicks": [300.0, 45.0, 3900.0]})
    total = compute(frame, ["video_view_rate", "ctr"]).row(0)
    assert total["video_view_rate"] == pytest.approx(7500 / 34500)
    assert total["ctr"] == pytest.approx(4245 / 424500)
    by_source = compute(frame, ["video_view_rate"], by=["source"]).frame.to_dicts()
    by = {r["source"]: r["video_view_rate"] for r in by_source}
    assert by == {"google_ads": pytest.approx(7500 / 34500), "meta_ads": None}
    # Universal Analytics' bounces next to GA4 (no bounces, engaged sessions): UA's own bounce rate.
    ua_ga4 = pl.DataFrame({"source": ["universal_analytics", "ga4"], "sessions": [5490.0, 5250.0],
                           "bounces": [2520.0, None], "engaged_sessions": [None, 3400.0]})
    assert compute(ua_ga4, ["bounce_rate"]).row(0)["bounce_rate"] == pytest.approx(2520 / 5490)


def test_frequency_counts_the_impressions_of_the_rows_that_give_a_reach():
    # Google Ads 100 000 impressions and no reach; Meta 300 000 impressions on a reach of 100 000 (its own
    # Frequency cell says 3.0): frequency 3.0, not (100 000 + 300 000) / 100 000 = 4.0.
    frame = pl.DataFrame({"source": ["google_ads", "meta_ads"], "impressions": [100000.0, 300000.0],
                          "reach": [None, 100000.0]})
    assert compute(frame, ["frequency"]).row(0)["frequency"] == pytest.approx(3.0)


def test_aov_divides_the_revenue_of_the_rows_that_count_the_orders():
    # Google Ads 35 000 and Meta 30 000 revenue without orders, Klaviyo 12 000 on 6 placed orders:
    # AOV 12 000 / 6 = 2 000, not 77 000 / 6.
    frame = pl.DataFrame({"source": ["google_ads", "meta_ads", "klaviyo"], "revenue": [35000.0, 30000.0, 12000.0],
                          "orders": [None, None, 6.0]})
    assert compute(frame, ["aov"]).row(0)["aov"] == pytest.approx(2000.0)
