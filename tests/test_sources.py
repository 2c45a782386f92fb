import polars as pl
import pytest

from kpi_core.engine import compute

FRAME = pl.DataFrame({
    "source": ["google_ads", "meta_ads", "ga4", "ga4"],
    "channel": ["Paid Search", "Paid Social", "Paid Search", "Organic Search"],
    "spend": [100.0, 200.0, None, None],
    "clicks": [50.0, 100.0, None, None],
    "sessions": [None, None, 120.0, 380.0],
    "conversions": [5.0, 3.0, 6.0, 14.0],
    "revenue": [1000.0, 600.0, 1200.0, 2800.0],
})


def test_ads_and_analytics_results_are_counted_once():
    result = compute(FRAME, ["roas", "cpa", "conversion_rate"])
    row = result.row(0)
    # Ad platforms: conversions 5 + 3 = 8, revenue 1600; GA4's 20 conversions are set aside.
    assert row["conversions"] == 8 and row["revenue"] == 1600
    assert row["roas"] == pytest.approx(1600 / 300)
    assert row["cpa"] == pytest.approx(300 / 8)
    # Conversion rate stays within one tool: the ads' 8 conversions per their 150 clicks, not per
    # GA4's 500 sessions (which count all traffic, organic included).
    assert row["conversion_rate"] == pytest.approx(8 / 150)
    assert any("GA4 also reports them" in n and "twice" in n for n in result.notes)  # the name people know


def test_one_source_alone_keeps_its_own_results():
    ga4 = FRAME.filter(pl.col("source") == "ga4")
    row = compute(ga4, ["conversion_rate"]).row(0)
    assert row["conversions"] == 20 and row["conversion_rate"] == pytest.approx(20 / 500)


def test_sources_of_the_same_tier_add_up():
    ads = FRAME.filter(pl.col("source") != "ga4")
    result = compute(ads, ["cpa"])
    assert result.row(0)["conversions"] == 8 and result.notes == ()


def test_crm_leads_win_over_ad_platform_lead_forms():
    df = pl.DataFrame({"source": ["linkedin_ads", "hubspot_contacts"], "spend": [500.0, None],
                       "leads": [10.0, 8.0], "mqls": [None, 4.0]})
    row = compute(df, ["cpl", "lead_to_mql_rate"]).row(0)
    assert row["leads"] == 8 and row["cpl"] == pytest.approx(62.5)
    assert row["lead_to_mql_rate"] == pytest.approx(0.5)


def test_gross_profit_from_a_margin_uses_only_the_revenue_that_is_kept():
    from kpi_core.engine import Inputs, available_measures

    frame = pl.DataFrame({
        "source": ["google_ads", "ga4", "shopify_orders"],
        "spend": [100.0, None, None],
        "revenue": [400.0, 900.0, 1000.0],
        "orders": [None, None, 10.0],
        "returned_orders": [None, None, 1.0],
    })
    row = compute(frame, ["roas", "poas", "return_rate"], inputs=Inputs(margin=0.5)).row(0)
    # Only Google Ads' 400 of revenue is kept (ads beat analytics and the shop): gross profit
    # 400 × 0.5 = 200, POAS 200 / 100 = 2.0 (not (400 + 900 + 1000) × 0.5 / 100 = 11.5).
    assert row["gross_profit"] == pytest.approx(200.0)
    assert row["poas"] == pytest.approx(2.0)
    assert row["roas"] == pytest.approx(4.0)
    # The shop's orders are set aside next to ad revenue, so they are not "available" either.
    assert "orders" not in available_measures(frame)


def test_conversion_rate_never_divides_ad_conversions_by_analytics_sessions():
    frame = pl.DataFrame({
        "source": ["google_ads", "ga4"],
        "clicks": [200.0, None],
        "conversions": [10.0, 40.0],
        "sessions": [None, 2000.0],
    })
    res = compute(frame, ["conversion_rate"])
    # GA4's 40 conversions are set aside (the ad platform's count wins). Google Ads' 10 over
    # GA4's 2000 sessions (0.005) would mix two tools; per click it is 10 / 200 = 0.05.
    assert res.row(0)["conversion_rate"] == pytest.approx(0.05)
    assert res.formulas["conversion_rate"].denominator == {"clicks": 1.0}
    # GA4 alone: its own conversions per its own sessions, 40 / 2000.
    alone = compute(frame.filter(pl.col("source") == "ga4"), ["conversion_rate"]).row(0)
    assert alone["conversion_rate"] == pytest.approx(0.02)


