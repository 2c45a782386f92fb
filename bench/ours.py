"""Our path: the export's bytes through ``kpi_core.readers.read_file``, then the engine.

This is what the app does with an upload: read it once, then compute the scorecard for the goal,
the breakdowns, the daily series and the period comparison from the canonical frame. ``job`` and
``rerun`` return the engine's own results; ``export`` turns them into plain numbers afterwards, out
of the timed part.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from bench.spec import BREAKDOWNS, GOAL, KPIS, OVERRIDES, table
from kpi_core import views
from kpi_core.engine import Comparison, KpiResult, available_measures, compare, compute
from kpi_core.goals import plan
from kpi_core.readers import read_file


def load(path: Path, fmt: str) -> pl.DataFrame:
    return read_file(path.read_bytes(), path.name, OVERRIDES.get(fmt)).frame


def goal_kpis(frame: pl.DataFrame) -> list[str]:
    """The sales goal's KPIs that the data can answer (what the scorecard shows)."""
    return plan(GOAL, available_measures(frame)).available


def job(frame: pl.DataFrame) -> dict[str, KpiResult | Comparison]:
    kpis = goal_kpis(frame)
    out: dict[str, KpiResult | Comparison] = {"scorecard": compute(frame, kpis)}
    for name, keys in BREAKDOWNS.items():
        out[name] = compute(frame, kpis, grain="day") if keys == ("date",) else compute(frame, kpis, by=keys)
    out["comparison"] = compare(frame, kpis)
    return out


def rerun(frame: pl.DataFrame, channels: tuple[str, ...], start: date, end: date) -> dict:
    """What a Streamlit rerun pays after a filter change: the filtered scorecard and one breakdown."""
    kpis = goal_kpis(frame)
    part = frame.filter(pl.col("channel").is_in(channels) & pl.col("date").is_between(start, end))
    return {"scorecard": compute(part, kpis), "campaign": compute(part, kpis, by=["campaign"])}


def app_sidebar(frame: pl.DataFrame) -> tuple:
    """The sidebar's date bounds and filter options. The app works them out once per dataset
    (``ui._sidebar_choices``), not on a filter change, so they are timed apart from ``app_rerun``."""
    return views.date_bounds(frame), views.filter_options(frame), views.last_spend_day(frame)


def app_rerun(frame: pl.DataFrame, channels: tuple[str, ...], start: date, end: date) -> tuple:
    """The same filter change as the app handles it: the dimension filters once and the period on
    top of them (``ui.require_data``), ``views.scorecard`` (current vs previous period, sparklines,
    formatted cards) and ``views.segments`` by campaign. The sidebar's options are not part of it
    (see ``app_sidebar``)."""
    f = views.Filters(start=start, end=end, channels=channels)
    by_dim = views.filter_dimensions(frame, f)
    card = views.scorecard(by_dim, GOAL, f.period)
    return card, views.segments(views.filter_period(by_dim, f), "campaign")


def export(results: dict[str, KpiResult | Comparison]) -> dict:
    out: dict = {}
    for name, res in results.items():
        if isinstance(res, Comparison):
            rows = res.frame.select("kpi", "current", "previous").iter_rows()
            out[name] = {k: [c, p] for k, c, p in rows}
            continue
        assert set(KPIS) <= set(res.kpis), f"the engine chose other KPIs than bench/spec.py: {res.kpis}"
        keys = tuple("date" if k == "period" else k for k in res.keys)
        out[name] = table(res.frame.rename({"period": "date"}, strict=False).to_dicts(), keys)
    return out
