"""Days where a KPI leaves its usual band.

The series is the KPI per day as the engine computes it (ratio of sums per day, ``grain="day"``).
For each day the band is built from the days *before* it within a trailing window (default 28
calendar days): ``median ± k × MAD_σ`` where MAD_σ = 1.4826 × median absolute deviation, the usual
robust stand-in for a standard deviation (so k = 3 means "about three standard deviations" on
well-behaved data, and one extreme day does not widen the band the way it would a mean ± k·sd band).
When more than half the history is one value the MAD is 0; the spread then falls back to 1.2533 × the
mean absolute deviation (the same estimate of σ from the mean deviation), and only a history with no
spread at all makes any change an anomaly.
A day is only judged when the window holds at least ``min_history`` days with a value.

A point outside the band is coloured by the KPI's direction: a CPA spike is bad, a CTR spike good,
a frequency jump neutral.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from statistics import median

import polars as pl

from kpi_core.engine import PERIOD, Inputs, Period, compute, verdict

WINDOW_DAYS = 28
K = 3.0
MIN_HISTORY = 14
MAD_TO_SIGMA = 1.4826  # MAD × 1.4826 estimates the standard deviation of normal data
MEAN_AD_TO_SIGMA = 1.2533  # mean absolute deviation × 1.2533 does too; used when the MAD is 0


def daily(frame: pl.DataFrame, kpis: Sequence[str],
          inputs: Inputs | None = None) -> tuple[pl.DataFrame, Mapping[str, str]]:
    """``date`` and one column per KPI the data can give (each KPI per day, null without a denominator),
    and for the others what they lack.

    One engine pass for every KPI: the daily grouping is the expensive part on large data.
    """
    res = compute(frame, list(kpis), grain="day", inputs=inputs)
    series = res.frame.select(pl.col(PERIOD).alias("date"), *[k for k in kpis if k in res.kpis]).sort("date")
    return series, res.unavailable


def band(history: list[float], k: float = K) -> tuple[float, float, float]:
    """(median, lower, upper) of a robust band over ``history``."""
    med = median(history)
    deviations = [abs(x - med) for x in history]
    spread = MAD_TO_SIGMA * median(deviations) or MEAN_AD_TO_SIGMA * sum(deviations) / len(deviations)
    return med, med - k * spread, med + k * spread


def detect(frame: pl.DataFrame, kpi: str, window: int = WINDOW_DAYS, k: float = K, min_history: int = MIN_HISTORY,
           inputs: Inputs | None = None) -> pl.DataFrame:
    """Per day: ``date, value, median, lower, upper, anomaly, verdict`` (see ``flag``)."""
    series, unavailable = daily(frame, [kpi], inputs)
    if kpi not in series.columns:
        raise ValueError(f"{kpi} cannot be computed from this data: it {unavailable.get(kpi, '')}")
    return flag(series.rename({kpi: "value"}), kpi, window, k, min_history)


def flag(series: pl.DataFrame, kpi: str, window: int = WINDOW_DAYS, k: float = K,
         min_history: int = MIN_HISTORY) -> pl.DataFrame:
    """Add ``median, lower, upper, anomaly, verdict`` to a ``date, value`` series of ``kpi``.

    median/lower/upper are null while the trailing window holds fewer than ``min_history`` values;
    ``anomaly`` is True outside the band (on a flat history, any value off the median) and
    ``verdict`` is good / bad / neutral for anomalies, null otherwise.
    """
    days, values = series["date"].to_list(), series["value"].to_list()
    meds, lows, highs, flags, verdicts = [], [], [], [], []
    start = 0
    for i, (day, value) in enumerate(zip(days, values, strict=True)):
        while days[start] < day - timedelta(days=window):
            start += 1
        history = [v for v in values[start:i] if v is not None]
        med = lo = hi = None
        out = False
        if len(history) >= min_history:
            med, lo, hi = band(history, k)
            tol = 1e-9 * max(1.0, abs(med))  # a flat history: only a real change counts
            out = value is not None and (value < lo - tol or value > hi + tol)
        meds.append(med)
        lows.append(lo)
        highs.append(hi)
        flags.append(out)
        verdicts.append(verdict(kpi, value - med) if out else None)
    return series.with_columns(
        pl.Series("median", meds, dtype=pl.Float64), pl.Series("lower", lows, dtype=pl.Float64),
        pl.Series("upper", highs, dtype=pl.Float64), pl.Series("anomaly", flags, dtype=pl.Boolean),
        pl.Series("verdict", verdicts, dtype=pl.String),
    )


def points(detected: pl.DataFrame, label: str) -> pl.DataFrame:
    """``date, kpi, value, verdict, note`` for the days outside the band (from ``detect``)."""
    note = pl.format("outside {} – {} (median {})", *(pl.col(c).round(4) for c in ("lower", "upper", "median")))
    return detected.filter(pl.col("anomaly")).select(
        "date", pl.lit(label).alias("kpi"), "value", "verdict", note.alias("note"))


def marks(frame: pl.DataFrame, kpis: Sequence[str], period: Period, labels: Mapping[str, str],
          inputs: Inputs | None = None) -> pl.DataFrame:
    """Anomalous days of each KPI inside ``period``, judged on the whole history before them.

    KPIs the data cannot give per day are left out. ``labels`` names each KPI as the chart does.
    """
    series, _ = daily(frame, kpis, inputs)
    parts = [points(flag(series.select("date", pl.col(kpi).alias("value")), kpi)
                    .filter(pl.col("date").is_between(period.start, period.end)), labels[kpi])
             for kpi in kpis if kpi in series.columns]
    schema = {"date": pl.Date, "kpi": pl.String, "value": pl.Float64, "verdict": pl.String, "note": pl.String}
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)
