"""Orders, repeat purchases, churn, cohorts, LTV and LTV:CAC on a small order set, by hand.

The shop (NOK), one row per order, the last order on 2025-05-05 (the data end):

    customer  date        total  refunded  channel        note
    A         2025-01-10  100              facebook
    A         2025-02-15   50              web
    A         2025-04-20   70              web
    B         2025-01-25  200    50        google / cpc   partly refunded -> returned, net 150
    B         2025-05-05  100              web
    C         2025-02-03   80              instagram
    D         2025-02-20   60              web
    D         2025-03-01  500              web            cancelled: left out
    E         2025-03-10   90              organic
    E         2025-03-12   30              organic

Cohorts (first-order month): January {A, B}, February {C, D}, March {E}.
"""

from datetime import date

import polars as pl
import pytest

from kpi_core import loyalty
from kpi_core.engine import Period
from kpi_core.loyalty import OrdersProblem

D = date
ORDERS = [
    ("1001", "A", D(2025, 1, 10), 100.0, 0.0, False, "facebook"),
    ("1002", "A", D(2025, 2, 15), 50.0, 0.0, False, "web"),
    ("1003", "A", D(2025, 4, 20), 70.0, 0.0, False, "web"),
    ("1004", "B", D(2025, 1, 25), 200.0, 50.0, False, "google / cpc"),
    ("1005", "B", D(2025, 5, 5), 100.0, 0.0, False, "web"),
    ("1006", "C", D(2025, 2, 3), 80.0, 0.0, False, "instagram"),
    ("1007", "D", D(2025, 2, 20), 60.0, 0.0, False, "web"),
    ("1008", "D", D(2025, 3, 1), 500.0, 0.0, True, "web"),
    ("1009", "E", D(2025, 3, 10), 90.0, 0.0, False, "organic"),
    ("1010", "E", D(2025, 3, 12), 30.0, 0.0, False, "organic"),
]
SCHEMA = {"order_id": pl.String, "customer_id": pl.String, "date": pl.Date, "revenue": pl.Float64,
          "refunded": pl.Float64, "cancelled": pl.Boolean, "channel": pl.String}


def records(rows=ORDERS, currency: str | list[str] = "NOK") -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=SCHEMA, orient="row")
    codes = currency if isinstance(currency, list) else [currency] * frame.height
    return frame.with_columns(
        pl.Series("currency", codes, dtype=pl.String),
        pl.lit(False).alias("returned"),
        pl.lit(0.0).alias("discount"),
    )


@pytest.fixture
def orders() -> loyalty.Orders:
    return loyalty.prepare(records())


# --- preparing ----------------------------------------------------------------------------------


def test_cancelled_orders_are_left_out_and_counted(orders):
    assert orders.cancelled == 1
    assert orders.frame.height == 9
    assert "1008" not in orders.frame["order_id"].to_list()
    assert any("1 cancelled order is left out" in n for n in orders.notes)
    assert orders.as_of == D(2025, 5, 5) and orders.currency == "NOK"


def test_net_revenue_subtracts_refunds_and_marks_the_order_returned(orders):
    b = orders.frame.filter(pl.col("order_id") == "1004").row(0, named=True)
    assert b["net"] == 150.0 and b["returned"] is True  # 200 − 50


def test_first_order_gives_cohort_and_acquisition_channel(orders):
    per = orders.frame.group_by("customer_id").agg(pl.col("cohort").first(), pl.col("first_channel").first())
    got = {r["customer_id"]: (r["cohort"], r["first_channel"]) for r in per.iter_rows(named=True)}
    assert got == {"A": (D(2025, 1, 1), "facebook"), "B": (D(2025, 1, 1), "google / cpc"),
                   "C": (D(2025, 2, 1), "instagram"), "D": (D(2025, 2, 1), "web"), "E": (D(2025, 3, 1), "organic")}


def test_mixed_currencies_must_be_chosen_not_added():
    codes = ["NOK"] * 9 + ["SEK"]
    with pytest.raises(OrdersProblem, match="NOK, SEK; choose one currency"):
        loyalty.prepare(records(currency=codes))
    sek = loyalty.prepare(records(currency=codes), currency="SEK")
    assert sek.frame["order_id"].to_list() == ["1010"] and sek.currency == "SEK"


def test_missing_columns_are_named():
    with pytest.raises(OrdersProblem, match="no 'customer_id' column"):
        loyalty.prepare(records().drop("customer_id"))


