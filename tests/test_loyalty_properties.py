"""Invariants of cohorts and period measures on random order sets (Hypothesis)."""

from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core import loyalty
from kpi_core.engine import Period

START = date(2024, 1, 1)

order_rows = st.lists(
    st.tuples(
        st.sampled_from("ABCDEFGHIJ"),  # customer
        st.integers(0, 500),  # day offset from START
        st.floats(0, 1000, allow_nan=False),  # total
        st.booleans(),  # cancelled
    ),
    min_size=1, max_size=60,
).filter(lambda rows: not all(r[3] for r in rows))


def prepared(rows) -> loyalty.Orders:
    frame = pl.DataFrame(
        {
            "order_id": [str(i) for i in range(len(rows))],
            "customer_id": [r[0] for r in rows],
            "date": [START + timedelta(days=r[1]) for r in rows],
            "revenue": [r[2] for r in rows],
            "cancelled": [r[3] for r in rows],
        },
        schema={"order_id": pl.String, "customer_id": pl.String, "date": pl.Date, "revenue": pl.Float64,
                "cancelled": pl.Boolean},
    )
    return loyalty.prepare(frame)


@settings(max_examples=60, deadline=None)
@given(order_rows)
def test_every_customer_is_in_exactly_one_cohort(rows):
    orders = prepared(rows)
    buyers = {r[0] for r in rows if not r[3]}
    table = loyalty.cohort_table(orders)
    month0 = table.filter(pl.col("month") == 0)
    # Cohort sizes add up to the customers, and every customer is active in their cohort's month 0.
    assert month0["customers"].sum() == len(buyers)
    assert (month0["active"] == month0["customers"]).all()
    cohorts_of = orders.frame.group_by("customer_id").agg(pl.col("cohort").n_unique().alias("n"))
    assert set(cohorts_of["customer_id"]) == buyers and (cohorts_of["n"] == 1).all()
    assert (table["retention"] <= 1).all()
    # Cumulative net revenue never falls when nothing is refunded.
    assert table.group_by("cohort").agg((pl.col("cum_revenue").diff().drop_nulls() >= -1e-9).all())[
        "cum_revenue"].all()


@settings(max_examples=40, deadline=None)
@given(order_rows)
def test_months_partition_orders_and_new_customers(rows):
    orders = prepared(rows)
    months = loyalty.by_period(orders)
    kept = [r for r in rows if not r[3]]
    assert months["orders"].sum() == len(kept)
    # Each customer is new in exactly one month: the month of their first order.
    assert months["new_customers"].sum() == len({r[0] for r in kept})
    everything = loyalty.period_measures(orders, Period(START, START + timedelta(days=500)))
    assert everything["revenue"] == pytest.approx(sum(r[2] for r in kept))
