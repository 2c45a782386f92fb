"""Segment charts: sorted bars (clickable), share of spend vs result, spend vs efficiency, heatmap.

The bar chart carries a point selection named ``pick`` on the ``segment`` field; the page reads it
from ``st.altair_chart(..., on_select="rerun")`` and passes the picked segment to the other charts,
which then highlight it.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, AXIS_FORMAT, MUTED, check_size

PICK = "pick"


def _highlight(picked: str | None) -> alt.ConditionalValueDefNumberExprRef | alt.Value:
    if picked is None:
        return alt.value(1.0)
    return alt.condition(alt.datum.segment == picked, alt.value(1.0), alt.value(0.3))


def kpi_bars(frame: pl.DataFrame, kpi_label: str, unit: str) -> alt.Chart:
    """frame: segment, value, text (sorted best first). Click a bar to pick its segment."""
    check_size(frame.height)
    pick = alt.selection_point(fields=["segment"], name=PICK, toggle=False)
    order = frame["segment"].to_list()
    return (
        alt.Chart(frame)
        .mark_bar(color=ACCENT, cornerRadiusEnd=2)
        .encode(
            y=alt.Y("segment:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            # a handful of ticks: a wide chart otherwise gets one every 0.2 (31 for a ROAS of 6)
            x=alt.X("value:Q", title=kpi_label, axis=alt.Axis(format=AXIS_FORMAT.get(unit, ",.2f"), tickCount=8)),
            opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.35)),
            tooltip=[alt.Tooltip("segment:N", title=" "), alt.Tooltip("text:N", title=kpi_label)],
        )
        .add_params(pick)
        .properties(height=alt.Step(30))  # every bar keeps its label, however few there are
    )


def share_bars(frame: pl.DataFrame, picked: str | None = None) -> alt.Chart:
    """frame: segment, measure, share (spend's rows first). Side-by-side bars per segment: the share of
    spend in grey, the share of the result in the accent colour."""
    check_size(frame.height)
    measures = frame["measure"].unique(maintain_order=True).to_list()
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", title=None, sort="-x", axis=alt.Axis(labelLimit=260)),
            yOffset=alt.YOffset("measure:N", sort=measures),
            x=alt.X("share:Q", title=None, axis=alt.Axis(format=".0%")),
            color=alt.Color("measure:N", scale=alt.Scale(domain=measures, range=[MUTED, ACCENT]),
                            legend=alt.Legend(title=None, orient="top")),
            opacity=_highlight(picked),
            tooltip=[alt.Tooltip("segment:N", title=" "), "measure:N", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(height=max(200, 52 * frame["segment"].n_unique()))
    )


def spend_efficiency(frame: pl.DataFrame, efficiency_label: str, unit: str, currency: str | None,
                     picked: str | None = None, spend_label: str = "Spend") -> alt.Chart:
    """frame: segment, spend, efficiency, size. One bubble per segment (``spend_label``: the axis, in the
    page's language)."""
    check_size(frame.height)
    spend_title = f"{spend_label} ({currency})" if currency else spend_label
    return (
        alt.Chart(frame)
        .mark_circle(color=ACCENT, stroke="white")
        .encode(
            x=alt.X("spend:Q", title=spend_title, axis=alt.Axis(format=",.0f")),
            y=alt.Y("efficiency:Q", title=efficiency_label, axis=alt.Axis(format=AXIS_FORMAT.get(unit, ",.2f"))),
            size=alt.Size("size:Q", legend=None, scale=alt.Scale(range=[60, 1600])),
            opacity=_highlight(picked) if picked else alt.value(0.75),
            tooltip=[alt.Tooltip("segment:N", title=" "), alt.Tooltip("spend:Q", format=",.0f"),
                     alt.Tooltip("efficiency:Q", title=efficiency_label, format=",.2f")],
        )
        .properties(height=340)
    )


def heatmap(frame: pl.DataFrame, a_label: str, b_label: str, kpi_label: str, good_high: bool,
            unit: str = "number") -> alt.Chart:
    """frame: a, b, value, text. Darker is better, whichever way the KPI points."""
    check_size(frame.height)
    scheme = alt.Scale(scheme="blues", reverse=not good_high)
    base = alt.Chart(frame).encode(
        x=alt.X("b:N", title=b_label, axis=alt.Axis(labelAngle=-30, labelLimit=160)),
        y=alt.Y("a:N", title=a_label, axis=alt.Axis(labelLimit=170)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("value:Q", scale=scheme, legend=alt.Legend(title=kpi_label, orient="bottom",
                                                                   format=AXIS_FORMAT.get(unit, ",.2f"))),
        tooltip=[alt.Tooltip("a:N", title=a_label), alt.Tooltip("b:N", title=b_label),
                 alt.Tooltip("text:N", title=kpi_label)],
    )
    # Dark text on pale cells, white on the darkest ones (the best 40 % of the range): always readable.
    values = frame["value"].drop_nulls()
    lo, hi = (float(values.min()), float(values.max())) if values.len() else (0.0, 0.0)
    dark = (alt.datum.value > lo + 0.6 * (hi - lo)) if good_high else (alt.datum.value < lo + 0.4 * (hi - lo))
    labels = base.mark_text(fontSize=11).encode(
        text="text:N",
        color=alt.when((alt.datum.value != None) & dark).then(alt.value("white"))  # noqa: E711
        .otherwise(alt.value("#222")),
    )
    return (cells + labels).properties(height=alt.Step(26))  # every row tall enough for its label and text
