"""The scorecard's loyalty stage from the shop's orders (the order set of test_loyalty.py).

Period 1–28 February 2025, against the 28 days before it (4–31 January):

    February: orders A 15 Feb (50), C 3 Feb (80), D 20 Feb (60): 3 orders, net 190, customers A C D,
      new C and D, nobody twice, nothing refunded. Spend: Meta 150 (5 Feb) + Google 40 (10 Feb) = 190.
    January 4–31: A 10 Jan (100), B 25 Jan (150 net, partly refunded): 2 orders, net 250, 2 new
      customers, 1 returned. Spend: Meta 250 (5 Jan) + TikTok 100 (20 Jan) = 350.
"""

from datetime import date

import pytest

from kpi_core import fmt, loyalty, views
from kpi_core.engine import Period
from tests.test_loyalty import PERFORMANCE, records

FEBRUARY = Period(date(2025, 2, 1), date(2025, 2, 28))


def cards(goal: str) -> dict[str, views.Card]:
    sc = views.scorecard(PERFORMANCE, goal, FEBRUARY, orders=loyalty.prepare(records()))
    return {c.kpi: c for stage in sc.stages for c in stage.cards} | ({sc.headline.kpi: sc.headline}
                                                                      if sc.headline else {})


def test_sales_goal_loyalty_stage_comes_from_the_orders():
    got = cards("sales")
    assert got["repeat_purchase_rate"].value == 0.0  # 0 of 3 customers ordered twice
    assert got["ltv"].value == pytest.approx(190 / 3)  # net revenue / customers
    assert got["ltv"].delta == "-49.3%"  # vs 250 / 2 = 125
    assert got["return_rate"].value == 0.0 and got["return_rate"].previous_text == "50.0%"  # 1 of 2 in January
    # LTV:CAC = (190 / 3) / (190 spend / 2 new customers) = 63.33 / 95; January (250 / 2) / (350 / 2) = 0.714.
    assert got["ltv_cac_ratio"].value == pytest.approx((190 / 3) / 95)
    assert got["ltv_cac_ratio"].previous_text == "0.71×"
    assert got["ltv"].formula == "revenue / customers"


def test_loyalty_goal_headline_and_unknown_churn():
    sc = views.scorecard(PERFORMANCE, "loyalty", FEBRUARY, orders=loyalty.prepare(records()))
    assert sc.headline.kpi == "repeat_purchase_rate"
    # No 90 days of orders before February or January: churn is unknown in both, so it is listed as
    # without a value rather than shown as "–" (or 0).
    assert "churn_rate" not in [c.kpi for s in sc.stages for c in s.cards]
    assert ("Churn rate", fmt.t("no_value")) in sc.missing
    assert any("from the shop's orders" in n for n in sc.notes)


def test_without_orders_the_loyalty_kpis_are_listed_as_missing():
    sc = views.scorecard(PERFORMANCE, "loyalty", FEBRUARY)
    assert sc.headline is None
    assert "Repeat purchase rate" in [label for label, _ in sc.missing]
