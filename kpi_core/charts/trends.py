"""KPIs over time: this period as a solid line, the previous one dashed over the same dates."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, AXIS_FORMAT, MUTED, check_size
from kpi_core.charts.context import anomaly_layer


def trend_line(frame: pl.DataFrame, label: str, unit: str, current: str, previous: str,
               marks: pl.DataFrame | None = None) -> alt.Chart | alt.LayerChart:
    """One KPI over time. frame: date, kpi (label), value, series (its rows for ``label`` are drawn).

    Several KPIs are small multiples: one of these per KPI, each with its own y axis, so each
    stretches to the page's width. marks: optional date, kpi, value, verdict, note points drawn on
    top, green or red by verdict (anomalies.marks: the unusual days), with their own colour scale.
    """
    part = frame.filter(pl.col("kpi") == label)
    pts = marks.filter(pl.col("kpi") == label) if marks is not None and not marks.is_empty() else None
    check_size(part.height + (pts.height if pts is not None else 0))
    lines = (
        alt.Chart(part)
        .mark_line(point=alt.OverlayMarkDef(size=18), interpolate="monotone")
        .encode(
            # at least a day between ticks: a short period otherwise gets noon ticks, each date twice
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b", labelAngle=0, tickMinStep=86_400_000)),
            y=alt.Y("value:Q", title=label, axis=alt.Axis(format=AXIS_FORMAT.get(unit, ",.2f")),
                    scale=alt.Scale(zero=False)),  # the movement is the story; the axis says where it lies
            color=alt.Color("series:N", scale=alt.Scale(domain=[current, previous], range=[ACCENT, MUTED]),
                            legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeWidth=3)),
            strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=[current, previous],
                                                                  range=[[1, 0], [5, 4]]), legend=None),
            tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), "series:N",
                     alt.Tooltip("value:Q", title=label, format=",.4~f")],
        )
        .properties(height=220)
    )
    if pts is None or pts.is_empty():
        return lines
    return alt.layer(lines, anomaly_layer(pts)).resolve_scale(color="independent")
