"""Invariants of the engine, checked on random tables (Hypothesis)."""

import math

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_core import catalog
from kpi_core.engine import Inputs, compute
from kpi_core.schema import MEASURES, NON_ADDITIVE

ADDITIVE = [m for m in MEASURES if m not in NON_ADDITIVE and m not in {"other_costs", "gross_profit", "cogs"}]
value = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))


@st.composite
def tables(draw, min_rows=1, max_rows=12):
    n = draw(st.integers(min_rows, max_rows))
    measures = draw(st.lists(st.sampled_from(ADDITIVE), min_size=1, max_size=8, unique=True))
    data = {
        "channel": draw(st.lists(st.sampled_from(["Search", "Social", "Email"]), min_size=n, max_size=n)),
        "device": draw(st.lists(st.sampled_from(["Mobile", "Desktop"]), min_size=n, max_size=n)),
    }
    for m in measures:
        data[m] = draw(st.lists(value, min_size=n, max_size=n))
    return pl.DataFrame(data)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALL = list(catalog.KPIS)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@SETTINGS
@given(tables(), st.sampled_from(["channel", "device"]))
def test_segment_sums_equal_totals(df, dim):
    total = compute(df, ALL).row(0)
    seg = compute(df, ALL, by=[dim]).frame
    for m in (c for c in df.columns if c in MEASURES):
        assert seg[m].sum() == pytest.approx(total[m], rel=1e-9, abs=1e-6)


@SETTINGS
@given(tables(), st.randoms(use_true_random=False))
def test_row_order_does_not_change_kpis(df, rnd):
    order = list(range(df.height))
    rnd.shuffle(order)
    a = compute(df, ALL, inputs=Inputs(margin=0.3)).row(0)
    b = compute(df[order], ALL, inputs=Inputs(margin=0.3)).row(0)
    for k in ALL:
        assert _same(a.get(k), b.get(k)), k


@SETTINGS
@given(tables(), st.integers(0, 11), st.floats(0.0, 1.0))
def test_splitting_a_row_in_two_does_not_change_kpis(df, which, share):
    """Additive measures split over two rows with the same dimensions sum to the same KPIs.
    (Non-additive measures count people and cannot be split; they are not generated here.)"""
    i = which % df.height
    row = df[i]
    measures = [c for c in df.columns if c in MEASURES]
    part_a = row.with_columns([(pl.col(m) * share).alias(m) for m in measures])
    part_b = row.with_columns([(pl.col(m) * (1 - share)).alias(m) for m in measures])
    split = pl.concat([df[:i], part_a, part_b, df[i + 1 :]])
    for by in ([], ["channel"]):
        a = compute(df, ALL, by=by).frame.sort(by or "rows")
        b = compute(split, ALL, by=by).frame.sort(by or "rows")
        for k in (k for k in ALL if k in a.columns):
            for x, y in zip(a[k].to_list(), b[k].to_list(), strict=True):
                assert (x is None and (y is None or abs(y) < 1e-6)) or (
                    y is None and abs(x) < 1e-6) or math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9), k


@SETTINGS
@given(tables(), st.sampled_from([[], ["channel"], ["channel", "device"]]))
def test_no_inf_or_nan_ever_reaches_an_output(df, by):
    out = compute(df, ALL, by=by, inputs=Inputs(margin=0.5, other_costs=10.0)).frame
    for col in out.columns:
        if out[col].dtype == pl.Float64:
            values = out[col].drop_nulls()
            assert values.is_finite().all(), col
