"""Robust anomaly bands on the daily ratio-of-sums series, against hand-computed values."""

from datetime import date, timedelta

import polars as pl
import pytest

from kpi_core.anomalies import band, detect, marks, points
from kpi_core.engine import Period

DAY1 = date(2025, 3, 1)


def days(spends: list[float], conversions: float = 10.0, split: bool = False) -> pl.DataFrame:
    """One day per spend value; with ``split`` each day is two rows, so the engine must sum before dividing."""
    rows = []
    for i, s in enumerate(spends):
        d = DAY1 + timedelta(days=i)
        if split:
            rows += [dict(date=d, spend=s * 0.25, conversions=conversions * 0.75),
                     dict(date=d, spend=s * 0.75, conversions=conversions * 0.25)]
        else:
            rows.append(dict(date=d, spend=s, conversions=conversions))
    return pl.DataFrame(rows)


def test_band_is_median_plus_minus_k_scaled_mad():
    # median of 10,10,11,11 = 10.5; deviations all 0.5 -> MAD 0.5 -> 0.5 × 1.4826 = 0.7413
    med, lo, hi = band([10.0, 11.0, 10.0, 11.0], k=3.0)
    assert med == 10.5
    assert lo == pytest.approx(10.5 - 3 * 0.7413) and hi == pytest.approx(10.5 + 3 * 0.7413)


def test_spike_is_bad_and_dip_is_good_for_cpa():
    # 20 days of CPA 10, 11, 10, 11… (spend 100 / 110 on 10 conversions), then CPA 20, then CPA 5
    df = days([100.0, 110.0] * 10 + [200.0, 50.0], split=True)
    out = detect(df, "cpa")
    assert out.height == 22
    assert out["median"][:14].null_count() == 14  # fewer than 14 days of history
    assert out["median"][14] == pytest.approx(10.5)  # days 1-14: seven 10s, seven 11s
    # day 16 sees eight 10s and seven 11s: MAD 0, so the spread is 1.2533 × mean deviation 7/15 = 0.585
    # and CPA 11 stays inside 10 ± 1.755
    assert out["upper"][15] == pytest.approx(10 + 3 * 1.2533 * 7 / 15)
    assert not out["anomaly"][:20].any()
    day21 = out.row(20, named=True)
    # history days 1-20: median 10.5, MAD 0.5 -> band 10.5 ± 2.2239; CPA 20 is above: bad for a cost
    assert day21["value"] == pytest.approx(20.0) and day21["anomaly"] and day21["verdict"] == "bad"
    assert day21["upper"] == pytest.approx(10.5 + 3 * 1.4826 * 0.5)
    day22 = out.row(21, named=True)
    # history days 1-21: median 11 (the 11th of ten 10s, ten 11s, one 20), deviations 0×10, 1×10, 9
    # -> MAD 1 -> band 11 ± 4.4478 = [6.5522, 15.4478]; CPA 5 is below: good
    assert day22["median"] == pytest.approx(11.0)
    assert day22["lower"] == pytest.approx(11 - 3 * 1.4826)
    assert day22["anomaly"] and day22["verdict"] == "good"


def test_only_the_trailing_window_counts():
    # days 1-5 CPA 50, days 6-10 CPA 10, day 11 CPA 10.2. With a 5-day window day 11 sees only the
    # flat 10s, so 10.2 is off; with a 10-day window the median is 30, MAD 20 and 10.2 is inside.
    df = days([500.0] * 5 + [100.0] * 5 + [102.0])
    short = detect(df, "cpa", window=5, min_history=5).row(10, named=True)
    assert short["median"] == pytest.approx(10.0) and short["anomaly"] and short["verdict"] == "bad"
    wide = detect(df, "cpa", window=10, min_history=5).row(10, named=True)
    assert wide["median"] == pytest.approx(30.0) and not wide["anomaly"]


def test_days_without_a_denominator_are_skipped_and_ctr_spikes_are_good():
    rows = [dict(date=DAY1 + timedelta(days=i), clicks=10.0, impressions=1000.0) for i in range(6)]
    rows[2]["impressions"] = 0.0  # CTR undefined that day: neither judged nor part of the history
    rows.append(dict(date=DAY1 + timedelta(days=6), clicks=30.0, impressions=1000.0))
    out = detect(pl.DataFrame(rows), "ctr", min_history=5)
    assert out["value"][2] is None and not out["anomaly"][2]
    assert out["median"][5] is None  # only 4 valued days before day 6
    last = out.row(6, named=True)
    # five days of 0.01, flat: 0.03 is off and a higher CTR is good news
    assert last["median"] == pytest.approx(0.01) and last["anomaly"] and last["verdict"] == "good"


def test_a_kpi_the_data_cannot_give():
    with pytest.raises(ValueError, match="revenue"):
        detect(days([1.0]), "roas")


def test_anomaly_points_for_the_trend_chart():
    from kpi_core.charts.context import anomaly_layer

    df = days([100.0, 110.0] * 10 + [200.0, 50.0])
    pts = points(detect(df, "cpa"), "CPA")
    assert pts.columns == ["date", "kpi", "value", "verdict", "note"]
    assert pts["date"].to_list() == [DAY1 + timedelta(days=20), DAY1 + timedelta(days=21)]
    assert pts["verdict"].to_list() == ["bad", "good"]
    assert pts["note"][0] == "outside 8.2761 – 12.7239 (median 10.5)"  # 10.5 ± 3 × 1.4826 × 0.5
    # only the period's days, every KPI the data can give (ROAS cannot: no revenue)
    last = Period(DAY1 + timedelta(days=21), DAY1 + timedelta(days=21))
    m = marks(df, ["cpa", "roas"], last, {"cpa": "CPA", "roas": "ROAS"})
    assert m.select("kpi", "verdict").rows() == [("CPA", "good")]
    spec = anomaly_layer(pts).to_dict()
    assert spec["mark"]["type"] == "point" and spec["encoding"]["color"]["field"] == "verdict"
    assert spec["encoding"]["color"]["scale"]["domain"][:2] == ["good", "bad"]
