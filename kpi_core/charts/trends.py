"""KPIs over time: this period as a solid line, the previous one dashed over the same dates."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, AXIS_FORMAT, MUTED, check_size
from kpi_core.charts.context import anomaly_layer


def trend_lines(frame: pl.DataFrame, units: dict[str, str], current: str, previous: str,
                marks: pl.DataFrame | None = None) -> alt.VConcatChart:
    """frame: date, kpi (label), value, series. One small chart per KPI, stacked, each its own y axis.

    units: KPI label -> catalog unit (axis format). marks: optional date, kpi, value, verdict, note
    points drawn on top, green or red by verdict (anomalies.marks: the unusual days).
    """
    check_size(frame.height + (marks.height if marks is not None else 0))
    charts = []
    for label in units:
        part = frame.filter(pl.col("kpi") == label)
        lines = (
            alt.Chart(part)
            .mark_line(point=alt.OverlayMarkDef(size=18), interpolate="monotone")
            .encode(
                x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b", labelAngle=0)),
                y=alt.Y("value:Q", title=label, axis=alt.Axis(format=AXIS_FORMAT.get(units[label], ",.2f"))),
                color=alt.Color("series:N", scale=alt.Scale(domain=[current, previous], range=[ACCENT, MUTED]),
                                legend=alt.Legend(title=None, orient="top")),
                strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=[current, previous],
                                                                      range=[[1, 0], [5, 4]]), legend=None),
                tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), "series:N",
                         alt.Tooltip("value:Q", title=label, format=",.4~f")],
            )
        )
        layer = lines
        if marks is not None and not marks.is_empty():
            pts = marks.filter(pl.col("kpi") == label)
            if not pts.is_empty():
                layer = lines + anomaly_layer(pts)
        charts.append(layer.properties(height=200))
    return alt.vconcat(*charts).resolve_scale(y="independent")