def test_orders_without_any_customer_say_what_to_export():
    anonymous = records().with_columns(pl.lit(None, dtype=pl.String).alias("customer_id"))
    with pytest.raises(OrdersProblem, match="export them with the customer's e-mail"):
        loyalty.prepare(anonymous)


def test_orders_without_customer_are_left_out_with_a_note():
    rows = [*ORDERS, ("1011", None, D(2025, 3, 3), 40.0, 0.0, False, "web")]
    prepared = loyalty.prepare(records(rows))
    assert prepared.frame.height == 9
    assert any("1 order has no customer" in n for n in prepared.notes)


def test_as_of_date_cuts_later_orders():
    prepared = loyalty.prepare(records(), as_of=D(2025, 3, 31))
    assert prepared.as_of == D(2025, 3, 31)
    assert prepared.frame["date"].max() == D(2025, 3, 12)
    with pytest.raises(OrdersProblem, match="no orders with a customer and a date"):
        loyalty.prepare(records(), as_of=D(2024, 12, 31))


# --- measures and KPIs of a period ---------------------------------------------------------------


def test_period_measures_january_to_march(orders):
    m = loyalty.period_measures(orders, Period(D(2025, 1, 1), D(2025, 3, 31)))
    # Orders 1001 1002 1004 1006 1007 1009 1010 = 7; net 100+50+150+80+60+90+30 = 560; 1 returned.
    # Customers A B C D E, all new; A and E ordered twice -> 2 repeat customers.
    assert {k: m[k] for k in ("orders", "revenue", "returned_orders", "customers", "new_customers",
                              "repeat_customers")} == {
        "orders": 7.0, "revenue": 560.0, "returned_orders": 1.0, "customers": 5.0, "new_customers": 5.0,
        "repeat_customers": 2.0}
    row = loyalty.kpis(m).row(0, named=True)
    assert row["aov"] == pytest.approx(80.0)  # 560 / 7
    assert row["repeat_purchase_rate"] == pytest.approx(0.4)  # 2 / 5
    assert row["purchase_frequency"] == pytest.approx(1.4)  # 7 / 5
    assert row["return_rate"] == pytest.approx(1 / 7)
    assert row["ltv"] == pytest.approx(112.0)  # 560 / 5
    assert row["churn_rate"] is None  # no 90 days of orders before 1 January


def test_new_customers_are_counted_in_the_period_of_their_first_order(orders):
    m = loyalty.period_measures(orders, Period(D(2025, 2, 1), D(2025, 2, 28)))
    # February: A (returning, first order in January), C and D (new). 50 + 80 + 60 = 190.
    assert (m["orders"], m["revenue"], m["customers"], m["new_customers"]) == (3.0, 190.0, 3.0, 2.0)
    assert loyalty.summary(orders, Period(D(2025, 2, 1), D(2025, 2, 28)))["returning_customers"] == 1.0  # A


def test_churn_with_a_60_day_window(orders):
    april = Period(D(2025, 4, 1), D(2025, 4, 30))
    m = loyalty.period_measures(orders, april, churn_days=60)
    # Active on 31 March (an order 30 Jan–31 Mar): A (15 Feb), C (3 Feb), D (20 Feb), E (10 Mar) = 4;
    # B's last order (25 Jan) is too old; D's cancelled order of 1 March does not count.
    # Active on 30 April (an order 1 Mar–30 Apr): E (10 Mar), A (20 Apr). Churned: C and D.
    assert (m["customers_at_start"], m["churned_customers"]) == (4.0, 2.0)
    assert loyalty.kpis(m).row(0, named=True)["churn_rate"] == pytest.approx(0.5)  # 2 / 4


def test_churn_is_unknown_without_a_full_window_before_or_after(orders):
    april = Period(D(2025, 4, 1), D(2025, 4, 30))
    m = loyalty.period_measures(orders, april)  # 90 days before 1 April = 1 January, orders start 10 January
    assert m["churned_customers"] is None and m["customers_at_start"] is None
    assert "90 days of orders before" in loyalty.churn_gap(orders, april)
    may = Period(D(2025, 5, 1), D(2025, 5, 31))
    assert "orders end on 2025-05-05" in loyalty.churn_gap(orders, may, churn_days=60)
    assert loyalty.churn_gap(orders, april, churn_days=60) is None
    from kpi_core import fmt

    assert fmt.note(loyalty.churn_gap(orders, april), "nb") == (
        "Frafall trenger 90 dager med ordrer før perioden starter (fra 2025-01-01); ordrene starter 2025-01-10.")
    assert fmt.note(loyalty.churn_gap(orders, may, churn_days=60), "sv").startswith(
        "Kundbortfall kräver att hela perioden har passerat; ordrarna slutar 2025-05-05")


