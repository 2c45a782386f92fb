"""Funnel: how many people make it from one stage to the next, and where most are lost."""

import streamlit as st

import ui
from kpi_core import fmt, leads, views
from kpi_core.charts.funnel import stage_volumes, step_rates
from kpi_core.charts.loyalty import lead_funnel

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
        ui.chart(stage_volumes(fu.stages), key="funnel_volumes")
    with right:
        st.subheader(ui.t("step_rate"), anchor=False)
        ui.chart(step_rates(fu.steps), key="funnel_steps")
    if fu.biggest:
        a, b, rate = fu.biggest
        st.markdown(ui.t("funnel_biggest_drop", a=a, b=b, rate=rate))
    for note in fu.notes:
        st.caption(fmt.note(note, ui.lang()))
    st.caption(ui.t("funnel_caption"))

# --- the lead funnel from CRM contacts ---
contacts = leads.records_in(view.data.results, "contacts")
if contacts is not None:
    st.subheader(ui.t("lead_funnel_title"), anchor=False)
    span = ui.kept(st.segmented_control, ui.LEAD_DATES, ui.t("lead_dates"), options=["all", "period"],
                   format_func=lambda o: ui.t(f"lead_dates_{o}"), required=True, help=ui.t("lead_dates_help"))
    period = leads.created_span(contacts) if span == "all" else view.filters.period
    costs = leads.by_source_with_costs(contacts, view.by_dimension, period)
    steps = leads.steps_long(costs.frame, by=("acquisition",), lang=ui.lang())
    ui.chart(lead_funnel(steps, by="acquisition", lang=ui.lang()), key="lead_funnel")
    st.caption(ui.t("lead_funnel_caption", start=period.start.isoformat(), end=period.end.isoformat()))
    columns = ui.lead_columns()
    rates = [*leads.RATES, "median_days_to_customer"]
    ui.table(costs.frame, columns,
             column_order=["acquisition", *leads.STEPS, "spend", "cpl", "cac", *rates, "channels"])
    for note in costs.notes:
        st.caption(fmt.note(note, ui.lang()))
    st.markdown(f"**{ui.t('lead_by_month')}**")
    ui.table(leads.funnel(contacts, by=("month",), period=period), columns,
             column_order=["month", "contacts", *leads.STEPS, *rates])
    st.caption(leads.definition(ui.lang()))

deals = leads.records_in(view.data.results, "deals")
if deals is not None:
    st.subheader(ui.t("deals_title"), anchor=False)
    lng = ui.lang()
    ui.table(leads.deals_summary(deals), {
        "month": st.column_config.DateColumn(ui.t("month"), format="YYYY-MM"),
        **{c: st.column_config.NumberColumn(fmt.name(c, lng), format="localized", step=1)
           for c in ("deals", "closed", "won", "median_days_to_close")},
        "win_rate": st.column_config.NumberColumn(fmt.name("win_rate", lng), format="percent", step=0.0001),
        **{c: st.column_config.NumberColumn(fmt.name(c, lng), format="localized", step=0.01)
           for c in ("avg_won_amount", "won_amount")}})
    st.caption(ui.t("deals_caption"))