def test_a_same_source_kpi_without_any_source_reporting_both_says_so():
    frame = pl.DataFrame({"source": ["meta_ads", "ga4"], "conversions": [5.0, None],
                          "sessions": [None, 100.0]})
    res = compute(frame, ["conversion_rate"])
    assert "conversion_rate" not in res.kpis
    # Per session needs one source with both; per click needs clicks, which nobody has.
    assert res.unavailable["conversion_rate"] == "needs a clicks column"


def test_mql_to_customer_rate_never_divides_shop_customers_by_crm_mqls():
    frame = pl.DataFrame({
        "source": ["hubspot_contacts", "shopify_orders"],
        "leads": [40.0, None],
        "mqls": [20.0, None],
        "new_customers": [5.0, 30.0],
        "orders": [None, 50.0],
    })
    res = compute(frame, ["lead_to_mql_rate", "mql_to_customer_rate"])
    # The shop's 30 first orders win new customers (the CRM's 5 are set aside); 30 / 20 MQLs = 1.5
    # would be a rate above 100 % from two tools. The KPI says why instead.
    assert "mql_to_customer_rate" not in res.kpis
    assert res.unavailable["mql_to_customer_rate"] == (
        "needs mqls and new customers from the same tool (filter to one source to see it)")
    assert res.row(0)["lead_to_mql_rate"] == pytest.approx(20 / 40)
    # The CRM alone: its own 5 customers per its 20 MQLs.
    alone = compute(frame.filter(pl.col("source") == "hubspot_contacts"), ["mql_to_customer_rate"])
    assert alone.row(0)["mql_to_customer_rate"] == pytest.approx(5 / 20)


def test_a_sheet_of_ones_own_is_ranked_by_its_columns_never_added_on_top():
    # A marketer's ad sheet (spend, conversions, revenue 13,000) beside the shop's orders (5 orders,
    # 3,298): the sheet is ranked as an ad platform, so its revenue is kept and the shop's set aside,
    # and the shop's orders with it (no ad revenue over shop orders): AOV is revenue per conversion.
    both = pl.DataFrame({
        "source": ["generic", "shopify_orders"], "spend": [3750.5, None], "conversions": [16.0, None],
        "revenue": [13000.0, 3298.0], "orders": [None, 5.0],
    })
    result = compute(both, ["roas", "aov"])
    row = result.row(0)
    assert row["revenue"] == 13000 and row["roas"] == pytest.approx(13000 / 3750.5)
    assert row["aov"] == pytest.approx(13000 / 16)
    assert any("Shopify orders also reports them" in n for n in result.notes)
    # A sheet of sessions and conversions only is web analytics: the ads' conversions win.
    sheet = pl.DataFrame({"source": ["google_ads", "generic"], "clicks": [100.0, None], "sessions": [None, 400.0],
                          "conversions": [4.0, 12.0]})
    assert compute(sheet, ["conversion_rate"]).row(0)["conversions"] == 4
    # Alone, a sheet keeps everything it has.
    assert compute(both.filter(pl.col("source") == "generic"), ["roas"]).row(0)["revenue"] == 13000


def test_a_comparison_takes_a_measure_from_the_same_tool_in_both_periods():
    from datetime import date

    from kpi_core.engine import Period, compare

    # The ads start in the current week; the shop sells in both. Revenue and orders are the ad platforms'
    # in the current week, and the shop's would be taken before: AOV 900 / 2 now against the shop's
    # 500 / 1 would compare two tools. Decided on both weeks, the shop's are set aside in both: the ads
    # report no orders, so AOV is revenue per conversion now (900 / 3) and has no value before.
    frame = pl.DataFrame({
        "date": [date(2025, 3, 10), date(2025, 3, 10), date(2025, 3, 3)],
        "source": ["google_ads", "shopify_orders", "shopify_orders"],
        "spend": [100.0, None, None], "conversions": [3.0, None, None],
        "revenue": [900.0, 1000.0, 500.0], "orders": [None, 2.0, 1.0],
    })
    c = compare(frame, ["aov"], Period(date(2025, 3, 10), date(2025, 3, 16)))
    row = c.frame.row(0, named=True)
    assert row["current"] == pytest.approx(300.0) and row["previous"] is None and row["change"] is None