def test_by_month_splits_new_and_returning(orders):
    table = loyalty.by_period(orders)
    got = table.select("period", "complete", "orders", "revenue", "new_customers", "returning_customers").rows()
    assert got == [
        (D(2025, 1, 1), True, 2.0, 250.0, 2.0, 0.0),  # A 100, B 150
        (D(2025, 2, 1), True, 3.0, 190.0, 2.0, 1.0),  # C, D new; A returning
        (D(2025, 3, 1), True, 2.0, 120.0, 1.0, 0.0),  # E twice
        (D(2025, 4, 1), True, 1.0, 70.0, 0.0, 1.0),  # A
        (D(2025, 5, 1), False, 1.0, 100.0, 0.0, 1.0),  # B; the data ends 5 May
    ]
    assert table.filter(pl.col("period") == D(2025, 3, 1))["repeat_purchase_rate"].item() == 1.0  # E: 1 / 1
    # No month has 90 days of orders before it: churn unknown, not 0.
    assert table["churn_rate"].null_count() == 5
    # With 60 days, April can be told (0.5, as above); March cannot (60 days before it is 31 December).
    sixty = loyalty.by_period(orders, churn_days=60)
    assert sixty["churn_rate"].to_list() == [None, None, None, 0.5, None]


# --- cohorts and LTV ----------------------------------------------------------------------------


def test_retention_matrix(orders):
    t = loyalty.cohort_table(orders)
    jan = t.filter(pl.col("cohort") == D(2025, 1, 1))
    # January cohort {A, B}: Jan A B; Feb A; Mar nobody; Apr A; May B (partial month).
    assert jan["active"].to_list() == [2.0, 1.0, 0.0, 1.0, 1.0]
    assert jan["retention"].to_list() == [1.0, 0.5, 0.0, 0.5, 0.5]
    assert jan["complete"].to_list() == [True, True, True, True, False]
    feb = t.filter(pl.col("cohort") == D(2025, 2, 1))
    assert feb["retention"].to_list() == [1.0, 0.0, 0.0, 0.0]  # C, D never came back
    mar = t.filter(pl.col("cohort") == D(2025, 3, 1))
    assert mar["month"].to_list() == [0, 1, 2]  # months after May have not happened: no rows
    assert t.height == 12


def test_ltv_curve_is_cumulative_net_revenue_per_cohort_customer(orders):
    t = loyalty.cohort_table(orders, margin=0.4)
    jan = t.filter(pl.col("cohort") == D(2025, 1, 1))
    # Net revenue by month 250 (100 + 150), 50, 0, 70, 100 -> cumulative 250 300 300 370 470, / 2 customers.
    assert jan["cum_revenue"].to_list() == [250.0, 300.0, 300.0, 370.0, 470.0]
    assert jan["ltv"].to_list() == [125.0, 150.0, 150.0, 185.0, 235.0]
    assert jan["ltv_gross_profit"].to_list() == pytest.approx([50.0, 60.0, 60.0, 74.0, 94.0])  # × 0.4


def test_ltv_at_a_horizon_skips_cohorts_too_young(orders):
    t = loyalty.cohort_table(orders)
    by_cohort = loyalty.ltv_by_cohort(t)
    # 3 months = months 0–2. January: 300 / 2 = 150. February: 140 / 2 = 70. March: its month 2 is
    # May, not over on 5 May -> unknown, not 0. Nobody is 6 or 12 months old.
    assert by_cohort.select("cohort", "ltv_3m").rows() == [
        (D(2025, 1, 1), 150.0), (D(2025, 2, 1), 70.0), (D(2025, 3, 1), None)]
    assert by_cohort["ltv_6m"].null_count() == 3 and by_cohort["ltv_12m"].null_count() == 3
    h3 = loyalty.horizon_measures(t, 3).row(0, named=True)
    assert h3 == {"revenue": 440.0, "customers": 4.0, "cohorts": 2, "cohorts_incomplete": 1}
    assert loyalty.kpis(loyalty.horizon_measures(t, 3), ["ltv"])["ltv"].item() == pytest.approx(110.0)  # 440 / 4
    assert loyalty.kpis(loyalty.horizon_measures(t, 6), ["ltv"])["ltv"].item() is None


