"""The command line on the public data sets of export-formats.md §9 (fixtures by make_fixtures.py)."""

import json
from pathlib import Path

import pytest

from kpi_core.cli import main

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
KAG, IFOOD, VARIANT = (EXPORTS / n for n in ("kag_conversion_data.csv", "ifood_marketing_campaign.csv",
                                               "ifood_marketing_data.csv"))


def run_json(capsys, *args) -> dict:
    assert main(["summarize", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_kag_summary_without_false_double_tracking(capsys):
    out = run_json(capsys, KAG, "--by", "audience")
    src = out["sources"][0]
    assert (src["platform"], src["kind"], src["columns"]["interest"]) == ("meta_ads", "performance", "audience")
    assert not [f for f in src["findings"] if "double tracking" in f["message"] or f["level"] == "warning"]
    # spend 4.499999971 (rounded to 6 places); conversions 6 over 4 clicks: 150 % per click, view-through included.
    assert out["totals"] == {"spend": 4.5, "impressions": 30163, "clicks": 4, "conversions": 6}
    assert out["kpis"]["conversion_rate"] == pytest.approx(1.5)
    # interest 15: ads 708746 and 708815, spend 1.429999948 + 1.25 = 2.679999948, 2 clicks, 3 conversions.
    fifteen = next(s for s in out["segments"] if s["audience"] == "15")
    assert fifteen["clicks"] == 2 and fifteen["conversions"] == 3 and fifteen["spend"] == pytest.approx(2.68)


def test_ifood_summary_customers_orders_revenue(capsys):
    out = run_json(capsys, IFOOD, "--by", "education")
    src = out["sources"][0]
    assert (src["platform"], src["kind"], src["currency"], src["date_range"]) == (
        "ifood_customers", "customers", None, None)
    # tests/test_readers_public.py: revenue 2717, orders 61, customers 5, 4 of them with 2+ purchases.
    assert out["totals"] == {"orders": 61, "revenue": 2717.0, "customers": 5, "repeat_customers": 4}
    assert out["kpis"] == {"aov": pytest.approx(2717 / 61), "ltv": pytest.approx(543.4),
                           "repeat_purchase_rate": pytest.approx(0.8)}
    assert [s["education"] for s in out["segments"]] == ["Graduation", "Master", "PhD"]  # no spend: by name
    assert [s["revenue"] for s in out["segments"]] == [1525, 740, 452]


def test_ifood_loyalty_goal_says_what_cannot_be_computed(capsys):
    out = run_json(capsys, IFOOD, "--goal", "loyalty")
    items = {i["kpi"]: i for items in out["goal"]["stages"].values() for i in items}
    assert items["repeat_purchase_rate"]["value"] == pytest.approx(0.8) and out["goal"]["headline"] == (
        "repeat_purchase_rate")
    assert items["churn_rate"]["value"] is None and "orders export" in items["churn_rate"]["missing"]
    assert items["return_rate"]["missing"]


def test_variant_in_dollars_by_country_and_text_output(capsys):
    out = run_json(capsys, VARIANT, "--by", "country")
    assert out["currency"] == "USD" and out["totals"]["revenue"] == 2321.0
    assert {s["country"]: s["ltv"] for s in out["segments"]} == {"SP": 602.0, "CA": 557.0, "US": 560.0}
    assert main(["summarize", str(VARIANT)]) == 0
    text = capsys.readouterr().out
    assert "ifood_customers, 4 of 4 rows used" in text and "2,321.00 USD" in text


def test_ifood_breakdown_by_a_dimension_it_lacks_is_one_clear_line(capsys):
    assert main(["summarize", str(IFOOD), "--by", "country"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --by country: the data has no 'country' column") and "education" in err
