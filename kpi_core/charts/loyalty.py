"""Charts of the Loyalty page and the lead funnel: each takes the tidy frame ``kpi_core.loyalty`` or
``kpi_core.leads`` returns and only encodes it (no computing here).

Incomplete cells (a month still running, a cohort too young) are drawn faded and say so in the
tooltip: they are never shown as zero.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from kpi_core.catalog import Lang
from kpi_core.charts import BAD, GOOD, check_size
from kpi_core.fmt import t
from kpi_core.loyalty import HEALTHY_LTV_CAC

_FADED = alt.when(alt.datum.complete).then(alt.value(1.0)).otherwise(alt.value(0.45))


def cohort_heatmap(table: pl.DataFrame, lang: Lang = "en") -> alt.Chart:
    """Retention by cohort (rows) and month since the first order (columns), from ``cohort_table``."""
    check_size(table.height)
    base = alt.Chart(table).encode(
        x=alt.X("month:O", title=t("months_since_first", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("yearmonth(cohort):O", title=t("cohort_first_order", lang), sort="ascending"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("retention:Q", title=t("still_buying", lang), scale=alt.Scale(scheme="blues", domain=[0, 1]),
                        legend=alt.Legend(format="%")),
        opacity=_FADED,
        tooltip=[alt.Tooltip("yearmonth(cohort):T", title="Cohort"), alt.Tooltip("month:O", title="Month"),
                 alt.Tooltip("customers:Q", title="Cohort size", format=",.0f"),
                 alt.Tooltip("active:Q", title="Ordered that month", format=",.0f"),
                 alt.Tooltip("retention:Q", title="Share", format=".1%"),
                 alt.Tooltip("complete:N", title="Month over")],
    )
    labels = base.mark_text(fontSize=10).encode(
        text=alt.Text("retention:Q", format=".0%"),
        color=alt.when(alt.datum.retention > 0.5).then(alt.value("white")).otherwise(alt.value("black")),
    )
    return (cells + labels).properties(width=alt.Step(38), height=alt.Step(22))


def ltv_curves(table: pl.DataFrame, currency: str | None = None, field: str = "ltv", lang: Lang = "en") -> alt.Chart:
    """Cumulative net revenue (or gross profit: ``field``) per customer, one line per cohort."""
    check_size(table.height)
    money = f"{t('ltv_per_customer', lang)} ({currency})" if currency else t("ltv_per_customer", lang)
    return alt.Chart(table).mark_line(point=True).encode(
        x=alt.X("month:Q", title=t("months_since_first", lang), axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y(f"{field}:Q", title=money),
        color=alt.Color("yearmonth(cohort):O", title=t("cohort_first_order", lang), scale=alt.Scale(scheme="viridis")),
        opacity=_FADED,
        tooltip=[alt.Tooltip("yearmonth(cohort):T", title="Cohort"), alt.Tooltip("month:Q", title="Month"),
                 alt.Tooltip(f"{field}:Q", title=money, format=",.0f"),
                 alt.Tooltip("customers:Q", title="Customers", format=",.0f"),
                 alt.Tooltip("complete:N", title="Month over")],
    )


def ltv_cac_bars(frame: pl.DataFrame, horizon: int, lang: Lang = "en") -> alt.Chart:
    """LTV:CAC per acquisition channel (``loyalty.ltv_cac``), against the healthy line at 3."""
    check_size(frame.height)
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("ltv_cac_ratio:Q", title=t("ltv_cac_axis", lang, h=horizon)),
        y=alt.Y("acquisition:N", title=None, sort=None),
        color=alt.Color("healthy:N", title="LTV:CAC", scale=alt.Scale(domain=[True, False], range=[GOOD, BAD]),
                        legend=alt.Legend(labelExpr=f"datum.label == 'true' ? {t('ltv_cac_healthy', lang)!r} : "
                                                    f"{t('ltv_cac_below', lang)!r}")),
        tooltip=[alt.Tooltip("acquisition:N", title="Channel"),
                 alt.Tooltip("ltv_cac_ratio:Q", title="LTV:CAC", format=".2f"),
                 alt.Tooltip("ltv:Q", title="LTV", format=",.0f"), alt.Tooltip("cac:Q", title="CAC", format=",.0f"),
                 alt.Tooltip("new_customers:Q", title="New customers", format=",.0f")],
    )
    rule = alt.Chart(pl.DataFrame({"x": [HEALTHY_LTV_CAC]})).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    return bars + rule


def lead_funnel(long: pl.DataFrame, by: str = "channel", lang: Lang = "en") -> alt.Chart:
    """Contacts at each step (``leads.steps_long``), one bar per source within each step."""
    check_size(long.height)
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("step:N", title=None, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset(f"{by}:N"),
        y=alt.Y("count:Q", title=t("contacts", lang), axis=alt.Axis(tickMinStep=1, format=",d")),  # whole people
        color=alt.Color(f"{by}:N", title=t("original_source", lang),
                        legend=alt.Legend(orient="bottom", columns=4)),  # below: a phone has no room beside
        tooltip=[alt.Tooltip(f"{by}:N", title="Source"), alt.Tooltip("step:N", title="Step"),
                 alt.Tooltip("count:Q", title="Contacts", format=",.0f"),
                 alt.Tooltip("rate:Q", title="From the step before", format=".1%")],
    )
