"""Funnel: how many people make it from one stage to the next, and where most are lost."""

import streamlit as st

import ui
from kpi_core import views
from kpi_core.charts.funnel import stage_volumes, step_rates

ui.framed()

st.title(ui.t("funnel_question"))
view = ui.require_data()

fu = ui.memo(views.funnel, view, "in_period", lang=ui.lang())
if fu.stages.height < 2:
    st.info(ui.t("funnel_too_short"))
else:
    left, right = st.columns(2)
    with left:
        st.subheader(ui.t("volume"), anchor=False)
        st.altair_chart(stage_volumes(fu.stages), key="funnel_volumes")
    with right:
        st.subheader(ui.t("step_rate"), anchor=False)
        st.altair_chart(step_rates(fu.steps), key="funnel_steps")
    if fu.biggest:
        a, b, rate = fu.biggest
        st.markdown(ui.t("funnel_biggest_drop", a=a, b=b, rate=rate))
    st.caption(ui.t("funnel_caption"))

# The lead funnel (leads → MQL → SQL → customers from CRM exports) is added below by the loyalty module.