def test_an_as_of_date_at_month_end_completes_the_month():
    prepared = loyalty.prepare(records(), as_of=D(2025, 5, 31))
    h3 = loyalty.horizon_measures(loyalty.cohort_table(prepared), 3).row(0, named=True)
    # March cohort now complete at 3 months: (300 + 140 + 120) / (2 + 2 + 1) = 112.
    assert (h3["revenue"], h3["customers"]) == (560.0, 5.0)


# --- LTV:CAC ------------------------------------------------------------------------------------

PERFORMANCE = pl.DataFrame({
    "source": ["meta_ads", "meta_ads", "google_ads", "tiktok_ads", "meta_ads"],
    "date": [D(2025, 1, 5), D(2025, 2, 5), D(2025, 2, 10), D(2025, 1, 20), D(2025, 3, 5)],
    "spend": [250.0, 150.0, 40.0, 100.0, 999.0],
    "currency": ["NOK"] * 5,
})


def test_ltv_cac_overall_and_by_channel(orders):
    result = loyalty.ltv_cac(orders, PERFORMANCE, Period(D(2025, 1, 1), D(2025, 2, 28)), horizon=3,
                             other_costs=100.0)
    rows = {r["acquisition"]: r for r in result.frame.iter_rows(named=True)}
    assert list(rows) == [loyalty.ALL, "Google Ads", "Meta Ads"]
    everyone = rows[loyalty.ALL]
    # New customers Jan–Feb: A, B, C, D. Spend in the period 250 + 150 + 40 + 100 = 540 (March's 999 is
    # outside); CAC = (540 + 100 other costs) / 4 = 160. LTV at 3 months = 110 (see above).
    assert (everyone["new_customers"], everyone["spend"]) == (4.0, 540.0)
    assert everyone["cac"] == pytest.approx(160.0)
    assert everyone["ltv_cac_ratio"] == pytest.approx(110 / 160)
    assert everyone["healthy"] is False
    # Meta: A (facebook) and C (instagram), spend 400 -> CAC 200. LTV: A's months 0–2 = 150, C's = 80
    # -> 230 / 2 = 115; ratio 0.575.
    meta = rows["Meta Ads"]
    assert (meta["new_customers"], meta["spend"], meta["cac"], meta["ltv"]) == (2.0, 400.0, 200.0, 115.0)
    assert meta["ltv_cac_ratio"] == pytest.approx(0.575)
    # Google: B, spend 40 -> CAC 40; LTV 150 (net of the refund) -> 3.75, healthy.
    google = rows["Google Ads"]
    assert (google["cac"], google["ltv"], google["ltv_cac_ratio"], google["healthy"]) == (40.0, 150.0, 3.75, True)
    notes = " ".join(result.notes)
    assert "organic, web" in notes  # customers with no paid channel
    assert "TikTok Ads (100)" in notes  # spend that no order's channel names


def test_ltv_cac_leaves_out_spend_in_another_currency(orders):
    sek = PERFORMANCE.with_columns(pl.when(pl.col("source") == "google_ads").then(pl.lit("SEK"))
                                   .otherwise(pl.col("currency")).alias("currency"))
    result = loyalty.ltv_cac(orders, sek, Period(D(2025, 1, 1), D(2025, 2, 28)), horizon=3)
    assert result.frame.row(0, named=True)["spend"] == 500.0  # 540 − 40 SEK
    assert any("in SEK is left out" in n for n in result.notes)


def test_ltv_cac_without_old_enough_cohorts_says_so(orders):
    result = loyalty.ltv_cac(orders, PERFORMANCE, Period(D(2025, 1, 1), D(2025, 2, 28)), horizon=12)
    assert result.frame["ltv"].null_count() == result.frame.height
    assert result.frame["ltv_cac_ratio"].null_count() == result.frame.height
    assert any("No cohort is 12 months old" in n for n in result.notes)


def test_definitions_follow_the_churn_window_and_the_language():
    en, nb = loyalty.definitions("en", 60), loyalty.definitions("nb", 60)
    assert len(en) == len(nb) == len(loyalty.DEFINITIONS)
    assert any("at most 60 days old" in d for d in en) and any("høyst 60 dager" in d for d in nb)
