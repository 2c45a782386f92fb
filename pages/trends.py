"""Trends: any KPI over time, this period against the one before it."""

import streamlit as st

import ui
from kpi_core import anomalies, catalog, views
from kpi_core.charts.trends import trend_line
from kpi_core.goals import plan

ui.framed()

lang = ui.lang()
st.title(ui.t("trends_question"))
view = ui.require_data()
ui.require_dates(view)
inputs = ui.inputs()
period = view.filters.period

kpis = views.computable_kpis(view.by_dimension, inputs)
finest = ui.memo(views.data_grain, view, "by_dimension")
if not st.session_state.get(ui.TREND_KPIS):  # open on the goal's first three KPIs that draw a line
    goal_plan = plan(st.session_state.get(ui.GOAL) or "sales", set(kpis) | set(view.by_dimension.columns))
    candidates = tuple(k for k in goal_plan.available if k in kpis) or tuple(kpis)
    probe = ui.memo(views.trend, view, "by_dimension", kpis=candidates, period=period, inputs=inputs, lang=lang,
                    grain=views.fitting_grain(period, "day", len(candidates), finest=finest))
    st.session_state[ui.TREND_KPIS] = views.drawn_kpis(probe, candidates, lang)[:3]

c1, c2 = st.columns([3, 1])
with c1:
    chosen = ui.kept(st.multiselect, ui.TREND_KPIS, ui.t("kpis"), options=kpis, max_selections=6,
                     format_func=lambda k: catalog.get(k).label(lang))
with c2:
    grain = ui.kept(st.segmented_control, ui.TREND_GRAIN, ui.t("grain"), options=["day", "week", "month"],
                    format_func=ui.t, required=True)
if not chosen:
    st.stop()
asked = grain or "day"
grain = views.fitting_grain(period, asked, len(chosen), finest=finest)
if grain != asked:
    st.caption(ui.t("grain_shown", grain=ui.t(grain).lower()))
frame = ui.memo(views.trend, view, "by_dimension", kpis=tuple(chosen), period=period, grain=grain, inputs=inputs,
                lang=lang)
marks = None
if grain == "day":  # unusual days are judged on the daily series
    marks = ui.memo(anomalies.marks, view, "by_dimension", kpis=tuple(chosen), period=period, inputs=inputs,
                    labels={k: catalog.get(k).label(lang) for k in chosen})
drawn = views.drawn_kpis(frame, chosen, lang)
# Rows covering several days as a whole (a GA4 report without dates) fit no single day or week.
spans = views.latest_span(view.by_dimension) is not None
for k in chosen:  # small multiples: one chart per KPI, each on its own scale
    kpi = catalog.get(k)
    if k not in drawn:  # an empty frame with a legend says nothing; say why instead
        st.info(ui.t("trend_no_value_spans" if spans else "trend_no_value", kpi=kpi.label(lang),
                     grain=ui.t(grain).lower()))
        continue
    ui.chart(trend_line(frame, kpi.label(lang), kpi.unit, ui.t("current"), ui.t("previous"), marks=marks),
                    key=f"trend_{k}")
st.caption(ui.t("trends_caption") + (" " + ui.t("anomalies_caption") if marks is not None else ""))
