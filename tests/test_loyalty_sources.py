"""A webshop's own orders next to the ad platforms: each result counted once, never mixed in one KPI."""

import polars as pl
import pytest

from kpi_core.engine import compute

ADS = dict(source="google_ads", spend=1000.0, clicks=500.0, conversions=20.0, revenue=8000.0)
SHOP = dict(source="shopify_orders", orders=50.0, revenue=20000.0, new_customers=30.0, returned_orders=2.0)
GA4 = dict(source="ga4", sessions=2000.0, conversions=45.0, revenue=19000.0)


def frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows))


def test_ad_revenue_is_not_added_to_the_shops_revenue():
    result = compute(frame(ADS, SHOP), ["roas", "aov", "cac"])
    row = result.row(0)
    # Revenue from the ad platforms only: 8000, not 8000 + 20000. ROAS 8000 / 1000 = 8.
    assert row["revenue"] == 8000.0 and row["roas"] == pytest.approx(8.0)
    # AOV is not 8000 ad revenue / 50 shop orders: the shop's orders are set aside with its revenue,
    # and AOV falls back to revenue per ad conversion, 8000 / 20 = 400.
    assert row["orders"] is None and row["aov"] == pytest.approx(400.0)
    assert result.formulas["aov"].denominator == {"conversions": 1.0}
    # New customers come from the shop: CAC = 1000 / 30.
    assert row["cac"] == pytest.approx(1000 / 30)
    notes = " ".join(result.notes)
    assert "Shopify orders also reports them" in notes and "must not divide" in notes


def test_the_shop_alone_keeps_its_orders_and_revenue():
    row = compute(frame(SHOP), ["aov", "return_rate"]).row(0)
    assert row["aov"] == pytest.approx(400.0)  # 20000 / 50
    assert row["return_rate"] == pytest.approx(0.04)  # 2 / 50


def test_the_shop_wins_over_web_analytics():
    row = compute(frame(GA4, SHOP), ["aov", "conversion_rate"]).row(0)
    # GA4's revenue estimate (19000) is set aside for the shop's 20000; AOV = 20000 / 50 = 400.
    assert row["revenue"] == 20000.0 and row["aov"] == pytest.approx(400.0)
    assert row["conversion_rate"] == pytest.approx(45 / 2000)


def test_the_funnel_ends_on_ad_conversions_when_the_shops_orders_are_set_aside():
    from kpi_core.views import funnel

    ads = dict(ADS, impressions=20000.0)
    stages = funnel(frame(ads, SHOP)).stages
    # Orders are set aside (revenue comes from the ad platforms), so the last stage is the 20 conversions.
    assert stages["stage"].to_list() == ["impressions", "clicks", "conversions"]
    assert stages["volume"].to_list() == [20000.0, 500.0, 20.0]
    assert funnel(frame(SHOP)).stages["stage"].to_list() == ["orders"]  # the shop alone keeps its orders
