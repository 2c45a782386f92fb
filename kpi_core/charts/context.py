"""Charts that put a number in context: the "why did it move" waterfall, anomaly points, a target bullet.

Each chart is two functions: ``*_frame`` builds a tidy Polars frame (tested on its values), the other
turns it into an ``alt.Chart`` (tested through ``to_dict()``).
"""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.charts import ACCENT, AXIS_FORMAT, BAD, GOOD, MUTED, check_size
from kpi_core.engine import verdict
from kpi_core.explain import Decomposition
from kpi_core.targets import AT_RISK_BAND, TargetCheck, direction_of
from kpi_core.views import NOT_SET

VERDICT_COLOURS = alt.Scale(domain=["good", "bad", "neutral", "total"], range=[GOOD, BAD, MUTED, ACCENT])


# --- waterfall ---------------------------------------------------------------------------------------


def waterfall_frame(d: Decomposition, split: bool = False, top: int = 8, other: str = "Other segments",
                    previous: str = "Previous", current: str = "Current") -> pl.DataFrame:
    """``order, label, kind, start, end, delta, verdict``: the previous value, one bar per segment
    (or a mix and a rate bar each with ``split``), the current value. Each bar starts where the last
    one ended, so the bars add up: previous + Σ deltas = current. Segments beyond the ``top`` largest
    effects are summed into one ``other`` bar.
    """
    seg = d.segments
    head, tail = seg.head(top), seg.slice(top)
    steps: list[tuple[str, str, float]] = []
    for r in head.iter_rows(named=True):
        key = r[d.by]
        name = NOT_SET if key is None else str(key.isoformat() if hasattr(key, "isoformat") else key)
        if split:
            steps += [(f"{name}: mix", "mix", r["mix_effect"]), (f"{name}: rate", "rate", r["rate_effect"])]
        else:
            steps.append((name, "segment", r["effect"]))
    if tail.height:
        if split:
            steps += [(f"{other}: mix", "mix", float(tail["mix_effect"].sum())),
                      (f"{other}: rate", "rate", float(tail["rate_effect"].sum()))]
        else:
            steps.append((other, "segment", float(tail["effect"].sum())))
    rows = [dict(label=previous, kind="previous", start=0.0, end=d.previous, delta=d.previous, verdict="total")]
    level = d.previous
    for label, kind, delta in steps:
        rows.append(dict(label=label, kind=kind, start=level, end=level + delta, delta=delta,
                         verdict=verdict(d.kpi, delta)))
        level += delta
    rows.append(dict(label=current, kind="current", start=0.0, end=d.current, delta=d.current, verdict="total"))
    return pl.DataFrame(rows).with_row_index("order")


def waterfall_chart(frame: pl.DataFrame, title: str, unit: str, height: int = 320) -> alt.Chart:
    """Bars from ``start`` to ``end`` in ``order``; green where the KPI got better, red where worse.

    title: the KPI's label (in the page's language); unit: its catalog unit, for the axis format.
    """
    check_size(frame.height)
    fmt = AXIS_FORMAT.get(unit, ",.2f")
    order = frame["label"].to_list()
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            # every bar keeps its name: parallel slanted labels never collide, so none is dropped
            x=alt.X("label:N", sort=order, title=None,
                    axis=alt.Axis(labelAngle=-50, labelLimit=160, labelOverlap=False)),
            y=alt.Y("start:Q", title=title, axis=alt.Axis(format=fmt)),
            y2="end:Q",
            color=alt.Color("verdict:N", scale=VERDICT_COLOURS, legend=None),
            tooltip=["label:N", alt.Tooltip("delta:Q", format=",.4~f"), alt.Tooltip("end:Q", format=",.4~f")],
        )
        .properties(height=height)
    )


# --- anomalies ---------------------------------------------------------------------------------------


def anomaly_layer(points: pl.DataFrame) -> alt.Chart:
    """Filled points coloured good / bad / neutral, to draw over a trend line with ``date`` and ``value``."""
    check_size(points.height)
    return alt.Chart(points).mark_point(size=90, filled=True, opacity=1).encode(
        x="date:T", y="value:Q", color=alt.Color("verdict:N", scale=VERDICT_COLOURS, legend=None),
        tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("value:Q", format=",.4~f"), "note:N"])


# --- target bullet -----------------------------------------------------------------------------------


def bullet_frame(check: TargetCheck, band: float = AT_RISK_BAND) -> pl.DataFrame:
    """``kind, start, end``: the off-track, at-risk and on-track ranges around the target, plus
    ``value`` (the judged value: the projection for cumulative targets) and ``target`` rows."""
    goal, value = check.goal, check.judged
    if goal is None or value is None:
        return pl.DataFrame(schema={"kind": pl.String, "start": pl.Float64, "end": pl.Float64})
    tol = band * abs(goal)
    far = max(abs(value), abs(goal) * (1 + 3 * band))
    direction = direction_of(check.target.metric)
    if direction == "higher":
        ranges = [("off_track", 0.0, goal - tol), ("at_risk", goal - tol, goal), ("on_track", goal, far)]
    elif direction == "lower":
        ranges = [("on_track", 0.0, goal), ("at_risk", goal, goal + tol), ("off_track", goal + tol, far)]
    else:
        ranges = [("on_track", goal - tol, goal + tol), ("at_risk", goal - 2 * tol, goal - tol),
                  ("at_risk", goal + tol, goal + 2 * tol)]
    rows = [dict(kind=k, start=a, end=b) for k, a, b in ranges]
    rows += [dict(kind="value", start=0.0, end=value), dict(kind="target", start=goal, end=goal)]
    return pl.DataFrame(rows)


def bullet_chart(frame: pl.DataFrame, height: int = 46) -> alt.LayerChart:
    """Pale status ranges, the value as a dark bar, the target as a tick."""
    ranges = frame.filter(pl.col("kind").is_in(["on_track", "at_risk", "off_track"]))
    shades = alt.Scale(domain=["on_track", "at_risk", "off_track"], range=["#dcedc8", "#fff3c4", "#ffcdd2"])
    base = alt.Chart(ranges).mark_bar(height=height * 0.8).encode(
        x=alt.X("start:Q", title=None), x2="end:Q", color=alt.Color("kind:N", scale=shades, legend=None))
    bar = alt.Chart(frame.filter(pl.col("kind") == "value")).mark_bar(color=ACCENT, height=height * 0.3).encode(
        x="start:Q", x2="end:Q", tooltip=[alt.Tooltip("end:Q", title="value", format=",.4~f")])
    tick = alt.Chart(frame.filter(pl.col("kind") == "target")).mark_tick(
        color="#263238", thickness=3, size=height * 0.9).encode(
        x="start:Q", tooltip=[alt.Tooltip("start:Q", title="target", format=",.4~f")])
    return (base + bar + tick).properties(height=height)
