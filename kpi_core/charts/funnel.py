"""The funnel: volume per stage, and the share that makes it from one stage to the next."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, BAD, GOOD, check_size


def stage_volumes(frame: pl.DataFrame) -> alt.Chart:
    """frame: label, volume, volume_text (funnel order). Horizontal bars, labelled with the volume."""
    check_size(frame.height)
    order = frame["label"].to_list()
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("volume:Q", title=None, axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar(color=ACCENT)
    text = base.mark_text(align="left", dx=4).encode(text="volume_text:N")
    return (bars + text).properties(height=52 * frame.height)


def step_rates(frame: pl.DataFrame) -> alt.Chart:
    """frame: step (e.g. "Clicks → Sessions"), rate, rate_text, biggest_drop. The biggest drop is red."""
    check_size(frame.height)
    order = frame["step"].to_list()
    base = alt.Chart(frame).encode(
        y=alt.Y("step:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("rate:Q", title=None, axis=alt.Axis(format=".1~%", tickCount=5)),
    )
    bars = base.mark_bar().encode(
        color=alt.condition(alt.datum.biggest_drop, alt.value(BAD), alt.value(GOOD)),
        tooltip=["step:N", alt.Tooltip("rate_text:N", title="rate")],
    )
    text = base.mark_text(align="left", dx=4).encode(text="rate_text:N")
    return (bars + text).properties(height=52 * frame.height)
