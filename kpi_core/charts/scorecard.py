"""The headline KPI's trend: a larger sparkline than st.metric's, with the period's dates."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, AXIS_FORMAT, check_size


def headline_trend(frame: pl.DataFrame, unit: str, height: int = 110) -> alt.Chart:
    """frame: date, value (one KPI per day or week of the period analysed)."""
    check_size(frame.height)
    return (
        alt.Chart(frame)
        .mark_area(line={"color": ACCENT}, color=ACCENT, opacity=0.15, interpolate="monotone")
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b", labelAngle=0, tickCount=6)),
            y=alt.Y("value:Q", title=None, axis=alt.Axis(format=AXIS_FORMAT.get(unit, ",.2f"), tickCount=3)),
            tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("value:Q", format=",.4~f")],
        )
        .properties(height=height)
    )
