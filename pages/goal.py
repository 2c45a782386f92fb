"""Goal & KPIs: pick the business goal, see the few KPIs that matter for it, stage by stage."""

import streamlit as st

import ui
from kpi_core import views
from kpi_core.catalog import GOAL_IDS, GOAL_LABELS
from kpi_core.charts.scorecard import headline_trend

ui.framed()

lang = ui.lang()
st.title(ui.t("goal_question"))
view = ui.require_data()

left, right = st.columns([2, 3])
with left:
    goal = ui.kept(st.selectbox, ui.GOAL, ui.t("goal"), options=GOAL_IDS,
                   format_func=lambda g: GOAL_LABELS[g][lang])
with right, st.expander(ui.t("business_inputs")):
    a, b = st.columns(2)
    with a:
        ui.kept(st.number_input, ui.MARGIN, ui.t("margin"), min_value=0.0, max_value=100.0, step=1.0,
                help=ui.t("margin_help"))
    with b:
        ui.kept(st.number_input, ui.OTHER_COSTS, ui.t("other_costs"), min_value=0.0, step=1000.0)

sc = ui.memo(views.scorecard, view, "by_dimension", goal=goal, period=view.filters.period,
               inputs=ui.inputs(), lang=lang, orders=ui.orders()[0])
st.caption(ui.t("scorecard_caption", current=str(sc.current).replace(":", " – "), days=sc.current.days,
                previous=str(sc.previous).replace(":", " – ")))


def metric(c: views.Card, key: str, sparkline: bool = True) -> None:
    """One KPI: value, change against the previous period, a small trend, and its explanation."""
    trend = list(c.spark) if sparkline and c.spark else None
    st.metric(c.label, c.text, c.delta, delta_color=c.delta_color, chart_data=trend, border=True,
              help=c.description, delta_description=ui.t("vs_previous") if c.delta else None)
    if c.target_status:
        st.caption(f"{ui.t('target_status')}: {c.target_status}")
    with st.popover(ui.t("why"), type="tertiary", key=f"why_{key}"):
        st.markdown(f"**{c.label}**  \n{c.why}")
        st.markdown(f"{ui.t('formula')}: `{c.formula}`  \n{ui.t('previous_value')}: {c.previous_text}")


if sc.headline is not None:
    h = sc.headline
    with st.container(border=True):
        st.caption(ui.t("headline"))
        cols = st.columns([1, 2])
        with cols[0]:
            metric(h, "headline", sparkline=False)
        with cols[1]:
            spark = views.spark_frame(h)
            if not spark.is_empty():
                st.altair_chart(headline_trend(spark, h.unit), key="headline_trend")
    if sc.headline_note:
        st.caption(sc.headline_note)

for stage in sc.stages:
    if not stage.cards:
        continue
    st.subheader(stage.label)
    st.caption(stage.goal)
    per_row = 4
    for i in range(0, len(stage.cards), per_row):
        cols = st.columns(per_row)
        for col, c in zip(cols, stage.cards[i:i + per_row], strict=False):
            with col:
                metric(c, c.kpi)

if sc.missing:
    with st.expander(ui.t("missing_title") + f" ({len(sc.missing)})"):
        st.markdown("\n".join(f"- **{label}**: {why}" for label, why in sc.missing))

if sc.notes:
    with st.expander(ui.t("notes"), expanded=True):
        st.markdown("\n".join(f"- {n}" for n in sc.notes))
